import Testing

@testable import Readers

/// The byte checks must agree with the standard library's UTF-8 decoding on every input.
@Suite struct UTF8CheckTests {
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
            #expect(bytes.withUnsafeBufferPointer(UTF8Check.isValid) == expected, "\(bytes)")
            if !expected { invalid += 1 }
        }
        #expect(invalid > 1000)  // the generator does produce broken text
    }

    @Test("isASCII looks at every byte, in the eight-byte blocks and the tail", arguments: 0..<20)
    func ascii(position: Int) {
        var bytes = [UInt8](repeating: 0x41, count: 20)
        #expect(bytes.withUnsafeBufferPointer(UTF8Check.isASCII))
        bytes[position] = 0xC3
        #expect(!bytes.withUnsafeBufferPointer(UTF8Check.isASCII))
    }
}
