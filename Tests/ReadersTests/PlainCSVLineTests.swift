import ETLCore
import Testing

@testable import Readers

/// Lines split without libcsv must come out exactly as libcsv reads them.
@Suite struct PlainCSVLineTests {
    final class Collector: LibCSVHandler {
        var rows: [[[UInt8]]] = []
        var current: [[UInt8]] = []
        override func field(_ bytes: UnsafeRawBufferPointer) { current.append(Array(bytes)) }
        override func endOfRow() {
            rows.append(current)
            current = []
        }
    }

    func viaLibCSV(_ line: [UInt8], delimiter: UInt8, quote: UInt8) throws -> [[[UInt8]]] {
        let collector = Collector()
        let parser = try LibCSVParser(delimiter: delimiter, quote: quote, handler: collector)
        try line.withUnsafeBytes { try parser.parse($0) }
        parser.finish()
        return collector.rows
    }

    func viaSplit(_ line: [UInt8], delimiter: UInt8, quote: UInt8) -> [[UInt8]]? {
        var fields: [[UInt8]] = []
        let plain = line.withUnsafeBufferPointer { PlainCSVLine.split($0, delimiter: delimiter, quote: quote) { fields.append(Array($0)) } }
        return plain ? fields : nil
    }

    /// Generates `count` lines of up to `maxLength` bytes drawn from `alphabet` (then a carriage
    /// return on every third line when `sometimesCR`, and a line feed); checks that each line taken
    /// as plain reads as libcsv reads it. Returns how many were plain.
    func compareGenerated(count: Int, maxLength: UInt64, alphabet: [UInt8], sometimesCR: Bool, seed: UInt64, delimiter: UInt8) throws -> Int {
        var g = SplitMix(seed: seed)
        var plain = 0
        for _ in 0..<count {
            var line = (0..<Int(g.next() % maxLength)).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] }
            if sometimesCR && g.next() % 3 == 0 { line.append(0x0D) }
            line.append(0x0A)
            guard let fields = viaSplit(line, delimiter: delimiter, quote: UInt8(ascii: "\"")) else { continue }
            plain += 1
            #expect(try viaLibCSV(line, delimiter: delimiter, quote: UInt8(ascii: "\"")) == [fields], "\(line)")
        }
        return plain
    }

    @Test("generated lines: every line taken as plain reads as libcsv reads it", arguments: [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09])
    func agreesWithLibCSV(delimiter: UInt8) throws {
        // Bytes next to each delimiter ('-', ':', 0x08) catch a comparison that is off by one;
        // lines of up to 40 bytes cover two sixteen-byte blocks and a tail.
        let alphabet: [UInt8] = [UInt8(ascii: "a"), UInt8(ascii: "b"), 0x20, 0x20, 0x09, UInt8(ascii: ","), UInt8(ascii: ";"), 0xC3, 0xA9, 0x0D,
                                 UInt8(ascii: "\""), UInt8(ascii: "'"), 0x00, UInt8(ascii: "-"), UInt8(ascii: ":"), 0x08]
        let plain = try compareGenerated(count: 60_000, maxLength: 40, alphabet: alphabet, sometimesCR: true, seed: UInt64(delimiter), delimiter: delimiter)
        #expect(plain > 8000)
    }

    @Test("long generated lines (sixty-four-byte blocks, sixteen-byte blocks, a tail) read as libcsv reads them",
          arguments: [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09])
    func longLinesAgreeWithLibCSV(delimiter: UInt8) throws {
        // No quote or line break: every line is plain; spaces and tabs fall on every side of
        // every block boundary.
        let alphabet: [UInt8] = [UInt8(ascii: "a"), UInt8(ascii: "b"), 0x20, 0x20, 0x09, UInt8(ascii: ","), UInt8(ascii: ";"), 0xC3, 0xA9,
                                 UInt8(ascii: "'"), 0x00, UInt8(ascii: "-"), UInt8(ascii: ":"), 0x08, 0x21]
        let plain = try compareGenerated(count: 8_000, maxLength: 220, alphabet: alphabet, sometimesCR: false, seed: 99 + UInt64(delimiter), delimiter: delimiter)
        #expect(plain > 7000)
    }

    @Test("quotes, inner carriage returns and blank lines go to libcsv", arguments: ["a,\"b\"\n", "a\rb,c\n", "\n", " \t \n", ",,\n", "'x',y\n"])
    func notPlain(_ text: String) {
        #expect(viaSplit(Array(text.utf8), delimiter: UInt8(ascii: ","), quote: text.hasPrefix("'") ? UInt8(ascii: "'") : UInt8(ascii: "\"")) == nil)
    }

    @Test("a line of more fields than an arena has room for reads as libcsv reads it; an arena kept between lines gives what a fresh one gives")
    func longLines() throws {
        for fields in [PlainCSVLine.scratchFields - 1, PlainCSVLine.scratchFields, PlainCSVLine.scratchFields + 1, 3000] {
            let line = Array(((0..<fields).map { " f\($0) " }.joined(separator: ",") + "\n").utf8)
            let split = viaSplit(line, delimiter: UInt8(ascii: ","), quote: UInt8(ascii: "\""))
            #expect(split?.count == fields)
            #expect(try viaLibCSV(line, delimiter: UInt8(ascii: ","), quote: UInt8(ascii: "\"")) == [split ?? []])
        }
        var arena = BoundsArena(capacity: 0)
        var kept: [[Int32]?] = []
        var fresh: [[Int32]?] = []
        for text in ["a,b,c\n", "dd, e\n", "\"q\",x\n", "f,g,h,i\n"] {
            let line = Array(text.utf8)
            let found = line.withUnsafeBufferPointer {
                PlainCSVLine.bounds($0, offset: 7, delimiter: UInt8(ascii: ","), quote: UInt8(ascii: "\""), arena: &arena)
            }
            kept.append(found.map { Array($0.bounds.buffer) })
            fresh.append(line.withUnsafeBufferPointer { PlainCSVLine.bounds($0, offset: 7, delimiter: UInt8(ascii: ","), quote: UInt8(ascii: "\"")) }?.bounds)
        }
        // Read after all were split: each line's bounds stay its own in the shared arena.
        #expect(kept == fresh)
    }

    @Test("the longest field is measured after trimming, wherever it sits", arguments: 0..<6)
    func longestField(position: Int) {
        var fields = ["a", " bb ", "ccc", "", "\tdd\t", "e"]
        fields[position] = "  " + String(repeating: "x", count: 21) + " "
        let line = Array((fields.joined(separator: ",") + "\n").utf8)
        let found = line.withUnsafeBufferPointer { PlainCSVLine.bounds($0, offset: 3, delimiter: UInt8(ascii: ","), quote: UInt8(ascii: "\"")) }
        #expect(found?.largestField == 21)
        let measured = stride(from: 0, to: found?.bounds.count ?? 0, by: 2).map { Int(found!.bounds[$0 + 1] - found!.bounds[$0]) }.max()
        #expect(measured == 21)
    }

    @Test("a byte above 0x7F makes the line non-ASCII wherever it sits, in a sixty-four- or sixteen-byte block or the tail", arguments: 0..<150)
    func nonASCIIAnywhere(position: Int) {
        var line = Array(String(repeating: "ab,", count: 50).utf8.prefix(150))
        let ascii = line.withUnsafeBufferPointer { PlainCSVLine.bounds($0, offset: 0, delimiter: UInt8(ascii: ","), quote: UInt8(ascii: "\"")) }
        #expect(ascii?.isASCII == true)
        // A delimiter replaced takes one field away.
        let fields = (ascii?.bounds.count ?? 0) / 2 - (line[position] == UInt8(ascii: ",") ? 1 : 0)
        line[position] = 0xE9
        let other = line.withUnsafeBufferPointer { PlainCSVLine.bounds($0, offset: 0, delimiter: UInt8(ascii: ","), quote: UInt8(ascii: "\"")) }
        #expect(other?.isASCII == false)
        #expect(other?.bounds.count == 2 * fields)
    }

    @Test("a quote, carriage return or line feed anywhere before the end leaves the line to libcsv", arguments: 0..<149)
    func specialAnywhere(position: Int) {
        for special in [UInt8(ascii: "\""), 0x0D, 0x0A] {
            var line = Array(String(repeating: "ab,", count: 50).utf8.prefix(150))
            line[position] = special
            #expect(viaSplit(line, delimiter: UInt8(ascii: ","), quote: UInt8(ascii: "\"")) == nil, "\(special) at \(position)")
        }
    }

    @Test func fieldsAreTrimmed() {
        #expect(viaSplit(Array(" a ,\tb\t, c d \r\n".utf8), delimiter: UInt8(ascii: ","), quote: UInt8(ascii: "\""))
            == [Array("a".utf8), Array("b".utf8), Array("c d".utf8)])
        // With a tab delimiter, tabs separate and only spaces are trimmed.
        #expect(viaSplit(Array(" a \t\tb\n".utf8), delimiter: 0x09, quote: UInt8(ascii: "\"")) == [Array("a".utf8), [], Array("b".utf8)])
    }
}
