import OICP
import Testing

@testable import Mapping

/// Fields remembered by the bytes of their columns (`ColumnMemo`) and conversions remembered by
/// their input (`LastConversion`): the same records and counts as computing every field anew.
@Suite struct ColumnMemoTests {
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

    @Test("the columns an expression depends on, or none when it depends on more")
    func inputColumns() throws {
        #expect(Expression.constant(.text("x")).inputColumns == [])
        #expect(Expression.column(3, name: "c").inputColumns == [3])
        #expect(Expression.variable(.row).inputColumns == nil)
        let template = Expression.template([.literal("a"), .expression(.column(1, name: "b"), optional: false), .expression(.column(4, name: "e"), optional: true)])
        #expect(template.inputColumns == [1, 4])
        #expect(Expression.first([.column(2, name: "c"), .variable(.line)]).inputColumns == nil)
        #expect(Expression.pipeline(.column(0, name: "a"), [.upper], onError: .reject).inputColumns == [0])
        #expect(Expression.pipeline(.column(0, name: "a"), [.prefix(.column(1, name: "b"))], onError: .reject).inputColumns == nil)
    }
}
