import ETLCore
import Testing

/// Bytes of at most 16 held as two words and a length.
@Suite struct ShortByteKeyTests {
    func key(_ bytes: [UInt8]) -> ShortByteKey? {
        bytes.withUnsafeBufferPointer { ShortByteKey($0) }
    }

    @Test("changing any one byte of a key of any length up to 16 changes the key and, here, its hash", arguments: 1...16)
    func everyByteCounts(length: Int) throws {
        let base = (0..<length).map { UInt8(0x41 + $0) }
        let original = try #require(key(base))
        #expect(original.count == length)
        #expect(key(base) == original)
        for position in 0..<length {
            var changed = base
            changed[position] ^= 0x20
            let other = try #require(key(changed))
            #expect(other != original, "byte \(position) of \(length)")
            #expect(other.hash != original.hash, "byte \(position) of \(length)")
        }
    }

    @Test("a length is part of the key: trailing zero bytes, a prefix and no bytes at all differ")
    func lengthCounts() throws {
        let empty = try #require(key([]))
        let zero = try #require(key([0]))
        let twoZeros = try #require(key([0, 0]))
        #expect(empty != zero && zero != twoZeros && empty != twoZeros)
        #expect(key([0x61]) != key([0x61, 0]))
        #expect(key(Array("Type 2 socket".utf8)) != key(Array("Type 2 socke".utf8)))
        #expect(key(Array("abcdefgh".utf8)) != key(Array("abcdefgh\0".utf8)))
        #expect(empty != .none && zero != .none)
    }

    @Test("longer than 16 bytes: no key")
    func longerHasNone() {
        #expect(key([UInt8](repeating: 0x61, count: 16)) != nil)
        #expect(key([UInt8](repeating: 0x61, count: 17)) == nil)
    }

    @Test("reads no byte around the key: the same bytes inside different neighbours give the same key", arguments: 0...16)
    func onlyItsOwnBytes(length: Int) {
        let bytes = (0..<length).map { UInt8(0x30 + $0) }
        let inZeros = [UInt8](repeating: 0, count: 8) + bytes + [UInt8](repeating: 0, count: 8)
        let inOnes = [UInt8](repeating: 0xFF, count: 8) + bytes + [UInt8](repeating: 0xFF, count: 8)
        let a = inZeros.withUnsafeBufferPointer { ShortByteKey(UnsafeBufferPointer(rebasing: $0[8..<(8 + length)])) }
        let b = inOnes.withUnsafeBufferPointer { ShortByteKey(UnsafeBufferPointer(rebasing: $0[8..<(8 + length)])) }
        #expect(a != nil && a == b && a == key(bytes))
    }
}
