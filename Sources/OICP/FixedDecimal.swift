/// Number printing that never depends on default float formatting.
public enum FixedDecimal {
    /// `value` rounded half away from zero to `decimals` fraction digits, always with exactly that
    /// many digits and never in exponent notation: `format(52.52, decimals: 6)` is `"52.520000"`.
    public static func format(_ value: Double, decimals: Int) -> String {
        precondition((0...9).contains(decimals), "decimals must be 0...9")
        guard value.isFinite else { return "0" }
        var scale: Double = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return value < 0 ? "-" + String(Int64(abs(value))) : String(Int64(value)) }
        let integer = UInt64(scaled)
        var digits = String(integer)
        if decimals > 0 {
            if digits.count <= decimals {
                digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        let negative = value < 0 && integer != 0
        return negative ? "-" + digits : digits
    }

    /// The shortest exact decimal text of a number, never in exponent notation: `7.4` → `"7.4"`,
    /// `22.0` → `"22"`.
    public static func shortest(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 9.0e15 { return String(Int64(value)) }
        let text = String(value)
        if !text.contains("e") && !text.contains("E") { return text }
        // Very small or very large: fall back to nine decimals without trailing zeros.
        var fixed = format(value, decimals: 9)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        if fixed.hasSuffix(".") { fixed.removeLast() }
        return fixed
    }

    /// Degrees, minutes and seconds as OICP spells them: `9°21'39.32''`.
    public static func degreesMinutesSeconds(_ value: Double) -> String {
        let negative = value < 0
        var hundredths = Int((abs(value) * 360_000).rounded())
        let degrees = hundredths / 360_000
        hundredths -= degrees * 360_000
        let minutes = hundredths / 6_000
        hundredths -= minutes * 6_000
        let seconds = format(Double(hundredths) / 100, decimals: 2)
        return (negative ? "-" : "") + "\(degrees)°\(minutes)'\(seconds)''"
    }

    /// Parses `9°21'39.32''` (also with spaces, `"` for the seconds, or a trailing hemisphere letter
    /// N/S/E/W) into decimal degrees.
    public static func parseDegreesMinutesSeconds(_ text: String) -> Double? {
        var numbers: [Double] = []
        var current = ""
        var negative = false
        for ch in text {
            if ch.isNumber || ch == "." || (ch == "," && !current.isEmpty) {
                current.append(ch == "," ? "." : ch)
            } else {
                if !current.isEmpty {
                    guard let n = Double(current) else { return nil }
                    numbers.append(n)
                    current = ""
                }
                switch ch {
                case "-": negative = true
                case "S", "s", "W", "w": negative = true
                default: break
                }
            }
        }
        if !current.isEmpty {
            guard let n = Double(current) else { return nil }
            numbers.append(n)
        }
        guard (1...3).contains(numbers.count) else { return nil }
        let minutes = numbers.count > 1 ? numbers[1] : 0
        let seconds = numbers.count > 2 ? numbers[2] : 0
        guard minutes < 60, seconds < 60 else { return nil }
        let value = numbers[0] + minutes / 60 + seconds / 3600
        return negative ? -value : value
    }
}
