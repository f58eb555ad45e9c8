/// An identifier reduced to 128 bits, case-insensitively for ASCII letters: two 64-bit hashes of
/// its bytes, eight at a time. Each step of the first is a bijection of its state, so two IDs of
/// the same length that differ in more than the case of ASCII letters never share it; two
/// different EvseIDs share a fingerprint with a probability of about 10⁻²⁷ for a million IDs,
/// so sets of fingerprints stand in for sets of IDs.
public struct IDFingerprint: Hashable, Sendable {
    let a: UInt64
    let b: UInt64

    /// A fingerprint given by its two halves.
    init(a: UInt64, b: UInt64) {
        self.a = a
        self.b = b
    }

    public init(_ id: String) {
        var id = id
        (a, b) = id.withUTF8(Self.halves)
    }

    /// The two hashes of the bytes, eight at a time (ASCII letters upper-cased in the word).
    private static func halves(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x9E37_79B9_7F4A_7C15
        var i = 0
        let n = bytes.count
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i < n {
                var w: UInt64
                if i + 8 <= n {
                    w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                } else {
                    // The last bytes, zero-padded (the length is mixed in at the end).
                    w = 0
                    for j in i..<n { w |= UInt64(bytes[j]) << UInt64(8 * (j - i)) }
                }
                w = upperASCII(w)
                a = (a ^ w) &* 0x0000_0100_0000_01B3
                a ^= a >> 32
                b = (b ^ w) &* 0xBF58_476D_1CE4_E5B9
                b = (b << 29) | (b >> 35)
                i += 8
            }
        }
        return (finish(a ^ UInt64(n)), finish(b ^ UInt64(n)))
    }

    /// The word with each byte `a`…`z` turned into `A`…`Z` (other bytes, non-ASCII ones
    /// included, as they are).
    @inline(__always) static func upperASCII(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let low7 = w & (ones &* 0x7F)
        // High bit of each byte set where its low seven bits are ≥ 'a', and where they are > 'z'.
        let atLeastA = low7 &+ ones &* (0x80 - 0x61)
        let aboveZ = low7 &+ ones &* (0x80 - 0x7B)
        let lower = atLeastA & ~aboveZ & ~w & (ones &* 0x80)
        return w ^ (lower >> 2)
    }

    /// A final mix, so that every input bit reaches every output bit.
    @inline(__always) private static func finish(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One half is a hash already; feeding the set's hasher eight bytes instead of sixteen.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(a)
    }
}
