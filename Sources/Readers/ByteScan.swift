#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level scans for the readers' hot paths, eight bytes at a time where it pays (no strings
/// are made).
public enum ByteScan {
    /// The index of the first `byte` at or after `from` (the C library's `memchr`, which compares
    /// sixteen or thirty-two bytes at a time).
    static func firstIndex(of byte: UInt8, in s: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let base = s.baseAddress, from < s.count else { return nil }
        guard let found = memchr(base + from, Int32(byte), s.count - from) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether every byte is below 0x80 (eight at a time).
    public static func isASCII(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
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
                // Mostly ASCII between the other characters: eight bytes at a time while it lasts,
                // then straight to the first byte above 0x7F (the lowest set bit: little-endian).
                i += 1
                while i + 8 <= n {
                    let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) & 0x8080_8080_8080_8080
                    if high != 0 {
                        i += high.trailingZeroBitCount >> 3
                        break
                    }
                    i += 8
                }
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
