import Testing

@testable import ETLCore

/// Bounds of many rows in one arena.
@Suite struct BoundsArenaTests {
    @Test("each row keeps its own bounds while later rows are written after them, and keeps the arena alive")
    func rowsShareAnArena() {
        var rows: [RowBounds] = []
        do {
            let arena = BoundsArena(capacity: 10)
            for r in 0..<3 {
                let kept = arena.fill { out in
                    for j in 0..<3 { out[j] = Int32(10 * r + j) }
                    return 3
                }
                rows.append(kept!)
            }
            #expect(arena.used == 9)
            #expect(arena.free == 1)
            // Nothing kept: the space stays free.
            #expect(arena.fill { out in out[0] = 99; return nil } == nil)
            #expect(arena.free == 1)
        }
        // The arena is gone from here on but for the rows.
        #expect(rows.map { Array($0.buffer) } == [[0, 1, 2], [10, 11, 12], [20, 21, 22]])
        #expect(rows[1][2] == 12)
        #expect(rows[2].first == 20)
        #expect(rows[2].last == 22)
    }

    @Test("a prefix is the first bounds, never more than there are; copied bounds are a row of their own")
    func prefixAndCopies() {
        let row = RowBounds(copying: [1, 2, 3, 4] as [Int32])
        #expect(Array(row.prefix(2).buffer) == [1, 2])
        #expect(Array(row.prefix(9).buffer) == [1, 2, 3, 4])
        #expect(row.prefix(0).count == 0)
        #expect(row.prefix(0).first == nil)
        #expect(RowBounds(copying: [] as [Int32]).count == 0)
    }

    @Test("a CSV row reads its fields through bounds in an arena")
    func csvRowOverAnArena() {
        let bytes = Array("ab,cde,".utf8)
        let arena = BoundsArena(capacity: 64)
        _ = arena.fill { out in
            out[0] = 99
            return 1
        }
        let bounds = arena.fill { out in
            for (j, b) in [0, 2, 3, 6, 7, 7].enumerated() { out[j] = Int32(b) }
            return 6
        }!
        let row = CSVRow(header: CSVHeader(names: ["x", "y", "z"]), bytes: bytes, bounds: bounds)
        #expect(row.fields == ["ab", "cde", ""])
        #expect(row.count == 3)
        #expect(row.text(at: 3) == nil)
        #expect(row.byteCount(at: 1) == 3)
    }
}
