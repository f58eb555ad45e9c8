/// JSON values written straight into a `ByteStorage`: what `JSONWriter` and the record encoder
/// share. Strings get only the escapes JSON requires (quote, backslash, control characters).
extension ByteStorage {
    /// A string value, quoted and escaped.
    @inline(__always) func appendJSONString(_ value: String) {
        // Native strings (all the converter makes) give their bytes in place; others are copied.
        if value.utf8.withContiguousStorageIfAvailable({ appendJSONString(utf8: $0) }) != nil { return }
        var value = value
        value.withUTF8 { appendJSONString(utf8: $0) }
    }

    func appendJSONString(utf8: UnsafeBufferPointer<UInt8>) {
        let clean = Self.firstToEscape(utf8)
        if clean == utf8.count {
            appendQuoted(utf8)
            return
        }
        append(UInt8(ascii: "\""))
        var start = 0
        for i in clean..<utf8.count {
            let b = utf8[i]
            guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
            if start < i { append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
            start = i + 1
            append(UInt8(ascii: "\\"))
            switch b {
            case UInt8(ascii: "\""): append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): append(UInt8(ascii: "\\"))
            case 0x0A: append(UInt8(ascii: "n"))
            case 0x0D: append(UInt8(ascii: "r"))
            case 0x09: append(UInt8(ascii: "t"))
            case 0x08: append(UInt8(ascii: "b"))
            case 0x0C: append(UInt8(ascii: "f"))
            default:
                appendLiteral("u00")
                append(Self.hexDigit(b >> 4))
                append(Self.hexDigit(b & 0xF))
            }
        }
        if start < utf8.count { append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        append(UInt8(ascii: "\""))
    }

    @inline(__always) private static func hexDigit(_ v: UInt8) -> UInt8 {
        v < 10 ? UInt8(ascii: "0") + v : UInt8(ascii: "a") + v - 10
    }

    /// An integer in decimal.
    func appendJSONInt(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var v = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var i = 20
            repeat {
                i -= 1
                digits[i] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            } while v > 0
            append(contentsOf: UnsafeBufferPointer(rebasing: digits[i...]))
        }
    }

    /// A number, as an integer when it is one, else its shortest decimal text (no exponent).
    func appendJSONNumber(_ value: Double) {
        if value == value.rounded(), abs(value) < 9.0e15 {
            appendJSONInt(Int(value))
        } else {
            append(contentsOf: FixedDecimal.shortest(value).utf8)
        }
    }

    @inline(__always) func appendJSONBool(_ value: Bool) {
        appendLiteral(value ? "true" : "false")
    }

    /// The index of the first byte JSON needs escaped (a control character, `"` or `\`), or the
    /// count when there is none. Eight bytes at a time: a byte below 0x20, or equal to 0x22 or
    /// 0x5C, sets the high bit of its lane in one of the three tests (a lane after a set one may
    /// be set too: the bytes from the first word with a lane set are then looked at one by one).
    /// The last bytes of text of eight or more are tested as the word that ends the text.
    static func firstToEscape(_ s: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        if let base = s.baseAddress, s.count >= 8 {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= s.count {
                if mayNeedEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { break }
                i += 8
            }
            if i == s.count || (i + 8 > s.count && !mayNeedEscape(raw.loadUnaligned(fromByteOffset: s.count - 8, as: UInt64.self))) {
                return s.count
            }
        }
        while i < s.count {
            let b = s[i]
            if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return i }
            i += 1
        }
        return s.count
    }

    /// Whether some byte of `x` may need an escape (no false negatives).
    @inline(__always) private static func mayNeedEscape(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let control = (x &- ones &* 0x20) & ~x
        let q = x ^ (ones &* 0x22)
        let quote = (q &- ones) & ~q
        let bs = x ^ (ones &* 0x5C)
        let backslash = (bs &- ones) & ~bs
        return (control | quote | backslash) & 0x8080_8080_8080_8080 != 0
    }
}
