/// A set of `IDFingerprint`s: open addressing over the fingerprints' own bits, which are hashes
/// already (the standard `Set` hashes them again with SipHash on every insertion). Sixteen bytes a
/// slot, at most three quarters of the slots used, doubled when full: the same memory as a `Set`.
struct IDFingerprintSet: Sendable {
    // Slot `i` holds `(slots[2i], slots[2i + 1])`, side by side so that a probe touches one
    // cache line (the set is megabytes: most probes miss the cache); (0, 0) marks a free slot,
    // and the one fingerprint that is (0, 0) itself is kept aside in `hasZero`.
    private var slots: [UInt64]
    private var hasZero = false
    /// How many fingerprints the set holds.
    private(set) var count = 0

    private var capacity: Int { slots.count / 2 }

    init(capacity: Int = 64) {
        var n = 16
        while n * 3 < capacity * 4 { n *= 2 }
        slots = Array(repeating: 0, count: 2 * n)
    }

    /// Adds the fingerprint; false when it was there already.
    mutating func insert(_ f: IDFingerprint) -> Bool {
        if f.a == 0 && f.b == 0 {
            if hasZero { return false }
            hasZero = true
            count += 1
            return true
        }
        if (count + 1) * 4 > capacity * 3 { grow() }
        let (i, found) = probe(f)
        if found { return false }
        slots[2 * i] = f.a
        slots[2 * i + 1] = f.b
        count += 1
        return true
    }

    /// Whether the set holds the fingerprint.
    func contains(_ f: IDFingerprint) -> Bool {
        if f.a == 0 && f.b == 0 { return hasZero }
        return probe(f).found
    }

    /// Where a probe for `f` starts, for a caller to ask the processor to fetch it ahead (the
    /// set is megabytes, and a probe mostly misses the cache). Never read through: it is stale
    /// once the set grows.
    package func probeAddress(_ f: IDFingerprint) -> UnsafeRawPointer {
        slots.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress! + 2 * home(f)) }
    }

    /// The slot a probe for `f` starts at.
    @inline(__always) private func home(_ f: IDFingerprint) -> Int { Self.home(f, mask: capacity - 1) }

    /// The same among `mask + 1` slots.
    @inline(__always) private static func home(_ f: IDFingerprint, mask: Int) -> Int { Int(truncatingIfNeeded: f.a) & mask }

    /// The slot holding `f` (found), or the free slot where it goes (not found). `f` is not (0, 0).
    private func probe(_ f: IDFingerprint) -> (slot: Int, found: Bool) {
        slots.withUnsafeBufferPointer { Self.probe(f, in: $0) }
    }

    /// The same in the slots `s` (two words each, a power of two of them).
    @inline(__always) private static func probe(_ f: IDFingerprint, in s: UnsafeBufferPointer<UInt64>) -> (slot: Int, found: Bool) {
        let mask = s.count / 2 - 1
        var i = home(f, mask: mask)
        while s[2 * i] != 0 || s[2 * i + 1] != 0 {
            if s[2 * i] == f.a && s[2 * i + 1] == f.b { return (i, true) }
            i = (i + 1) & mask
        }
        return (i, false)
    }

    /// Twice the slots, every fingerprint placed again. Through buffer pointers: written through
    /// the array, each slot's two words checked the array's uniqueness and bounds (a tenth of
    /// a record's check on the writing thread went to growing).
    private mutating func grow() {
        let old = slots
        var grown = [UInt64](repeating: 0, count: old.count * 2)
        grown.withUnsafeMutableBufferPointer { new in
            old.withUnsafeBufferPointer { old in
                for j in stride(from: 0, to: old.count, by: 2) where old[j] != 0 || old[j + 1] != 0 {
                    let i = Self.probe(IDFingerprint(a: old[j], b: old[j + 1]), in: UnsafeBufferPointer(new)).slot
                    new[2 * i] = old[j]
                    new[2 * i + 1] = old[j + 1]
                }
            }
        }
        slots = grown
    }
}
