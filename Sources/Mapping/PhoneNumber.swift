/// Phone numbers to the OICP form: `+` and digits only.
enum PhoneNumber {
    /// `tel:+33-4-23-10-03-50` → `+33423100350`; `0221 123456` with country code 49 →
    /// `+49221123456`; `0049 221 123456` → `+49221123456`; `+49 (0)221 123456` → `+49221123456`.
    /// Nil when no digits are left, or when a national number comes without a country code.
    static func normalize(_ text: String, countryCode: String?) -> String? {
        var t = text.trimmingWhitespace()
        if t.lowercased().hasPrefix("tel:") { t = String(t.dropFirst(4)) }
        // A national trunk prefix in brackets after the country code is not dialled.
        t = t.replacingOccurrences(of: "(0)", with: "")
        let international = t.hasPrefix("+")
        var digits = t.filter { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return nil }
        if international { return "+" + digits }
        if digits.hasPrefix("00") { return "+" + digits.dropFirst(2) }
        guard let cc = countryCode?.filter({ $0.isNumber }), !cc.isEmpty else { return nil }
        if digits.hasPrefix("0") { digits.removeFirst() }
        return "+" + cc + digits
    }
}
