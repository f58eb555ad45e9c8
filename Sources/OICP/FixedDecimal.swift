#if canImport(Glibc)
import Glibc  // links libm (round, trunc) into programs that use this library without Foundation
#endif

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
        guard scaled < 9.0e15 else { return (value < 0 ? "-" : "") + integerDigits(abs(value).rounded(.toNearestOrAwayFromZero)) }
        let integer = UInt64(scaled)
        let negative = value < 0 && integer != 0
        // Written right to left into a small buffer: digits, the point, at least one integer digit.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            var i = 32
            var rest = integer
            var written = 0
            while rest > 0 || written <= decimals {
                if written == decimals && decimals > 0 {
                    i -= 1
                    buffer[i] = UInt8(ascii: ".")
                }
                i -= 1
                buffer[i] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                written += 1
            }
            if negative {
                i -= 1
                buffer[i] = UInt8(ascii: "-")
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[i..<32]), as: UTF8.self)
        }
    }

    /// Whether `text` is what ``format(_:decimals:)`` writes for the number it denotes: an
    /// optional minus, an integer part of at most 15 digits without a leading zero (but a lone
    /// zero), a point and exactly `decimals` digits; not a negative zero. Such a text can stand
    /// for its formatted self (the number parsed from it rounds back to the same digits), so a
    /// position given to six decimals is not parsed and written again.
    public static func isCanonical(_ text: String, decimals: Int) -> Bool {
        guard (1...9).contains(decimals) else { return false }
        var text = text
        return text.withUTF8 { b in
            var i = 0
            let negative = b.first == UInt8(ascii: "-")
            if negative { i = 1 }
            let intStart = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            let intDigits = i - intStart
            guard intDigits >= 1, intDigits <= 15, intDigits == 1 || b[intStart] != 0x30 else { return false }
            guard i < b.count, b[i] == UInt8(ascii: "."), b.count - i - 1 == decimals else { return false }
            var nonZero = intDigits > 1 || b[intStart] != 0x30
            i += 1
            while i < b.count {
                guard b[i] >= 0x30, b[i] <= 0x39 else { return false }
                if b[i] != 0x30 { nonZero = true }
                i += 1
            }
            return !negative || nonZero
        }
    }

    /// The shortest exact decimal text of a number, never in exponent notation: `7.4` → `"7.4"`,
    /// `22.0` → `"22"`.
    public static func shortest(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded() { return abs(value) < 9.0e15 ? String(Int64(value)) : (value < 0 ? "-" : "") + integerDigits(abs(value)) }
        let text = String(value)
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) { return text }
        // Very small or very large: fall back to nine decimals without trailing zeros.
        var fixed = format(value, decimals: 9)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        if fixed.hasSuffix(".") { fixed.removeLast() }
        return fixed
    }

    /// The exact decimal digits of a whole, non-negative, finite number of any size
    /// (`1e20` → `100000000000000000000`): its significand doubled `exponent` times.
    static func integerDigits(_ value: Double) -> String {
        guard value.isFinite, value >= 1 else { return "0" }
        var limbs: [UInt64] = [value.significandBitPattern | (1 << 52)]  // base 10^9, least significant first
        var shift = Int(value.exponent) - 52
        if shift < 0 { return String(UInt64(value)) }
        // The significand as base-10^9 limbs.
        var m = limbs[0]
        limbs = []
        while m > 0 {
            limbs.append(m % 1_000_000_000)
            m /= 1_000_000_000
        }
        while shift > 0 {
            var carry: UInt64 = 0
            for i in limbs.indices {
                let v = limbs[i] * 2 + carry
                limbs[i] = v % 1_000_000_000
                carry = v / 1_000_000_000
            }
            if carry > 0 { limbs.append(carry) }
            shift -= 1
        }
        var text = String(limbs.last!)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }

    /// Degrees, minutes and seconds as OICP spells them: `9°21'39.32''`.
    public static func degreesMinutesSeconds(_ value: Double) -> String {
        guard value.isFinite, abs(value) <= 360 else { return format(value, decimals: 6) }
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
