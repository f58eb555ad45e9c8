import OICP
import Testing

@testable import Mapping

/// Fields of remembered pipelines over a CSV column convert each distinct value once; what a
/// conversion reports is not remembered.
@Suite struct EntryConversionsTests {
    @Test("values seen before convert as they did the first time, in any order")
    func repeatedValues() throws {
        let yaml = MappingHarness.yaml(evse: """
            EvseID: { column: evse }
            Plugs: { column: plug, split: ";", table: plugs }
            Accessibility: { column: access, table: access }
            MaxCapacity: { column: cap, number: true }
            """, extra: """
            tables:
              plugs: { values: { T2: Type 2 Outlet, CCS: CCS Combo 2 Plug (Cable Attached) } }
              access: { values: { public: Free publicly accessible, private: Restricted access } }
            """)
        let rows = [("T2", "public", "2"), ("CCS;T2", "private", "4"), ("T2", "public", "2"), ("CCS;T2", "public", "4"), ("CCS", "private", "2")]
        let csv = "evse,plug,access,cap\n" + rows.enumerated().map { "DE*ABC*E\($0.offset + 1),\($0.element.0),\($0.element.1),\($0.element.2)" }.joined(separator: "\n")
        let h = try MappingHarness(yaml: yaml, csv: csv)
        let plugs: [String: [PlugType]] = ["T2": [.type2Outlet], "CCS;T2": [.ccsCombo2PlugCableAttached, .type2Outlet], "CCS": [.ccsCombo2PlugCableAttached]]
        #expect(h.records.count == rows.count)
        for (record, row) in zip(h.records, rows) {
            #expect(record.evse.plugs == plugs[row.0])
            #expect(record.evse.accessibility == (row.1 == "public" ? .freePubliclyAccessible : .restrictedAccess))
            #expect(record.evse.maxCapacity == Int(row.2))
            #expect(!record.rejected)
        }
    }

    @Test("a value whose conversion rejects is rejected on every row it comes in, not only the first")
    func reasonsRecur() throws {
        // `upper` makes the column a remembered pipeline; its text is no number.
        let yaml = MappingHarness.yaml(evse: """
            EvseID: { column: evse }
            MaxCapacity: { column: cap, upper: true }
            """)
        let csv = "evse,cap\nDE*ABC*E1,abc\nDE*ABC*E2,abc\nDE*ABC*E3,2\nDE*ABC*E4,abc\nDE*ABC*E5,2\n"
        let h = try MappingHarness(yaml: yaml, csv: csv)
        #expect(h.records.map(\.rejected) == [true, true, false, true, false])
        #expect(h.records.filter(\.rejected).allSatisfy { $0.issues.contains { $0.rule == "mapping.number" && $0.value == "ABC" } })
        #expect(h.records[2].evse.maxCapacity == 2 && h.records[4].evse.maxCapacity == 2)
    }
}
