import ETLCore
import Foundation
import Testing

@testable import Mapping
@testable import Readers

/// Paths give the same values over a tape as over the same tree of `SourceNode`s.
@Suite struct TapePathTests {
    static let document = #"""
        {"id": "E1", "address": {"city": " Köln ", "zip": "50667", "empty": "", "none": null},
         "connectors": [{"standard": "T2", "kw": 22, "format": "SOCKET"}, {"standard": "CCS", "kw": 150.50, "extra": {"deep": ["a", "b"]}}],
         "dup": "first", "dup": "second", "flags": [true, false, null, 3],
         "el": {"#text": "inner", "@unit": "W"}, "mixed": {"#text": "t", "child": 1}, "big": 123456789012345678901234567890,
         "image": [{"url": "u0"}, {"url": "u1"}], "list": ["x", "", "y"]}
        """#

    static let paths = [
        "id", "address.city", "address.zip", "address.empty", "address.none", "address.missing", "address", "connectors",
        "connectors.standard", "connectors[*].kw", "connectors[1].kw", "connectors[5].kw", "connectors[0]", "connectors.extra.deep",
        "connectors.extra.deep[1]", "dup", "dup[1]", "dup[2]", "flags", "el", "mixed", "big", "image[0].url", "image.url", "list",
        "list[1]", "id[0]", "id[1]", "[\"address\"].city", "missing.deeper", "address.city.more",
    ]

    static func tape() throws -> SourceTape {
        let bytes = Array(document.utf8)
        return try bytes.withUnsafeBufferPointer { b in
            var scanner = JSONScanner(bytes: b, file: "t.json", maxDepth: 16, maxStringBytes: 1 << 20)
            return try scanner.parseTape(depth: 1)
        }
    }

    @Test("a path over a tape gives the value and nodes it gives over the tree", arguments: paths)
    func samePaths(_ text: String) throws {
        let t = try Self.tape()
        let tree = t.node(0)
        let path = try SourcePath(parsing: text)
        let flat = SourcePath.value(at: .tape(t, 0), path.components[...], keys: path.keyBytes)
        #expect(flat == SourcePath.value(at: tree, path.components[...]))
        #expect(SourcePath.resolve(.tape(t, 0), path.components[...]).map(\.materialized) == SourcePath.resolve(tree, path.components[...]))
        // Through the record, as a mapping reads it.
        let record = SourceRecord(content: .tree(.tape(t, 0)), provenance: Provenance(file: "t.json", line: 1, recordNumber: 1))
        let classic = SourceRecord(content: .tree(tree), provenance: Provenance(file: "t.json", line: 1, recordNumber: 1))
        let a = path.evaluate(EvalContext(record: record, version: .v2_3, statistics: MappingStatistics()))
        let b = path.evaluate(EvalContext(record: classic, version: .v2_3, statistics: MappingStatistics()))
        #expect(a == b)
    }
}
