/// Hand-written matchers for the OICP regular expressions.
///
/// Each function accepts exactly the strings its documented expression accepts (the tests check
/// this against the expressions themselves on generated strings). They run on UTF-8 bytes
/// without allocating, because the converter checks every record it writes.
public enum Patterns {
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }
    static let star = UInt8(ascii: "*")

    /// Runs `body` on the UTF-8 bytes of `text` (in place for native strings, no copy to an array).
    @inline(__always) static func utf8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8(body)
    }

    /// `^(([A-Z]{2}\*?[A-Z0-9]{3}\*?E[A-Z0-9\*]{1,30})|(\+?[0-9]{1,3}\*[0-9]{3}\*[0-9\*]{1,32}))$`
    /// (2.3, upper case), or with `[A-Za-z]` and `[A-Za-z0-9]` when `allowLowercase` (2.2 and the
    /// OpenAPI file).
    public static func isEvseID(_ text: String, allowLowercase: Bool = false) -> Bool {
        utf8(text) { evseID($0, allowLowercase: allowLowercase) }
    }

    static func evseID(_ s: UnsafeBufferPointer<UInt8>, allowLowercase: Bool) -> Bool {
        if let end = isoOperatorPrefix(s, allowLowercase: allowLowercase, separator: UInt8(ascii: "E")) {
            let rest = s.count - end
            guard rest >= 1 && rest <= 30 else { return false }
            for i in end..<s.count {
                let b = s[i]
                guard isUpper(b) || isDigit(b) || b == star || (allowLowercase && isLower(b)) else { return false }
            }
            return true
        }
        guard let end = dinOperatorPrefix(s), end < s.count, s[end] == star else { return false }
        let rest = s.count - end - 1
        guard rest >= 1 && rest <= 32 else { return false }
        for i in (end + 1)..<s.count where !(isDigit(s[i]) || s[i] == star) { return false }
        return true
    }

    /// Matches `[A-Z]{2}\*?[A-Z0-9]{3}\*?<separator>` at the start; returns the index after it.
    static func isoOperatorPrefix(_ s: UnsafeBufferPointer<UInt8>, allowLowercase: Bool, separator: UInt8?) -> Int? {
        func letter(_ b: UInt8) -> Bool { isUpper(b) || (allowLowercase && isLower(b)) }
        guard s.count >= 5, letter(s[0]), letter(s[1]) else { return nil }
        var i = 2
        if s[i] == star { i += 1 }
        guard i + 3 <= s.count else { return nil }
        for j in i..<(i + 3) where !(letter(s[j]) || isDigit(s[j])) { return nil }
        i += 3
        guard let separator else { return i }
        if i < s.count, s[i] == star { i += 1 }
        guard i < s.count, s[i] == separator else { return nil }
        return i + 1
    }

    /// Matches `\+?[0-9]{1,3}\*[0-9]{3}` at the start; returns the index after it.
    static func dinOperatorPrefix(_ s: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        if i < s.count, s[i] == UInt8(ascii: "+") { i += 1 }
        let start = i
        while i < s.count, isDigit(s[i]), i - start < 3 { i += 1 }
        guard i > start, i < s.count, s[i] == star else { return nil }
        i += 1
        guard i + 3 <= s.count else { return nil }
        for j in i..<(i + 3) where !isDigit(s[j]) { return nil }
        return i + 3
    }

    /// `^(([A-Za-z]{2}\*?[A-Za-z0-9]{3})|(\+?[0-9]{1,3}\*[0-9]{3}))$`
    public static func isOperatorID(_ text: String) -> Bool {
        utf8(text) { s in
            if let end = isoOperatorPrefix(s, allowLowercase: true, separator: nil), end == s.count { return true }
            if let end = dinOperatorPrefix(s), end == s.count { return true }
            return false
        }
    }

    /// `^([A-Za-z]{2}\*?[A-Za-z0-9]{3}\*?P[A-Za-z0-9\*]{1,30})$`
    public static func isChargingPoolID(_ text: String) -> Bool {
        utf8(text) { s in
            guard let end = isoOperatorPrefix(s, allowLowercase: true, separator: UInt8(ascii: "P")) else { return false }
            let rest = s.count - end
            guard rest >= 1 && rest <= 30 else { return false }
            for i in end..<s.count where !(isLetter(s[i]) || isDigit(s[i]) || s[i] == star) { return false }
            return true
        }
    }

    /// The length of the operator part of an EvseID (as ``operatorPart(ofEvseID:)``), or nil.
    static func operatorPartEnd(_ s: UnsafeBufferPointer<UInt8>) -> Int? {
        isoOperatorPrefix(s, allowLowercase: true, separator: nil) ?? dinOperatorPrefix(s)
    }

    /// The operator part of an EvseID (`DE*AB7` of `DE*AB7*E840*6487`, `+49*810` of
    /// `+49*810*000*438`), in the spelling of the EvseID; nil when the ID has no such prefix.
    public static func operatorPart(ofEvseID text: String) -> String? {
        utf8(text) { s in operatorPartEnd(s).map { String(decoding: UnsafeBufferPointer(rebasing: s[0..<$0]), as: UTF8.self) } }
    }

    /// An operator ID reduced for comparison: no `*`, no leading `+`, upper case
    /// (`DE*AB7`, `de*ab7` and `DEAB7` are the same operator).
    public static func operatorKey(_ operatorID: String) -> String {
        var out = ""
        out.reserveCapacity(operatorID.utf8.count)
        for (i, c) in operatorID.unicodeScalars.enumerated() {
            if c == "*" || (i == 0 && c == "+") { continue }
            out.unicodeScalars.append(contentsOf: c.properties.uppercaseMapping.unicodeScalars)
        }
        return out
    }

    /// `^\+[0-9]{5,15}$`
    public static func isHotlinePhoneNumber(_ text: String) -> Bool {
        utf8(text) { s in
            guard s.count >= 6, s.count <= 16, s[0] == UInt8(ascii: "+") else { return false }
            for i in 1..<s.count where !isDigit(s[i]) { return false }
            return true
        }
    }

    /// `^[a-z]{2,3}(?:-[A-Z]{2,3}(?:-[a-zA-Z]{4})?)?(?:-x-[a-zA-Z0-9]{1,8})?$`
    public static func isLanguageCode(_ text: String) -> Bool {
        utf8(text) { languageCode($0) }
    }

    static func languageCode(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        func run(_ pred: (UInt8) -> Bool, min: Int, max: Int) -> Bool {
            let start = i
            while i < s.count, i - start < max, pred(s[i]) { i += 1 }
            return i - start >= min
        }
        guard run(isLower, min: 2, max: 3) else { return false }
        // Region, then optional script.
        if i + 1 < s.count, s[i] == UInt8(ascii: "-"), isUpper(s[i + 1]) {
            i += 1
            guard run(isUpper, min: 2, max: 3) else { return false }
            if i + 5 <= s.count, s[i] == UInt8(ascii: "-"), s[(i + 1)..<(i + 5)].allSatisfy(isLetter),
                i + 5 == s.count || s[i + 5] == UInt8(ascii: "-")
            {
                i += 5
            }
        }
        // Private use.
        if i < s.count {
            guard i + 3 <= s.count, s[i] == UInt8(ascii: "-"), s[i + 1] == UInt8(ascii: "x"), s[i + 2] == UInt8(ascii: "-")
            else { return false }
            i += 3
            guard run({ isLetter($0) || isDigit($0) }, min: 1, max: 8) else { return false }
        }
        return i == s.count
    }

    /// `^UTC[+-][0-9]{2}:[0-9]{2}$` (the schema's `[U][T][C][+,-][0-9][0-9][:][0-9][0-9]`,
    /// anchored; a comma is not accepted as a sign).
    public static func isTimeZone(_ text: String) -> Bool {
        utf8(text) { timeZone($0) }
    }

    static func timeZone(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard s.count == 9, s[0] == UInt8(ascii: "U"), s[1] == UInt8(ascii: "T"), s[2] == UInt8(ascii: "C"),
            s[3] == UInt8(ascii: "+") || s[3] == UInt8(ascii: "-"), isDigit(s[4]), isDigit(s[5]),
            s[6] == UInt8(ascii: ":"), isDigit(s[7]), isDigit(s[8])
        else { return false }
        return true
    }

    /// `^[0-9]{2}:[0-9]{2}$` (the schema's pattern, anchored).
    public static func isTimeOfDay(_ text: String) -> Bool {
        utf8(text) { s in
            s.count == 5 && isDigit(s[0]) && isDigit(s[1]) && s[2] == UInt8(ascii: ":") && isDigit(s[3]) && isDigit(s[4])
        }
    }

    /// `^-?1?\d{1,2}\.\d{1,6}$`
    public static func isDecimalDegree(_ text: String) -> Bool {
        utf8(text) { s in decimalDegreeEnd(s, from: 0).contains(s.count) }
    }

    /// All indexes at which a match of `-?1?\d{1,2}\.\d{1,6}` starting at `from` can end
    /// (they follow one another: one for each number of decimals).
    static func decimalDegreeEnd(_ s: UnsafeBufferPointer<UInt8>, from: Int) -> Range<Int> {
        var i = from
        if i < s.count, s[i] == UInt8(ascii: "-") { i += 1 }
        let start = i
        while i < s.count, isDigit(s[i]), i - start < 3 { i += 1 }
        let digits = i - start
        // 1?\d{1,2}: one or two digits, or three digits of which the first is 1.
        guard digits >= 1, digits <= 2 || s[start] == UInt8(ascii: "1") else { return 0..<0 }
        guard i < s.count, s[i] == UInt8(ascii: ".") else { return 0..<0 }
        i += 1
        let first = i + 1
        var n = 0
        while i < s.count, isDigit(s[i]), n < 6 {
            i += 1
            n += 1
        }
        return n == 0 ? 0..<0 : first..<(i + 1)
    }

    /// `^-?1?\d{1,2}\.\d{1,6}\s*\,?\s*-?1?\d{1,2}\.\d{1,6}$`
    public static func isGoogleCoordinates(_ text: String) -> Bool {
        utf8(text) { googleCoordinates($0) }
    }

    static func googleCoordinates(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0B || b == 0x0C }
        for end in decimalDegreeEnd(s, from: 0) {
            // \s*,?\s* can match in several ways; try each way the separator can end.
            var starts: [Int] = []
            var i = end
            while i < s.count, isSpace(s[i]) { i += 1 }
            starts.append(contentsOf: end...i)
            if i < s.count, s[i] == UInt8(ascii: ",") {
                var j = i + 1
                while j < s.count, isSpace(s[j]) { j += 1 }
                starts.append(contentsOf: (i + 1)...j)
            }
            for start in starts where decimalDegreeEnd(s, from: start).contains(s.count) { return true }
        }
        return false
    }

    /// `^-?1?\d{1,2}°[ ]?\d{1,2}'[ ]?\d{1,2}\.\d+''$`
    public static func isDegreeMinuteSeconds(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        var i = 0
        func digits(max: Int) -> Int {
            let start = i
            while i < s.count, i - start < max, ("0"..."9").contains(s[i]) { i += 1 }
            return i - start
        }
        if i < s.count, s[i] == "-" { i += 1 }
        let start = i
        let d = digits(max: 3)
        guard d >= 1, d <= 2 || s[start] == "1" else { return false }
        guard i < s.count, s[i] == "\u{00B0}" else { return false }
        i += 1
        if i < s.count, s[i] == " " { i += 1 }
        guard (1...2).contains(digits(max: 2)), i < s.count, s[i] == "'" else { return false }
        i += 1
        if i < s.count, s[i] == " " { i += 1 }
        guard (1...2).contains(digits(max: 2)), i < s.count, s[i] == "." else { return false }
        i += 1
        guard digits(max: Int.max) >= 1 else { return false }
        return i + 2 == s.count && s[i] == "'" && s[i + 1] == "'"
    }

    /// `^[A-Za-z0-9]{8}(-[A-Za-z0-9]{4}){3}-[A-Za-z0-9]{12}$`
    public static func isSessionID(_ text: String) -> Bool {
        let s = Array(text.utf8)
        guard s.count == 36 else { return false }
        for (i, b) in s.enumerated() {
            if [8, 13, 18, 23].contains(i) {
                guard b == UInt8(ascii: "-") else { return false }
            } else if !(isLetter(b) || isDigit(b)) {
                return false
            }
        }
        return true
    }

    /// Three upper-case letters (the shape of an ISO 3166-1 alpha-3 code).
    public static func isAlpha3Shape(_ text: String) -> Bool {
        utf8(text) { s in s.count == 3 && isUpper(s[0]) && isUpper(s[1]) && isUpper(s[2]) }
    }
}
