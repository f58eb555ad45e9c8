import Testing

@testable import OICP

/// The set of EvseID fingerprints duplicate detection keeps.
@Suite struct IDFingerprintSetTests {
    @Test("holds what a standard Set holds: random fingerprints with repeats, many sharing their low bits, across growth")
    func agreesWithSet() {
        var g = SplitMix(seed: 11)
        var mine = IDFingerprintSet()
        var reference: Set<IDFingerprint> = []
        var pool: [IDFingerprint] = []
        for n in 0..<50_000 {
            let f: IDFingerprint
            if !pool.isEmpty && g.next() % 4 == 0 {
                f = pool[Int(g.next() % UInt64(pool.count))]
            } else if n % 3 == 0 {
                // Same slot for all of these (low bits of `a` equal), told apart by the rest.
                f = IDFingerprint(a: (g.next() << 20) | 0x5, b: g.next())
            } else {
                f = IDFingerprint(a: g.next(), b: g.next())
            }
            pool.append(f)
            let inserted = mine.insert(f)
            #expect(inserted == reference.insert(f).inserted)
        }
        #expect(mine.count == reference.count)
        for f in pool.prefix(2_000) { #expect(mine.contains(f)) }
        #expect(!mine.contains(IDFingerprint(a: 1, b: 2)) || reference.contains(IDFingerprint(a: 1, b: 2)))
    }

    @Test("the fingerprint (0, 0), which marks free slots, and halves equal in one part only")
    func edgeFingerprints() {
        var s = IDFingerprintSet(capacity: 1)
        #expect(!s.contains(IDFingerprint(a: 0, b: 0)))
        let inserts = [(0, 0), (0, 0), (0, 1), (1, 0), (1, 0)].map { s.insert(IDFingerprint(a: $0.0, b: $0.1)) }
        #expect(inserts == [true, false, true, true, false])
        #expect(s.contains(IDFingerprint(a: 0, b: 0)) && s.contains(IDFingerprint(a: 0, b: 1)) && !s.contains(IDFingerprint(a: 1, b: 1)))
        #expect(s.count == 3)
    }
}
