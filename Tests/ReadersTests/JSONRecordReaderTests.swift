import ETLCore
import Testing

@testable import Readers

@Suite struct JSONRecordReaderTests {
    func read(_ text: String, path: String? = "evses[*]") throws -> [SourceRecord] {
        let file = TemporaryFile(text, name: "in.json")
        var options = JSONOptions()
        options.recordPath = path
        options.enclosing = "location"
        let reader = try JSONRecordReader(path: file.path, options: options)
        var out: [SourceRecord] = []
        while let r = try reader.next() { out.append(r) }
        return out
    }

    func ids(_ records: [SourceRecord]) -> [String] {
        records.compactMap { r in
            if case .tree(let n) = r.content { return n["evse_id"]?.scalarText }
            return nil
        }
    }

    static let location1 = #"{"id": "L1", "evses": [{"evse_id": "A"}, {"evse_id": "B"}]}"#
    static let location2 = #"{"id": "L2", "evses": [{"evse_id": "C"}]}"#

    @Test(arguments: [
        "[\(location1), \(location2)]",
        "{\"status_code\": 1000, \"data\": [\(location1), \(location2)], \"timestamp\": \"2026-01-01T00:00:00Z\"}",
        "{\"items\": [\(location1), \(location2)], \"total\": 2}",
        "{\"content\": [\(location1), \(location2)]}",
        "\(location1)\n\(location2)\n",
        "\u{FEFF}[\(location1),\n\(location2)]",
    ])
    func everyShapeGivesTheSameRecords(text: String) throws {
        let records = try read(text)
        #expect(ids(records) == ["A", "B", "C"])
        #expect(records.map(\.provenance.recordNumber) == [1, 2, 3])
        #expect(records.map { $0.scopes["location"]?["id"]?.scalarText } == ["L1", "L1", "L2"])
    }

    @Test func singleLocationAndSingleEnvelope() throws {
        #expect(ids(try read(Self.location1)) == ["A", "B"])
        #expect(ids(try read("{\"data\": \(Self.location2), \"status_code\": 1000}")) == ["C"])
    }

    @Test func recordsKnowTheirLines() throws {
        let text = "[\n  {\n    \"id\": \"L1\",\n    \"evses\": [\n      {\"evse_id\": \"A\"},\n      {\n        \"evse_id\": \"B\"\n      }\n    ]\n  }\n]\n"
        #expect(try read(text).map(\.provenance.line) == [5, 6])
    }

    @Test func aLocationWithoutEVSEsIsADefectRecord() throws {
        let records = try read("[{\"id\": \"EMPTY\", \"evses\": []}, \(Self.location2)]")
        #expect(records.count == 2)
        #expect(records[0].defect?.rule == "json.no-records")
        #expect(records[0].defect?.message.contains("'EMPTY'") == true)
        #expect(records[1].defect == nil)
    }

    @Test func withoutARecordPathTheItemIsTheRecord() throws {
        let records = try read("[{\"a\": 1}, {\"a\": 2}]", path: nil)
        let values = records.map { record -> SourceNode? in
            if case .tree(let n) = record.content { return n["a"] }
            return nil
        }
        #expect(values == [.number("1"), .number("2")])
    }

    @Test func brokenFilesStopWithTheLine() throws {
        #expect { _ = try read("[\(Self.location1),\n{\"id\": \"L2\",\n \"evses\": [}]") } throws: {
            ($0 as? Diagnostic)?.rule == "json.syntax" && ($0 as? Diagnostic)?.line == 3
        }
        #expect { _ = try read("") } throws: { ($0 as? Diagnostic)?.rule == "json.empty" }
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect { _ = try read("[{\"evses\": \(deep)}]") } throws: { ($0 as? Diagnostic)?.rule == "json.too-deep" }
        #expect { _ = try read("{\"data\": [\(Self.location1)") } throws: { ($0 as? Diagnostic)?.rule == "json.syntax" }
    }

    @Test func stringsAndNumbers() throws {
        let records = try read(#"[{"evses": [{"evse_id": "\u00c9\ud83d\ude00\n", "n": -1.5e2, "b": true, "z": null}]}]"#)
        guard case .tree(let n) = records[0].content else {
            Issue.record("no tree")
            return
        }
        #expect(n["evse_id"] == .text("É😀\n"))
        #expect(n["n"] == .number("-1.5e2"))
        #expect(n["b"] == .bool(true))
        #expect(n["z"] == .null)
    }

    @Test func camelCaseKeysInSnakeCase() {
        #expect(JSONScanner.snakeCase("postalCode") == "postal_code")
        #expect(JSONScanner.snakeCase("evseId") == "evse_id")
        #expect(JSONScanner.snakeCase("maxElectricPower") == "max_electric_power")
        #expect(JSONScanner.snakeCase("evse_id") == "evse_id")
        #expect(JSONScanner.snakeCase("EVSE") == "evse")
        #expect(JSONScanner.snakeCase("iec62196T2") == "iec62196_t2")
    }

    @Test("keys read again come from the key cache as they came the first time, escaped, long or camelCase")
    func repeatedKeys() throws {
        let long = String(repeating: "k", count: 70)
        var evses: [String] = []
        for i in 0..<3 {
            evses.append(#"{"evseId": "E\#(i)", "a\u0062": 1, "ab": 2, "\#(long)": 3, "\#(long)x": 4, "maxElectricPower": \#(i)}"#)
        }
        let file = TemporaryFile("[{\"id\": \"L\", \"evses\": [\(evses.joined(separator: ", "))]}]", name: "in.json")
        var options = JSONOptions()
        options.recordPath = "evses[*]"
        options.snakeCaseKeys = true
        let reader = try JSONRecordReader(path: file.path, options: options)
        var records: [SourceNode] = []
        while let r = try reader.next() { if case .tree(let n) = r.content { records.append(n) } }
        #expect(records.count == 3)
        for (i, n) in records.enumerated() {
            guard case .object(let o) = n.materialized else { Issue.record("not an object"); continue }
            #expect(o.keys == ["evse_id", "ab", "ab", long, long + "x", "max_electric_power"])
            #expect(n["evse_id"]?.scalarText == "E\(i)")
            #expect(n["max_electric_power"]?.scalarText == "\(i)")
        }
    }

    @Test("the key cache finds what it stored among many keys, and stops storing when full")
    func keyCache() {
        let cache = JSONKeyCache(capacity: 100)
        func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
        for i in 0..<150 {
            let k = bytes("key\(i)")
            k.withUnsafeBufferPointer { cache.store("K\(i)", for: $0) }
        }
        for i in 0..<150 {
            let found = bytes("key\(i)").withUnsafeBufferPointer { cache.key(for: $0) }
            #expect(found == (i < 100 ? "K\(i)" : nil))
        }
        #expect(bytes("key1x").withUnsafeBufferPointer { cache.key(for: $0) } == nil)
        #expect(bytes("").withUnsafeBufferPointer { cache.key(for: $0) } == nil)
    }
}
