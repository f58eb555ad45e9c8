/// An identifier reduced to 128 bits, case-insensitively for ASCII letters: two independent
/// 64-bit hashes of its bytes. Two different EvseIDs share a fingerprint with a probability of
/// about 10⁻²⁷ for a million IDs, so sets of fingerprints stand in for sets of IDs.
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
        (a, b) = id.withUTF8 { bytes in
            var a: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
            var b: UInt64 = 0x9E37_79B9_7F4A_7C15  // a multiply-rotate hash
            for var byte in bytes {
                if byte >= 0x61 && byte <= 0x7A { byte -= 0x20 }
                a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                b = ((b ^ UInt64(byte)) &* 0xBF58_476D_1CE4_E5B9)
                b = (b << 29) | (b >> 35)
            }
            return (a, b ^ UInt64(bytes.count))
        }
    }

    /// One half is a hash already; feeding the set's hasher eight bytes instead of sixteen.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(a)
    }
}
