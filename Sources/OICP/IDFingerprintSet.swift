/// A set of `IDFingerprint`s: open addressing over the fingerprints' own bits, which are hashes
/// already (the standard `Set` hashes them again with SipHash on every insertion). Sixteen bytes a
/// slot, at most three quarters of the slots used, doubled when full: the same memory as a `Set`.
struct IDFingerprintSet: Sendable {
    // Slot `i` holds `(a[i], b[i])`; (0, 0) marks a free slot, and the one fingerprint that is
    // (0, 0) itself is kept aside in `hasZero`.
    private var a: [UInt64]
    private var b: [UInt64]
    private var hasZero = false
    /// How many fingerprints the set holds.
    private(set) var count = 0

    init(capacity: Int = 64) {
        var slots = 16
        while slots * 3 < capacity * 4 { slots *= 2 }
        a = Array(repeating: 0, count: slots)
        b = Array(repeating: 0, count: slots)
    }

    /// Adds the fingerprint; false when it was there already.
    mutating func insert(_ f: IDFingerprint) -> Bool {
        if f.a == 0 && f.b == 0 {
            if hasZero { return false }
            hasZero = true
            count += 1
            return true
        }
        if (count + 1) * 4 > a.count * 3 { grow() }
        let (i, found) = probe(f)
        if found { return false }
        a[i] = f.a
        b[i] = f.b
        count += 1
        return true
    }

    /// Whether the set holds the fingerprint.
    func contains(_ f: IDFingerprint) -> Bool {
        if f.a == 0 && f.b == 0 { return hasZero }
        return probe(f).found
    }

    /// The slot holding `f` (found), or the free slot where it goes (not found). `f` is not (0, 0).
    private func probe(_ f: IDFingerprint) -> (slot: Int, found: Bool) {
        let mask = a.count - 1
        var i = Int(truncatingIfNeeded: f.a) & mask
        while a[i] != 0 || b[i] != 0 {
            if a[i] == f.a && b[i] == f.b { return (i, true) }
            i = (i + 1) & mask
        }
        return (i, false)
    }

    private mutating func grow() {
        let oldA = a
        let oldB = b
        a = Array(repeating: 0, count: oldA.count * 2)
        b = Array(repeating: 0, count: oldB.count * 2)
        for j in oldA.indices where oldA[j] != 0 || oldB[j] != 0 {
            let i = probe(IDFingerprint(a: oldA[j], b: oldB[j])).slot
            a[i] = oldA[j]
            b[i] = oldB[j]
        }
    }
}
