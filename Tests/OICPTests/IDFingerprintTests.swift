import Testing

@testable import OICP

/// The fingerprints duplicate detection and the delta compare EvseIDs by.
@Suite struct IDFingerprintTests {
    @Test("ASCII letters count alike in either case; other bytes, non-ASCII letters included, do not")
    func caseFolding() {
        #expect(IDFingerprint("DE*ABC*E123456*7") == IDFingerprint("de*abc*e123456*7"))
        #expect(IDFingerprint("DE*ABC*E123456*7") == IDFingerprint("De*aBc*E123456*7"))
        #expect(IDFingerprint("DE*ABC*E123456*7") != IDFingerprint("DE*ABC*E123456*8"))
        #expect(IDFingerprint("DE*ÄBC*E1") != IDFingerprint("DE*äBC*E1"))
        // '@' and '[' border 'A'…'Z', '`' and '{' border 'a'…'z'.
        #expect(IDFingerprint("@[`{") != IDFingerprint("`{@["))
        #expect(IDFingerprint("DE*AB") != IDFingerprint("DE*AB\u{0}"))
    }

    @Test("the word-wide upper-casing turns each byte as a byte-wise one would, for random words")
    func upperCasingAgreesByteWise() {
        var g = SplitMix(seed: 5)
        for n in 0..<20_000 {
            // Every fourth word made of letters and their neighbours only.
            var w = g.next()
            if n % 4 == 0 {
                let near: [UInt8] = [0x40, 0x41, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0xC1, 0xE1, 0xFA]
                w = (0..<8).reduce(0) { $0 | UInt64(near[g.below(near.count)]) << UInt64(8 * $1) }
            }
            let expected = (0..<8).reduce(UInt64(0)) { out, i in
                var byte = UInt8(truncatingIfNeeded: w >> UInt64(8 * i))
                if byte >= 0x61 && byte <= 0x7A { byte -= 0x20 }
                return out | UInt64(byte) << UInt64(8 * i)
            }
            #expect(IDFingerprint.upperASCII(w) == expected)
        }
    }

    @Test("no two of 200,000 distinct generated IDs (1 to 40 bytes, many sharing prefixes) share a fingerprint, nor one of the same length its first half")
    func noCollisions() {
        var g = SplitMix(seed: 8)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789*".utf8)
        var ids: Set<String> = []
        while ids.count < 200_000 {
            let length = 1 + g.below(40)
            var bytes = (0..<length).map { _ in alphabet[g.below(alphabet.count)] }
            if g.below(3) == 0 { bytes = Array("DE*ABC*E".utf8) + bytes.prefix(g.below(8)) }
            ids.insert(String(decoding: bytes, as: UTF8.self))
        }
        var seen = Set<IDFingerprint>()
        var collisions = 0
        // IDs of one length differ in the first half alone (each step of that hash is a bijection).
        var firstHalves = Set<[UInt64]>()
        var firstHalfCollisions = 0
        for id in ids {
            let f = IDFingerprint(id)
            if !seen.insert(f).inserted { collisions += 1 }
            if !firstHalves.insert([UInt64(id.utf8.count), f.a]).inserted { firstHalfCollisions += 1 }
        }
        #expect(collisions == 0)
        #expect(firstHalfCollisions == 0)
    }
}
