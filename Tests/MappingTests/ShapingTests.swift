import OICP
import Testing

@testable import Mapping

/// Selecting, exploding and grouping records.
@Suite struct ShapingTests {
    static let connectorRows = """
        evse,plug,kw
        DE*ABC*E1,T2,22
        DE*ABC*E1,T2,11
        DE*ABC*E1,CCS,50
        DE*ABC*E2,T2,22
        DE*ABC*E1,CHA,50
        """

    static func groupYAML(adjacent: Bool, merge: String = "") -> String {
        MappingHarness.yaml(evse: """
            EvseID: { column: evse }
            Plugs: { column: plug, table: plugs }
            ChargingFacilities:
              - { PowerType: { column: plug, table: power }, Power: { column: kw } }
            """, extra: """
            records:
              group: { by: "{evse}", adjacent: \(adjacent)\(merge) }
            tables:
              plugs: { values: { T2: Type 2 Outlet, CCS: CCS Combo 2 Plug (Cable Attached), CHA: CHAdeMO } }
              power: { values: { T2: AC_3_PHASE, CCS: DC, CHA: DC } }
            """)
    }

    @Test func adjacentGroups() throws {
        let h = try MappingHarness(yaml: Self.groupYAML(adjacent: true), csv: Self.connectorRows)
        #expect(h.records.map(\.evse.evseID) == ["DE*ABC*E1", "DE*ABC*E2", "DE*ABC*E1"])
        #expect(h.records[0].evse.plugs == [.type2Outlet, .ccsCombo2PlugCableAttached])
        #expect(h.records[0].evse.chargingFacilities?.map(\.power) == [22, 11, 50])
        #expect(h.records[0].mergedLines == [3, 4])
        // The later groups hold only their own rows' lists (nothing left over from the merges).
        #expect(h.records[1].evse.plugs == [.type2Outlet])
        #expect(h.records[1].evse.chargingFacilities?.map(\.power) == [22])
        #expect(h.records[2].evse.plugs == [.chademo])
        #expect(h.records[2].evse.chargingFacilities?.map(\.power) == [50])
        #expect(h.mapper.counts.read == 5)
        #expect(h.mapper.counts.merged == 2)
    }

    @Test func groupsAnywhereInTheFile() throws {
        let h = try MappingHarness(yaml: Self.groupYAML(adjacent: false), csv: Self.connectorRows)
        #expect(h.records.map(\.evse.evseID) == ["DE*ABC*E1", "DE*ABC*E2"])
        #expect(h.records[0].evse.plugs == [.type2Outlet, .ccsCombo2PlugCableAttached, .chademo])
        #expect(h.records[0].evse.chargingFacilities?.count == 4)
        #expect(h.mapper.counts.merged == 3)
    }

    @Test func mergePolicies() throws {
        let h = try MappingHarness(yaml: Self.groupYAML(adjacent: true, merge: ", merge: { Plugs: append, ChargingFacilities: first }"),
            csv: Self.connectorRows)
        #expect(h.records[0].evse.plugs == [.type2Outlet, .type2Outlet, .ccsCombo2PlugCableAttached])
        #expect(h.records[0].evse.chargingFacilities?.count == 1)
        let bad = MappingHarness.error(yaml: Self.groupYAML(adjacent: true, merge: ", merge: { EvseID: union }"), header: ["evse", "plug", "kw"])
        #expect(bad?.message.contains("not a list") == true)
    }

    @Test func aBadRowRejectsItsGroup() throws {
        let csv = "evse,plug,kw\nDE*ABC*E1,T2,22\nDE*ABC*E1,XX,11\nDE*ABC*E2,T2,22\n"
        let h = try MappingHarness(yaml: Self.groupYAML(adjacent: true), csv: csv)
        #expect(h.records.map(\.rejected) == [true, false])
        #expect(h.records[0].issues.first?.value == "XX")
    }

    static let registerYAML = MappingHarness.yaml(evse: """
        EvseID: { template: "DE*KLN*E{$row}*{$i}" }
        Plugs: { column: "Plug{$i}", table: plugs }
        ChargingFacilities:
          - { PowerType: AC_3_PHASE, Power: { column: "P{$i}", number: { decimal: ',' } } }
        """, extra: """
        input: { delimiter: ";" }
        records:
          select: "{Status} != 'stillgelegt'"
          explode: { var: i, from: 1, to: 3, when: "{Plug{$i}}" }
        tables:
          plugs: { values: { AC Steckdose Typ 2: Type 2 Outlet, DC Kupplung Combo: CCS Combo 2 Plug (Cable Attached) } }
        """)

    @Test func explodeSelectAndAccounting() throws {
        let csv = """
            Status;Plug1;P1;Plug2;P2;Plug3;P3
            in Betrieb;AC Steckdose Typ 2;22;AC Steckdose Typ 2;11;;
            stillgelegt;AC Steckdose Typ 2;22;;;;
            in Betrieb;DC Kupplung Combo;150;;;;
            in Betrieb;;;;;;
            """
        let h = try MappingHarness(yaml: Self.registerYAML, csv: csv)
        #expect(h.records.map(\.evse.evseID) == ["DE*KLN*E1*1", "DE*KLN*E1*2", "DE*KLN*E3*1", nil])
        #expect(h.records[1].evse.chargingFacilities?.first?.power == 11)
        #expect(h.records[3].rejected)
        #expect(h.records[3].issues.first?.rule == "mapping.explode-empty")
        let c = h.mapper.counts
        #expect(c.read == 4 && c.expanded == 1 && c.excluded == 1 && c.merged == 0)
        // Every record is accounted for: 4 read + 1 expanded = 3 mapped + 1 rejected + 1 excluded.
        #expect(c.read + c.expanded == h.records.count + c.excluded + c.merged)
    }

    @Test func readerDefectsBecomeRejectedRecords() throws {
        let h = try MappingHarness(yaml: MappingHarness.yaml(evse: "EvseID: { column: a }"), csv: "a,b\nDE*ABC*E1,x\nDE*ABC*E2\n")
        #expect(h.records.map(\.rejected) == [false, true])
        #expect(h.records[1].issues.first?.rule == "csv.ragged")
    }
}
