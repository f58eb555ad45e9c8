import ETLCore
import Foundation
import OICP
import Testing

@testable import Mapping
@testable import Readers

/// `each` templates remembered per item: the connectors of one kind give what the first of them
/// gave, whatever else the items hold; warnings recur and counts are counted for every item.
@Suite struct ItemMemoTests {
    static let mapping = """
        version: 1
        input: { format: json }
        records: { path: "evses[*]", enclosing: location }
        operator: { id: "DE*ABC", name: ABC }
        evse:
          EvseID: { path: id }
          ChargingStationID: { path: station, truncate: 5 }
          AuthenticationModes: { path: caps, table: auth }
          SubOperatorName: { path: sub, default: Sub }
          Plugs: { path: connectors, each: { template: "{standard} {format?}" }, table: plugs }
          ChargingFacilities:
            path: connectors
            each:
              PowerType: { path: power, table: power }
              Power: { path: kw, number: true, round: true }
              Voltage: { path: volts, number: true, range: { max: 999, outside: reject } }
        tables:
          plugs: { unknown: drop, values: { "T2 SOCKET": Type 2 Outlet, "CCS CABLE": "CCS Combo 2 Plug (Cable Attached)" } }
          power: { values: { AC3: AC_3_PHASE, DC: DC } }
          auth: { unknown: drop, values: { RFID: NFC RFID Classic, APP: REMOTE } }
        """

    /// Three kinds of connector: Type 2 (AC, 22.4 kW rounded), CCS (DC), and one with an unknown
    /// plug (left out, counted) and a voltage out of range (a reason to reject). Every connector
    /// has its own id, which no field reads.
    static let kinds = [
        #""standard": "T2", "format": "SOCKET", "power": "AC3", "kw": 22.4, "volts": 230"#,
        #""standard": "CCS", "format": "CABLE", "power": "DC", "kw": 150, "volts": 920"#,
        #""standard": "XX", "power": "DC", "kw": 50, "volts": 1000"#,
    ]
    /// The kinds of connector of each EVSE.
    static let evses: [[Int]] = [[0], [0, 1], [1, 1], [2], [0, 2], [0], [2, 2, 0]]

    static func json() -> String {
        var id = 0
        let items = evses.enumerated().map { e, kinds in
            let connectors = kinds.map { k -> String in
                id += 1
                return "{\"id\": \"c\(id)\", \(Self.kinds[k])}"
            }
            // Fields of the record itself repeat too: its station (cut on every other EVSE)
            // and its capabilities (one the table does not know).
            let station = e % 2 == 0 ? "S1" : "STATION-LONG"
            return #"{"id": "DE*ABC*E\#(e)", "station": "\#(station)", "caps": ["RFID", "X"], "connectors": [\#(connectors.joined(separator: ", "))]}"#
        }
        return #"[{"id": "L1", "evses": [\#(items.joined(separator: ", "))]}]"#
    }

    /// The records of the JSON file as its reader gives them (read flat, as tapes), or as trees.
    static func records(flat: Bool) throws -> [SourceRecord] {
        let file = TemporaryFile(json(), name: "in.json")
        var options = JSONOptions()
        options.recordPath = "evses[*]"
        options.enclosing = "location"
        let reader = try JSONRecordReader(path: file.path, options: options)
        var out: [SourceRecord] = []
        while var r = try reader.next() {
            if !flat, case .tree(let node) = r.content {
                r.content = .tree(node.materialized)
                for (name, scope) in r.scopes { r.setScope(name, to: scope.materialized, id: r.scopeIDs[name]) }
            }
            out.append(r)
        }
        return out
    }

    static func map(_ records: [SourceRecord]) throws -> (records: [MappedRecord], statistics: MappingStatistics) {
        let document = try MappingDocument.parse(yaml: mapping, file: "test.yaml")
        let compiled = try MappingCompiler.compile(document, header: nil, parameters: [:])
        let mapper = Mapper(mapping: compiled, version: .v2_3)
        var out: [MappedRecord] = []
        for r in records { out += mapper.process(r) }
        out += mapper.finish()
        return (out, mapper.statistics)
    }

    @Test("connectors of one kind give the same facilities and plugs, read flat or as trees; warnings and counts recur per connector")
    func repeatedItems() throws {
        for flat in [true, false] {
            let (records, statistics) = try Self.map(try Self.records(flat: flat))
            #expect(records.count == Self.evses.count)
            for (e, r) in records.enumerated() {
                // Record fields remembered by what their paths hold: a station ID cut is reported
                // on every record that has it.
                #expect(r.evse.chargingStationID == (e % 2 == 0 ? "S1" : "STATI"))
                #expect(r.issues.filter { $0.rule == "mapping.truncated" }.count == e % 2)
                #expect(r.evse.authenticationModes == [.nfcRFIDClassic])
            }
            for (r, kinds) in zip(records, Self.evses) {
                // The voltage out of range rejects the record, once for each connector that has it.
                #expect(r.rejected == kinds.contains(2))
                #expect(r.issues.filter { $0.rule == "mapping.range" }.count == kinds.filter { $0 == 2 }.count)
                var plugs: [PlugType] = []
                for k in kinds {
                    if let p = [PlugType.type2Outlet, .ccsCombo2PlugCableAttached, nil][k], !plugs.contains(p) { plugs.append(p) }
                }
                #expect(r.evse.plugs ?? [] == plugs)
                guard !kinds.contains(2) else { continue }
                let facilities = try #require(r.evse.chargingFacilities)
                #expect(facilities.map(\.powerType) == kinds.map { $0 == 0 ? .ac3Phase : .dc })
                #expect(facilities.map(\.power) == kinds.map { [22, 150, 50][$0] })
                #expect(facilities.map(\.voltage) == kinds.map { [230, 920, nil][$0] })
            }
            // Counted once per connector, remembered or not: 22.4 rounded on each Type 2, the
            // unknown plug on each of the third kind.
            let all = Self.evses.flatMap { $0 }
            #expect(statistics.rounded.values.reduce(0, +) == all.filter { $0 == 0 }.count)
            #expect(statistics.unknownValues["plugs"]?.values.reduce(0, +) == all.filter { $0 == 2 }.count)
            #expect(statistics.unknownValues["auth"]?["X"] == records.count, "counted on every record")
            #expect(statistics.truncated["ChargingStationID"] == records.count / 2)
            // A default given without a warning, remembered, is counted on every record.
            #expect(statistics.defaulted["SubOperatorName"] == records.count)
            #expect(records.allSatisfy { $0.evse.subOperatorName == "Sub" })
        }
    }

    @Test("the key tells items apart by every value a template reads, and by nothing else")
    func keys() throws {
        let path = try SourcePath(parsing: "a.b")
        func key(_ json: String) throws -> [UInt8] {
            let bytes = Array(json.utf8)
            return try bytes.withUnsafeBufferPointer { b in
                var scanner = JSONScanner(bytes: b, file: "t", maxDepth: 64, maxStringBytes: 1 << 20)
                let tape = try scanner.parseTape(depth: 1)
                var k = KeyBuffer()
                #expect(path.appendKey(from: .tape(tape, 0), to: &k))
                var tree = KeyBuffer()
                #expect(path.appendKey(from: tape.node(0), to: &tree))
                // The two ways of holding a tree never give the same key.
                #expect(Array(k.bytes) != Array(tree.bytes))
                return Array(k.bytes)
            }
        }
        let base = try key(#"{"a": {"b": "x"}, "c": 1}"#)
        #expect(try key(#"{"c": 2, "a": {"b": "x"}}"#) == base, "other members do not count")
        #expect(try key(#"{"a": {"b": "y"}}"#) != base)
        #expect(try key(#"{"a": {"b": 1}}"#) != key(#"{"a": {"b": "1"}}"#), "a number is not its text")
        #expect(try key(#"{"a": {}}"#) != key(#"{"a": {"b": null}}"#), "missing is not null")
        #expect(try key(#"{"a": {"b": ["x", "y"]}}"#) != key(#"{"a": {"b": ["xy"]}}"#))
        #expect(try key(#"{"a": {"b": {"c": "x"}}}"#) != key(#"{"a": {"b": {"d": "x"}}}"#), "keys inside count")
        #expect(try key(#"{"a": [{"b": "x"}, {"b": "y"}]}"#) != key(#"{"a": [{"b": "y"}, {"b": "x"}]}"#), "order counts")
    }
}
