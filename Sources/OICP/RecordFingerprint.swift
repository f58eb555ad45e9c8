/// A record's meaning as one number: two records that differ only in key order, list order,
/// number spelling (`22` and `22.0`), null values or the Hubject-set `deltaType` and
/// `lastUpdate` have the same fingerprint. Delta bundles compare records by it.
///
/// Members of an object and elements of a list are combined by a wrapping sum of their mixed
/// hashes, which does not depend on order and counts repeated elements; every value is tagged
/// with its kind, so `"1"` and `1`, or `[]` and `{}`, differ. `FingerprintScanner` computes the
/// same number straight from JSON bytes.
public enum RecordFingerprint {
    public static func of(_ record: JSONValue) -> UInt64 {
        hash(record, top: true)
    }

    private static func hash(_ v: JSONValue, top: Bool = false) -> UInt64 {
        switch v {
        case .object(let members):
            var sum: UInt64 = 0
            for m in members {
                if case .null = m.value { continue }
                if top && (m.key == "deltaType" || m.key == "lastUpdate") { continue }
                sum &+= member(key: text(m.key, seed: keySeed), value: hash(m.value))
            }
            return object(sum)
        case .array(let items):
            var sum: UInt64 = 0
            for item in items { sum &+= element(hash(item)) }
            return array(sum, count: items.count)
        case .string(let s): return text(s, seed: stringSeed)
        case .number(let n): return number(n)
        case .bool(let b): return bool(b)
        case .null: return nullHash
        }
    }

    // MARK: - Building blocks (shared with FingerprintScanner)

    static let keySeed: UInt64 = 0x6B_6579
    static let stringSeed: UInt64 = 0x73
    static let nullHash: UInt64 = 0x6E75_6C6C

    static func member(key: UInt64, value: UInt64) -> UInt64 { mix(key &* 31 &+ value) }
    static func object(_ sum: UInt64) -> UInt64 { mix(sum ^ 0x6F62_6A65_6374) }
    static func element(_ hash: UInt64) -> UInt64 { mix(hash) }
    static func array(_ sum: UInt64, count: Int) -> UInt64 { mix((sum ^ 0x6172_7261_79) &+ UInt64(count)) }
    static func bool(_ b: Bool) -> UInt64 { b ? 0x7472_7565 : 0x6661_6C73_65 }

    /// A number by its value (`22`, `22.0` and `2.2e1` are one), or by its text when it has none.
    static func number(_ text: String) -> UInt64 {
        guard var d = Double(text) else { return Self.text(text, seed: 0x6E) }
        if d == 0 { d = 0 }  // -0 and 0
        return mix(d.bitPattern ^ 0x6E75_6D62_6572)
    }

    static func text(_ s: String, seed: UInt64) -> UInt64 {
        var h = StringHasher(seed: seed)
        for b in s.utf8 { h.add(b) }
        return h.value
    }

    /// FNV-1a over UTF-8 bytes, started from a kind tag.
    struct StringHasher {
        private(set) var value: UInt64

        init(seed: UInt64) { value = 0xcbf2_9ce4_8422_2325 ^ seed }

        mutating func add(_ b: UInt8) {
            value ^= UInt64(b)
            value = value &* 0x0000_0100_0000_01B3
        }
    }

    /// The splitmix64 finaliser: spreads every input bit over the whole word.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
