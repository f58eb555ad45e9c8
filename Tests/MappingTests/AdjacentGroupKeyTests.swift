import Testing

@testable import Mapping

/// Group keys that are a CSV column, decided by their bytes (`AdjacentGroupKey`).
@Suite struct AdjacentGroupKeyTests {
    private static func decide(_ key: inout AdjacentGroupKey, _ text: String, open: Bool) -> AdjacentGroupKey.Decision {
        Array(text.utf8).withUnsafeBufferPointer { key.decide($0, open: open) }
    }

    private static func hold(_ key: inout AdjacentGroupKey, _ text: String) {
        Array(text.utf8).withUnsafeBufferPointer { key.hold($0) }
    }

    @Test func decisions() {
        var key = AdjacentGroupKey()
        // No group open: a plain key begins one, any other is left to its text.
        #expect(Self.decide(&key, "DE*ABC*E1", open: false) == .other)
        #expect(Self.decide(&key, " DE*ABC*E1", open: false) == .byText)
        #expect(Self.decide(&key, "", open: false) == .byText)
        Self.hold(&key, "DE*ABC*E1")
        #expect(key.text == "DE*ABC*E1")
        #expect(Self.decide(&key, "DE*ABC*E1", open: true) == .same)
        #expect(Self.decide(&key, "DE*ABC*E2", open: true) == .other)
        #expect(Self.decide(&key, "DE*ABC*E", open: true) == .other)
        // Text that trimming changes, or beyond ASCII, may still be the same key.
        #expect(Self.decide(&key, "DE*ABC*E1 ", open: true) == .byText)
        #expect(Self.decide(&key, "DE*ABC*É1", open: true) == .byText)
        // Held bytes do not count once the group is closed.
        #expect(Self.decide(&key, "DE*ABC*E1", open: false) == .other)
        key.clear()
        #expect(key.text == nil)
        #expect(Self.decide(&key, "DE*ABC*E1", open: true) == .byText)
    }

    @Test func aHeldKeyThatIsNotPlain() {
        var key = AdjacentGroupKey()
        Self.hold(&key, " E1")
        #expect(key.text == nil)
        #expect(Self.decide(&key, " E1", open: true) == .same)
        // " E1" and "E1" are one key after trimming: only the text can tell.
        #expect(Self.decide(&key, "E1", open: true) == .byText)
        #expect(!AdjacentGroupKey.isPlainASCII(Array("a\u{e9}b".utf8).withUnsafeBufferPointer { $0 }))
    }

    static let yaml = """
        version: 1
        operator: { id: "DE*ABC", name: "ABC" }
        records:
          group: { by: "%KEY%" }
        evse:
          EvseID: { template: "DE*ABC*E{$row}" }
          Plugs: { column: plug, table: plugs }
        tables:
          plugs: { values: { T2: Type 2 Outlet, CCS: CCS Combo 2 Plug (Cable Attached), CHA: CHAdeMO } }
        """

    /// The records a key expression makes of the rows: each record's first row and plugs.
    private static func groups(_ by: String, _ csv: String) throws -> (records: [String], merged: Int) {
        let h = try MappingHarness(yaml: yaml.replacingOccurrences(of: "%KEY%", with: by), csv: csv)
        return (h.records.map { "\($0.evse.evseID ?? "-") \($0.evse.plugs?.map(\.rawValue) ?? [])" }, h.mapper.counts.merged)
    }

    @Test func trickyKeysGroupAsTheirText() throws {
        let csv = """
            key,plug,blank
            E1,T2,
            " E1",CCS,
            E1,CHA,
            e\u{301},T2,
            \u{e9},CCS,
            \u{e9},CHA,
            E2,T2,
            E2 ,CCS,
            "  ",T2,
            ,CCS,
            E3,T2,
            E3,CCS,
            E1,CHA,
            """
        let column = try Self.groups("{key}", csv)
        #expect(column.records == [
            "DE*ABC*E1 [\"Type 2 Outlet\", \"CCS Combo 2 Plug (Cable Attached)\", \"CHAdeMO\"]",
            "DE*ABC*E4 [\"Type 2 Outlet\", \"CCS Combo 2 Plug (Cable Attached)\", \"CHAdeMO\"]",
            "DE*ABC*E7 [\"Type 2 Outlet\", \"CCS Combo 2 Plug (Cable Attached)\"]",
            "DE*ABC*E9 [\"Type 2 Outlet\"]",
            "DE*ABC*E10 [\"CCS Combo 2 Plug (Cable Attached)\"]",
            "DE*ABC*E11 [\"Type 2 Outlet\", \"CCS Combo 2 Plug (Cable Attached)\"]",
            "DE*ABC*E13 [\"CHAdeMO\"]",
        ])
        #expect(column.merged == 6)
        // The same key made as a template (not a column: decided by its text alone).
        #expect(try Self.groups("{key}{blank?}", csv) == column)
    }

    @Test func generatedRowsGroupAsTheirText() throws {
        let keys = ["A", "A ", " A", "B", "b", "\u{e9}", "e\u{301}", "", "C*1", "C*1\t", "\u{c9}"]
        var draws = Draws(seed: 0x6B65_7973)
        for round in 0..<20 {
            var csv = "key,plug,blank\n"
            var key = keys[draws.next(keys.count)]
            for _ in 0..<60 {
                if draws.next(3) == 0 { key = keys[draws.next(keys.count)] }
                csv += "\"\(key)\",\(["T2", "CCS", "CHA"][draws.next(3)]),\n"
            }
            let column = try Self.groups("{key}", csv)
            let text = try Self.groups("{key}{blank?}", csv)
            #expect(column == text, "round \(round)")
        }
    }
}
