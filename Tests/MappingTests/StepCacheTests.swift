import ETLCore
import Testing

@testable import Mapping

/// The byte-keyed table of remembered results.
@Suite struct StepCacheTests {
    func index(_ cache: StepCache, _ text: String) -> Int {
        Array(text.utf8).withUnsafeBufferPointer { cache.index(bytes: $0) }
    }

    func put(_ cache: StepCache, _ text: String) {
        Array(text.utf8).withUnsafeBufferPointer { cache.put(bytes: $0, StepCache.Entry(value: .text(text.uppercased()))) }
    }

    @Test("keys that differ in one byte, in the eight-byte blocks or the tail, are told apart; the last key found is found again")
    func keysAreComparedWhole() {
        let cache = StepCache()
        let keys = ["Bahnhofstraße 12", "Bahnhofstraße 13", "Bahnhofstrasse 1", "Bahnhofstraße", "Bahnhof", "Bahnhofs", ""]
        for k in keys { put(cache, k) }
        for k in keys + keys.reversed() + keys {
            let e = index(cache, k)
            #expect(e >= 0)
            #expect(cache.hit(e, counting: MappingStatistics()) == .text(k.uppercased()), "\(k)")
        }
        #expect(index(cache, "Bahnhofstraße 14") == -1)
        #expect(index(cache, "Bahnhofstraße 1") == -1)
        #expect(index(cache, "bahnhof") == -1)
    }

    @Test("keys of every length up to 20 (two words up to 16 bytes, byte by byte beyond) are found, and told apart from keys one byte off")
    func keysOfEveryLength() {
        let cache = StepCache()
        let keys = (0...20).map { n in String((0..<n).map { Character(Unicode.Scalar(UInt8(0x61 + $0 % 26))) }) }
        for k in keys { put(cache, k) }
        for k in keys.reversed() + keys {
            let e = index(cache, k)
            #expect(e >= 0, "\(k.count) bytes")
            if e >= 0 { #expect(cache.hit(e, counting: MappingStatistics()) == .text(k.uppercased())) }
            for position in 0..<k.count {
                var bytes = Array(k.utf8)
                bytes[position] = UInt8(ascii: "#")
                #expect(bytes.withUnsafeBufferPointer { cache.index(bytes: $0) } == -1, "\(k.count) bytes, byte \(position)")
            }
        }
    }

    @Test("the table grows as entries come: every one of 4,096 keys, short and long, is found again, and a key never put is not")
    func tableGrows() {
        let cache = StepCache()
        let keys = (0..<4096).map { $0 % 2 == 0 ? "k\($0)" : "a longer key, number \($0)" }
        for k in keys {
            put(cache, k)
            #expect(index(cache, k) >= 0, "\(k) just put")
        }
        // Looked up so that most lookups hit: the full cache stays on.
        for k in keys.reversed() {
            let e = index(cache, k)
            #expect(e >= 0, "\(k)")
            if e >= 0 { #expect(cache.hit(e, counting: MappingStatistics()) == .text(k.uppercased())) }
        }
        #expect(index(cache, "k4097") == -1)
        #expect(index(cache, "a longer key, number 4097") == -1)
        #expect(cache.enabled)
    }

    @Test("equal compares every byte", arguments: 0..<20)
    func equalComparesEveryByte(position: Int) {
        let a = [UInt8](repeating: 0x61, count: 20)
        var b = a
        b[position] = 0x62
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                #expect(!ByteKey.equal(pa, pb))
                #expect(ByteKey.equal(pa, pa))
                #expect(!ByteKey.equal(UnsafeBufferPointer(rebasing: pa[0..<position]), pa))
            }
        }
    }
}
