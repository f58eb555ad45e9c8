/// Pieces of JSON string escapes shared by the parser and the fingerprint scanner.
enum JSONEscape {
    /// The value of the four hexadecimal digits at `i` (of `\uXXXX`), or nil when they are not.
    static func hex4<C: RandomAccessCollection<UInt8>>(_ bytes: C, at i: Int) -> UInt32? where C.Index == Int {
        guard i + 4 <= bytes.endIndex else { return nil }
        var v: UInt32 = 0
        for c in bytes[i..<i + 4] {
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v * 16 + d
        }
        return v
    }
}
