import ETLCore
import OICP
import Testing

@testable import Mapping

/// Fields remembered by the bytes of their columns or their scope objects (`FieldMemo`) and
/// conversions remembered by their input (`LastConversion`): the same records and counts as
/// computing every field anew.
@Suite struct FieldMemoTests {
    static let addressMapping = MappingHarness.yaml(evse: """
        EvseID: { column: id }
        Address:
          Country: DEU
          City: { column: city }
          Street: { column: street }
          HouseNum: { column: no }
        GeoCoordinates: { latitude: { column: lat }, longitude: { column: lon } }
        ChargingFacilities:
          - { PowerType: AC_3_PHASE, Voltage: { column: v, number: true }, Power: 11 }
        ValueAddedServices: { const: Wifi, table: services }
        """, extra: """
        tables:
          services: { unknown: drop, values: { None: None } }
        """)

    @Test("each record has its own row's address and position, whether its columns repeat or change in one byte")
    func objectsFollowTheirColumns() throws {
        let rows = [
            ("Köln", "Ring", "1", "50.9", "6.9"), ("Köln", "Ring", "1", "50.9", "6.9"), ("Bonn", "Ring", "1", "50.7", "7.1"),
            ("Köln", "Ring", "1", "50.9", "6.9"), ("Köln", "Ring", "2", "50.9", "6.9"), ("Köln", "Ring", "", "50.9", "6.9"),
            ("Köln", "Ring", "", "50.9", "6.8"), ("Köln", "Rinh", "", "50.9", "6.8"),
        ]
        var csv = "id,city,street,no,lat,lon,v\n"
        for (i, r) in rows.enumerated() { csv += "DE*ABC*E\(i),\(r.0),\(r.1),\(r.2),\(r.3),\(r.4),230\n" }
        let h = try MappingHarness(yaml: Self.addressMapping, csv: csv)
        #expect(h.records.count == rows.count)
        for (record, row) in zip(h.records, rows) {
            #expect(record.evse.address?.city == row.0)
            #expect(record.evse.address?.street == row.1)
            #expect(record.evse.address?.houseNum == (row.2.isEmpty ? nil : row.2))
            #expect(record.evse.geoCoordinates == .decimalDegree(latitude: Double(row.3)!, longitude: Double(row.4)!, decimals: 6))
        }
    }

    @Test("a row whose columns are a remembered entry's is a hit, however the entries' lengths change")
    func hitsFollowTheColumnsBytes() {
        let header = CSVHeader(names: ["city", "id", "street"])
        let memo = FieldMemo<String>(FieldInputs(columns: [0, 2]))
        let statistics = MappingStatistics()
        var computed: [String] = []
        // Lengths that grow, shrink and change places between the two columns.
        let rows = [("Köln", "Ringstraße"), ("Köln", "Ringstraße"), ("Bonn", "Ring"), ("Bonn", "Ring"), ("Köln", "Ringstraße"),
                    ("Köln", "Ring"), ("KölnRing", ""), ("KölnRing", ""), ("Köln", "Ring"), ("", "KölnRing"), ("Köln", "Ring")]
        var results: [String?] = []
        for (i, (city, street)) in rows.enumerated() {
            let record = SourceRecord(content: .row(CSVRow(header: header, fields: [city, "E\(i)", street])),
                provenance: Provenance(file: "in.csv", line: i + 2, recordNumber: i + 1))
            var ctx = EvalContext(record: record, version: .v2_3, statistics: statistics)
            results.append(memo(&ctx) { _ in
                computed.append(city + "|" + street)
                return city + "|" + street
            })
        }
        #expect(results == rows.map { $0.0 + "|" + $0.1 })
        // One entry: each change of the columns is computed, each repeat is not.
        #expect(computed == ["Köln|Ringstraße", "Bonn|Ring", "Köln|Ringstraße", "Köln|Ring", "KölnRing|", "Köln|Ring", "|KölnRing", "Köln|Ring"])
    }

    @Test("a trial is judged even when its last lookup hits")
    func aTrialEndingInAHitIsJudged() {
        let header = CSVHeader(names: ["v"])
        let memo = FieldMemo<String>(FieldInputs(columns: [0]))
        let statistics = MappingStatistics()
        var computed = 0
        // 255 values once each, the 256th lookup a repeat (a hit), then three values in turn:
        // one entry misses them all, eight (the trial judged at the next miss) keep them.
        let values = (0..<255).map { "v\($0)" } + ["v254"] + (0..<60).map { ["a", "b", "c"][$0 % 3] }
        for (i, v) in values.enumerated() {
            let record = SourceRecord(content: .row(CSVRow(header: header, fields: [v])), provenance: Provenance(file: "in.csv", line: i + 2, recordNumber: i + 1))
            var ctx = EvalContext(record: record, version: .v2_3, statistics: statistics)
            _ = memo(&ctx) { _ in
                computed += 1
                return v
            }
        }
        #expect(computed == 255 + 3)
    }

    @Test("what a remembered field counted is counted for every record, and its warnings recur")
    func countsAndWarningsRecur() throws {
        var csv = "id,city,street,no,lat,lon,v\n"
        // 3.7 V is rounded (counted); 1200 V does not fit OICP 2.3 (a warning, left out).
        for i in 0..<6 { csv += "DE*ABC*E\(i),Köln,Ring,1,50.9,6.9,\(i < 3 ? "3.7" : "1200")\n" }
        let h = try MappingHarness(yaml: Self.addressMapping, csv: csv)
        #expect(h.mapper.statistics.rounded["ChargingFacilities.Voltage"] == 3)
        // The constant's unknown value is counted once per record.
        #expect(h.mapper.statistics.unknownValues["services"] == ["Wifi": 6])
        for (i, record) in h.records.enumerated() {
            #expect(record.evse.chargingFacilities?.first?.voltage == (i < 3 ? 4 : nil))
            #expect(record.issues.filter { $0.rule == "oicp-fit.voltage" }.count == (i < 3 ? 0 : 1))
        }
        #expect(h.mapper.statistics.dropped["ChargingFacilities.Voltage"] == 3)
    }

    /// A mapper whose charging facility rounds the voltage of column `v`, and a function that
    /// maps row `i` with voltage `v` through it.
    static func voltageMapper() throws -> (Mapper, (Int, String) -> Void) {
        let yaml = MappingHarness.yaml(evse: """
            EvseID: { column: id }
            ChargingFacilities:
              - { PowerType: AC_3_PHASE, Voltage: { column: v, number: true, round: true }, Power: 11 }
            """)
        let header = CSVHeader(names: ["id", "v"])
        let mapper = Mapper(mapping: try MappingCompiler.compile(try MappingDocument.parse(yaml: yaml, file: "test.yaml"), header: header, parameters: [:]),
            version: .v2_3)
        return (mapper, { i, v in
            let row = CSVRow(header: header, fields: ["DE*ABC*E\(i)", v])
            _ = mapper.process(SourceRecord(content: .row(row), provenance: Provenance(file: "in.csv", line: i + 2, recordNumber: i + 1)))
        })
    }

    @Test("counts of remembered lists are counted for each record, per batch, through entries replaced and a memo given up")
    func deferredCountsPerBatch() throws {
        let (mapper, map) = try Self.voltageMapper()
        // Forty voltages in random order: one remembered entry serves too few (eight are
        // tried), eight serve under half (entries are replaced, with hits not counted yet, and
        // the memo gives up in the first batch); two of the voltages are not rounded.
        let voltages = (0..<38).map { "\(200 + $0).4" } + ["230", "231"]
        var draws = Draws(seed: 0x636F_756E)
        var expected = 0
        var counted = 0
        for batch in 0..<3 {
            var inBatch = 0
            for i in (batch * 600)..<(batch * 600 + 600) {
                let v = voltages[draws.next(voltages.count)]
                if v.contains(".") { inBatch += 1 }
                map(i, v)
            }
            // The counts of each batch are its own (the mapper hands them on per batch).
            let statistics = mapper.takeStatistics()
            #expect(statistics.rounded["ChargingFacilities.Voltage"] == inBatch, "batch \(batch)")
            expected += inBatch
            counted += statistics.rounded["ChargingFacilities.Voltage"] ?? 0
        }
        #expect(counted == expected)
    }

    @Test("hits not counted yet are counted when the memo gives up")
    func deferredCountsWhenTheMemoGivesUp() throws {
        let (mapper, map) = try Self.voltageMapper()
        // A new voltage on each row: the one-entry trial fails (256 lookups), then the eight-entry
        // trial: 249 new voltages, six repeats of the last one (hits whose rounding is counted
        // later) and a new one, the 256th lookup, after which the memo gives up.
        var voltages = (0..<505).map { "\(300 + $0).4" }
        voltages += Array(repeating: voltages[504], count: 6) + ["999.4"] + (0..<20).map { "\(900 + $0).4" }
        for (i, v) in voltages.enumerated() { map(i, v) }
        #expect(mapper.takeStatistics().rounded["ChargingFacilities.Voltage"] == voltages.count)
    }

    @Test("a number rounded on every row is counted on every row (remembered conversion)")
    func roundedNumbersAreCountedEachTime() throws {
        let yaml = MappingHarness.yaml(evse: "EvseID: { column: id }\nMaxCapacity: { column: n }")
        let h = try MappingHarness(yaml: yaml, csv: "id,n\nDE*ABC*E1,2.5\nDE*ABC*E2,2.5\nDE*ABC*E3,2.5\n")
        #expect(h.records.map(\.evse.maxCapacity) == [3, 3, 3])
        #expect(h.mapper.statistics.rounded["MaxCapacity"] == 3)
    }

    @Test("fields that change on every row stay right after the memo gives up")
    func changingFieldsPastTheTrial() throws {
        var csv = "id,city,street,no,lat,lon,v\n"
        for i in 0..<600 { csv += "DE*ABC*E\(i),City \(i),Street \(i / 2),\(i),50.\(i),6.9,230\n" }
        let h = try MappingHarness(yaml: Self.addressMapping, csv: csv)
        #expect(h.records.count == 600)
        for (i, record) in h.records.enumerated() {
            #expect(record.evse.address?.city == "City \(i)")
            #expect(record.evse.address?.street == "Street \(i / 2)")
            #expect(record.evse.geoCoordinates?.numericValue?.latitude == Double("50.\(i)"))
        }
    }

    @Test("the columns and scope objects an expression depends on, or none when it depends on more")
    func inputs() throws {
        #expect(Expression.constant(.text("x")).inputs == FieldInputs.none)
        #expect(Expression.column(3, name: "c").inputs == FieldInputs(columns: [3]))
        #expect(Expression.variable(.row).inputs == nil)
        #expect(Expression.variable(.value).inputs == nil)
        let template = Expression.template([.literal("a"), .expression(.column(1, name: "b"), optional: false), .expression(.column(4, name: "e"), optional: true)])
        #expect(template.inputs == FieldInputs(columns: [1, 4]))
        #expect(Expression.first([.column(2, name: "c"), .variable(.line)]).inputs == nil)
        #expect(Expression.pipeline(.column(0, name: "a"), [.upper], onError: .reject).inputs == FieldInputs(columns: [0]))
        #expect(Expression.pipeline(.column(0, name: "a"), [.prefix(.column(1, name: "b"))], onError: .reject).inputs == FieldInputs(columns: [0, 1]))
        #expect(Expression.pipeline(.column(0, name: "a"), [.prefix(.variable(.row))], onError: .reject).inputs == nil)
        #expect(Expression.pipeline(.column(0, name: "a"), [.hash(length: 8, repeats: RepeatCounter())], onError: .reject).inputs == nil)
        #expect(Expression.pipeline(.column(0, name: "a"), [.hash(length: 8, repeats: nil)], onError: .reject).inputs == FieldInputs(columns: [0]))

        // Paths: a scope object's, the record's own (not remembered), an item's inside `each`.
        let station = Expression.path(try SourcePath(parsing: "$station.address.city"))
        let site = Expression.path(try SourcePath(parsing: "$site.name"))
        let own = Expression.path(try SourcePath(parsing: "connector.type"))
        #expect(station.inputs == FieldInputs(scopes: ["station"]))
        #expect(Expression.first([station, site, station]).inputs == FieldInputs(scopes: ["station", "site"]))
        // A path of the record's own is an input only an item memo keys on (`each`), not a field memo.
        #expect(own.inputs?.paths.map(\.text) == ["connector.type"])
        #expect(FieldMemo<String>.make(own.inputs) == nil)
        #expect(Expression.path(try SourcePath(parsing: "$record.id")).inputs == nil)
        let lines = Expression.path(try SourcePath(parsing: "$station.addressLine"))
        let street = Condition.compare(.path(try SourcePath(parsing: "type")), .equal, .constant(.text("street")))
        let each = Expression.pipeline(.path(try SourcePath(parsing: "text")), [.when(street)], onError: .reject)
        #expect(Expression.pipeline(lines, [.each(each, nil), .join(" ")], onError: .reject).inputs == FieldInputs(scopes: ["station"]))
        // Outside `each`, the same condition reads the record: no field memo for it.
        let outside = Expression.pipeline(station, [.when(street)], onError: .reject).inputs
        #expect(outside?.scopes == ["station"] && outside?.paths.map(\.text) == ["type"])
        #expect(FieldMemo<String>.make(outside) == nil)
        // `$value` in a step's condition is the step's input.
        let long = Condition.compare(.variable(.value), .greater, .constant(.number(3)))
        #expect(Expression.pipeline(station, [.when(long)], onError: .reject).inputs == FieldInputs(scopes: ["station"]))
    }

    /// A mapping over tree records whose stations (`$station`) hold several EVSEs each.
    static let stationMapping = """
        version: 1
        input: { format: json }
        records: { path: "evses[*]", enclosing: station }
        operator: { id: "DE*ABC", name: { path: $station.operator, truncate: 5 } }
        evse:
          EvseID: { path: id }
          ChargingStationID: { path: $station.id }
          ChargingStationImage: { path: $station.image, max_length: 12, on_error: drop }
          Address:
            Country: DEU
            City: { path: $station.city, truncate: 6 }
            Street: { path: $station.lines, each: { path: text, when: "{kind} == 'street'" }, join: " " }
            HouseNum: { path: $station.lines, each: { path: text, when: "{kind} == 'house'" }, join: " " }
            Floor: { path: floor }
          GeoCoordinates: { latitude: { path: $station.lat }, longitude: { path: $station.lon } }
        """

    /// Records of `stations` (name, number of EVSEs), each station a new scope object.
    static func stationRecords(_ stations: [(city: String, evses: Int)]) -> [SourceRecord] {
        var out: [SourceRecord] = []
        for (s, station) in stations.enumerated() {
            func line(_ kind: String, _ text: String) -> SourceNode {
                .object(SourceObject(keys: ["kind", "text"], values: [.text(kind), .text(text)]))
            }
            let node = SourceNode.object(SourceObject(
                keys: ["id", "operator", "image", "city", "lines", "lat", "lon"],
                values: [.text("ST\(s)"), .text("Operator \(s)"), .text(s % 2 == 0 ? "a.png" : "https://example.com/\(s).png"),
                         .text(station.city), .array([line("street", "Ring"), line("house", "\(s + 1)"), line("street", "Süd")]),
                         .number("50.\(s)"), .number("6.9")]))
            for e in 0..<station.evses {
                var record = SourceRecord(
                    content: .tree(.object(SourceObject(keys: ["id", "floor"], values: [.text("DE*ABC*E\(s)\(e)"), .text("\(e)")]))),
                    provenance: Provenance(file: "in.json", line: out.count + 1, recordNumber: out.count + 1))
                record.setScope("station", to: node, id: s)
                out.append(record)
            }
        }
        return out
    }

    @Test("records of one scope object share what depends on it alone, and each gets its own station's values")
    func scopeObjectsAreRemembered() throws {
        let document = try MappingDocument.parse(yaml: Self.stationMapping, file: "test.yaml")
        let mapping = try MappingCompiler.compile(document, header: nil, parameters: [:])
        let stations = [("Köln", 3), ("Bonn", 1), ("Düsseldorf", 4), ("Köln", 2)]
        let mapper = Mapper(mapping: mapping, version: .v2_3)
        var records: [MappedRecord] = []
        for r in Self.stationRecords(stations) { records += mapper.process(r) }
        records += mapper.finish()
        #expect(records.count == 10)
        var i = 0
        for (s, (city, evses)) in stations.enumerated() {
            for e in 0..<evses {
                let r = records[i]
                i += 1
                #expect(r.evse.evseID == "DE*ABC*E\(s)\(e)")
                #expect(r.evse.chargingStationID == "ST\(s)")
                #expect(r.operatorName == "Opera")
                #expect(r.evse.address?.city == String(city.prefix(6)))
                #expect(r.evse.address?.street == "Ring Süd")
                #expect(r.evse.address?.houseNum == "\(s + 1)")
                #expect(r.evse.address?.floor == "\(e)")
                #expect(r.evse.geoCoordinates?.numericValue?.latitude == Double("50.\(s)"))
                // The image too long for max_length is dropped with a warning on every record.
                #expect(r.evse.chargingStationImage == (s % 2 == 0 ? "a.png" : nil))
                #expect(r.issues.filter { $0.rule == "mapping.too-long" }.count == (s % 2 == 0 ? 0 : 1))
            }
        }
        // Truncations are counted per record, remembered or not: "Düsseldorf" on 4 records, the
        // operator names on all 10.
        #expect(mapper.statistics.truncated["Address.City"] == 4)
        #expect(mapper.statistics.truncated["operator.name"] == 10)
    }

    @Test("a compiled mapping serving a second mapper does not take the first one's remembered values")
    func secondMapper() throws {
        let document = try MappingDocument.parse(yaml: Self.stationMapping, file: "test.yaml")
        let mapping = try MappingCompiler.compile(document, header: nil, parameters: [:])
        let first = Mapper(mapping: mapping, version: .v2_3)
        for r in Self.stationRecords([("Köln", 2)]) { _ = first.process(r) }
        // The same scope number (0) for another station.
        let second = Mapper(mapping: mapping, version: .v2_3)
        let records = Self.stationRecords([("Bonn", 2)]).flatMap { second.process($0) } + second.finish()
        #expect(records.map { $0.evse.address?.city } == ["Bonn", "Bonn"])
    }

    @Test("scope objects without numbers are not remembered: each record reads its own")
    func unnumberedScopeObjects() throws {
        let document = try MappingDocument.parse(yaml: Self.stationMapping, file: "test.yaml")
        let mapping = try MappingCompiler.compile(document, header: nil, parameters: [:])
        let mapper = Mapper(mapping: mapping, version: .v2_3)
        // The readers' records with their scope objects but not their numbers (as a reader
        // that does not number them would give).
        let numbered = Self.stationRecords([("Köln", 2), ("Bonn", 2)])
        let records = numbered.flatMap { r -> [MappedRecord] in
            let plain = SourceRecord(content: r.content, provenance: r.provenance, scopes: r.scopes)
            #expect(plain.scopeKey == nil)
            return mapper.process(plain)
        } + mapper.finish()
        #expect(records.map { $0.evse.address?.city } == ["Köln", "Köln", "Bonn", "Bonn"])
        #expect(numbered[0].scopeKey == numbered[1].scopeKey)
        #expect(numbered[1].scopeKey != numbered[2].scopeKey)
    }
}
