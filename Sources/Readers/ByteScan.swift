/// Byte-level scans for the readers' hot paths, eight bytes at a time where it pays (no strings
/// are made).
enum ByteScan {
    /// High bits set in `word` where a lane may be `byte`: the subtraction sets a lane's high bit
    /// only where the lane was zero after the xor, or (by its borrow) just above such a lane. So
    /// the result is non-zero exactly when some lane is `byte`; for the lanes themselves, see
    /// `lanes(_:equalTo:)`.
    @inline(__always) private static func marks(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let y = word ^ (ones &* UInt64(byte))
        return (y &- ones) & ~y & (ones &* 0x80)
    }

    /// Whether one of the eight bytes of `word` is `byte`.
    @inline(__always) static func word(_ word: UInt64, has byte: UInt8) -> Bool {
        marks(word, byte) != 0
    }

    /// Whether one of the eight bytes of `word` is `a`, `b` or `c` (one test of the three).
    @inline(__always) static func word(_ word: UInt64, hasAnyOf a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        marks(word, a) | marks(word, b) | marks(word, c) != 0
    }

    /// The high bit of each lane of `word` that equals `byte`, and of no other lane. (The test in
    /// `word(_:has:)` is exact about whether there is such a lane, but a borrow can also set the
    /// bit of the lane above one that matches; here no lane carries into the next.)
    @inline(__always) static func lanes(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let y = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return ~(((y & low7) &+ low7) | y | low7)
    }

    /// The index of the first `byte` at or after `from`.
    static func firstIndex(of byte: UInt8, in s: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var i = from
        if let base = s.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= s.count, !word(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), has: byte) { i += 8 }
        }
        while i < s.count {
            if s[i] == byte { return i }
            i += 1
        }
        return nil
    }

    /// Whether every byte is below 0x80 (eight at a time).
    static func isASCII(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if let base = s.baseAddress {
            let raw = UnsafeRawPointer(base)
            var any: UInt64 = 0
            while i + 8 <= s.count {
                any |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                i += 8
            }
            if any & 0x8080_8080_8080_8080 != 0 { return false }
        }
        while i < s.count {
            if s[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// Whether the bytes are well-formed UTF-8 (Unicode's table 3-7: no overlong forms, no
    /// surrogates, nothing above U+10FFFF, no sequence cut short).
    static func isValidUTF8(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = s.count
        @inline(__always) func continuation(_ j: Int) -> Bool { j < n && s[j] & 0xC0 == 0x80 }
        guard let base = s.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        while i < n {
            let b = s[i]
            if b < 0x80 {
                // Mostly ASCII between the other characters: eight bytes at a time while it lasts.
                i += 1
                while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            } else if b < 0xC2 {
                return false
            } else if b < 0xE0 {
                guard continuation(i + 1) else { return false }
                i += 2
            } else if b < 0xF0 {
                guard i + 1 < n else { return false }
                let b1 = s[i + 1]
                let low: UInt8 = b == 0xE0 ? 0xA0 : 0x80
                let high: UInt8 = b == 0xED ? 0x9F : 0xBF
                guard b1 >= low, b1 <= high, continuation(i + 2) else { return false }
                i += 3
            } else if b < 0xF5 {
                guard i + 1 < n else { return false }
                let b1 = s[i + 1]
                let low: UInt8 = b == 0xF0 ? 0x90 : 0x80
                let high: UInt8 = b == 0xF4 ? 0x8F : 0xBF
                guard b1 >= low, b1 <= high, continuation(i + 2), continuation(i + 3) else { return false }
                i += 4
            } else {
                return false
            }
        }
        return true
    }
}
