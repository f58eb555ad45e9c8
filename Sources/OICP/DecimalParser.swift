/// Reads decimal numbers as `Double(String)` does, faster for the plain forms exports are full of.
public enum DecimalParser {
    /// Powers of ten that a `Double` holds exactly.
    private static let exactPowers: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }

    /// The same result as `Double(text)` for every text. A plain decimal (`-?digits(.digits)?`
    /// with at most 15 significant digits) is computed directly: its digits as a whole number
    /// divided by a power of ten, both exact, so the one rounding of the division gives the
    /// correctly rounded value, as `strtod` does. Anything else goes to `Double(text)`.
    @inlinable public static func double(_ text: String) -> Double? {
        var text = text
        if let fast = text.withUTF8({ plain($0) }) { return fast }
        return Double(text)
    }

    /// The value of a plain decimal, or nil when the text is anything else.
    public static func plain(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let n = s.count
        var negative = false
        if i < n, s[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fraction = 0
        var seenPoint = false
        var any = false
        while i < n {
            let b = s[i]
            if b >= 0x30 && b <= 0x39 {
                any = true
                // Wrapping arithmetic: fifteen digits cannot overflow (no checks needed).
                digits &+= mantissa != 0 || b != 0x30 ? 1 : 0
                guard digits <= 15 else { return nil }
                mantissa = mantissa &* 10 &+ UInt64(b &- 0x30)
                fraction &+= seenPoint ? 1 : 0
            } else if b == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            i += 1
        }
        // "-", ".", "5." and ".5" are left to Double(String), which decides about them.
        guard any, !(seenPoint && (fraction == 0 || s[negative ? 1 : 0] == UInt8(ascii: "."))), fraction <= 22 else { return nil }
        let value = Double(mantissa) / exactPowers[fraction]
        return negative ? -value : value
    }
}
