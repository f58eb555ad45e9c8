import Testing

@testable import ETLCore

@Suite struct SourceRecordTests {
    func record() -> SourceRecord {
        SourceRecord(content: .row(CSVRow(header: CSVHeader(names: ["a"]), fields: ["1"])), provenance: Provenance(file: "in.csv", line: 2, recordNumber: 1))
    }

    @Test("scopes, their numbers and the defect are kept, each on its own, and empty again when cleared")
    func partsAreKept() {
        var r = record()
        #expect(r.scopes.isEmpty && r.scopeIDs.isEmpty && r.defect == nil)
        r.scopes["station"] = .text("S1")
        r.scopeIDs["station"] = 7
        #expect(r.scopes == ["station": .text("S1")] && r.scopeIDs == ["station": 7] && r.defect == nil)
        r.defect = Diagnostic(.error, rule: "csv.ragged", "3 fields, the header has 1", file: "in.csv", line: 2)
        #expect(r.defect?.rule == "csv.ragged" && r.scopes["station"] == .text("S1") && r.scopeIDs["station"] == 7)
        r.scopes = [:]
        #expect(r.scopes.isEmpty && r.scopeIDs == ["station": 7] && r.defect != nil)
        r.scopeIDs = [:]
        r.defect = nil
        #expect(r.scopes.isEmpty && r.scopeIDs.isEmpty && r.defect == nil)
        r.setScope("op", to: .text("O"), id: 3)
        r.setScope("op", to: .text("P"))
        #expect(r.scopes == ["op": .text("P")] && r.scopeIDs == ["op": 3] && r.scope("op") == .text("P") && r.scopeID("op") == 3 && r.scope("x") == nil)
        let made = SourceRecord(content: r.content, provenance: r.provenance, scopes: ["op": .text("O")], defect: Diagnostic(.error, "bad"))
        #expect(made.scopes == ["op": .text("O")] && made.scopeIDs.isEmpty && made.defect?.message == "bad")
    }

    @Test("a copy changes on its own (the parts kept out of line are shared, never changed in place)")
    func copiesAreIndependent() {
        var a = record()
        a.scopes["station"] = .text("S1")
        var b = a
        b.scopes["station"] = .text("S2")
        b.scopeIDs["station"] = 2
        b.defect = Diagnostic(.error, "bad")
        #expect(a.scopes["station"] == .text("S1") && a.scopeIDs.isEmpty && a.defect == nil)
        #expect(b.scopes["station"] == .text("S2") && b.scopeIDs["station"] == 2 && b.defect != nil)
        var c = b
        c.setScope("station", to: .text("S3"), id: 3)
        #expect(b.scopes["station"] == .text("S2") && b.scopeIDs["station"] == 2)
        #expect(c.scopes["station"] == .text("S3") && c.scopeIDs["station"] == 3)
    }

    @Test("several scopes: each found by its name, names of one length told apart, one removed leaves the others")
    func severalScopes() {
        var r = record()
        r.scopes = ["site": .text("A"), "stop": .text("B"), "station": .text("C")]
        r.setScope("pool", to: .text("D"), id: 4)
        #expect(r.scope("site") == .text("A") && r.scope("stop") == .text("B") && r.scope("station") == .text("C") && r.scope("pool") == .text("D"))
        #expect(r.scope("sitE") == nil && r.scope("sit") == nil && r.scopeID("pool") == 4 && r.scopeID("site") == nil)
        r.scopes["stop"] = nil
        #expect(r.scopes == ["site": .text("A"), "station": .text("C"), "pool": .text("D")])
    }

    @Test("sameKey: names match when spelled the same; a decomposed accent is another name, as JSON and XML compare names",
          arguments: [("a", "a", true), ("ab", "a", false), ("ab", "ac", false), ("", "", true), ("é", "é", true), ("e\u{301}", "é", false)])
    func sameKey(_ a: String, _ b: String, _ equal: Bool) {
        #expect(SourceObject.sameKey(a, b) == equal)
    }
}
