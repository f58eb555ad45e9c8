import Testing

@testable import Readers

/// The byte scans must agree with the plain byte-by-byte answers, and the UTF-8 check with the
/// standard library's decoding, on every input.
@Suite struct ByteScanTests {
    /// Bytes biased towards the edges of the UTF-8 ranges, so that overlong forms, surrogates,
    /// cut sequences and the largest code points all turn up.
    static let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC,
                                       0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]

    @Test("isValid agrees with String(validating:) on random byte strings")
    func validity() {
        var g = SplitMix(seed: 11)
        var invalid = 0
        for _ in 0..<200_000 {
            let count = Int(g.next() % 7)
            let bytes = (0..<count).map { _ in Self.interesting[Int(g.next() % UInt64(Self.interesting.count))] }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer(ByteScan.isValidUTF8) == expected, "\(bytes)")
            if !expected { invalid += 1 }
        }
        #expect(invalid > 1000)  // the generator does produce broken text
    }

    @Test("isValid agrees with String(validating:) when runs of ASCII (read eight bytes at a time) lie between the other bytes")
    func validityWithASCIIRuns() {
        var g = SplitMix(seed: 12)
        var invalid = 0
        for _ in 0..<50_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(g.next() % 4) {
                bytes += [UInt8](repeating: 0x41, count: Int(g.next() % 20))
                bytes += (0..<Int(g.next() % 4)).map { _ in Self.interesting[Int(g.next() % UInt64(Self.interesting.count))] }
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer(ByteScan.isValidUTF8) == expected, "\(bytes)")
            if !expected { invalid += 1 }
        }
        #expect(invalid > 1000)
    }

    @Test("isASCII looks at every byte, in the eight-byte blocks and the tail", arguments: 0..<20)
    func ascii(position: Int) {
        var bytes = [UInt8](repeating: 0x41, count: 20)
        #expect(bytes.withUnsafeBufferPointer(ByteScan.isASCII))
        bytes[position] = 0xC3
        #expect(!bytes.withUnsafeBufferPointer(ByteScan.isASCII))
    }

    @Test("firstIndex finds a byte wherever it sits, and none past it", arguments: 0..<20)
    func findsBytes(position: Int) {
        var bytes = [UInt8](repeating: 0x41, count: 20)
        bytes.withUnsafeBufferPointer { s in
            #expect(ByteScan.firstIndex(of: 0x0A, in: s, from: 0) == nil)
        }
        bytes[position] = 0x0A
        bytes.withUnsafeBufferPointer { s in
            #expect(ByteScan.firstIndex(of: 0x0A, in: s, from: 0) == position)
            #expect(ByteScan.firstIndex(of: 0x0A, in: s, from: position + 1) == nil)
        }
    }
}
