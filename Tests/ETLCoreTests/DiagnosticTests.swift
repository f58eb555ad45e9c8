import Testing

@testable import ETLCore

@Suite struct DiagnosticTests {
    @Test func compilerStyleFormat() {
        #expect(Diagnostic(.error, rule: "evse-id.pattern", "bad id", file: "in.csv", line: 12).description
            == "in.csv:12: error: [evse-id.pattern] bad id")
        #expect(Diagnostic(.warning, "no place", file: "m.yaml").description == "m.yaml: warning: no place")
        #expect(Diagnostic(.note, "plain").description == "note: plain")
        #expect(Diagnostic(.error, "x", file: "f", line: 1, column: 5).description == "f:1:5: error: x")
    }

    @Test func collectorCountsEverythingAndKeepsALimitedNumber() {
        let seen = Counter()
        let c = DiagnosticCollector(limit: 3) { _ in seen.increment() }
        for i in 0..<10 { c.emit(Diagnostic(i % 2 == 0 ? .error : .warning, rule: "r\(i % 3)", "m")) }
        #expect(c.diagnostics.count == 3)
        #expect(c.count(.error) == 5)
        #expect(c.count(.warning) == 5)
        #expect(c.countsByRule == ["r0": 4, "r1": 3, "r2": 3])
        #expect(c.hasErrors)
        #expect(seen.value == 10)
    }

    @Test func severityOrder() {
        #expect(Diagnostic.Severity.note < .warning)
        #expect(Diagnostic.Severity.warning < .error)
    }
}

final class Counter: @unchecked Sendable {
    private(set) var value = 0
    func increment() { value += 1 }
}

@Suite struct CSVRowTests {
    @Test func fieldsAreMadeOnDemand() {
        let header = CSVHeader(names: ["a", "b", "a"])
        let row = CSVRow(header: header, fields: ["x", "Köln", ""])
        #expect(row.text(at: 1) == "Köln")
        #expect(row.text(at: 2) == "")
        #expect(row.text(at: 3) == nil)
        #expect(row.byteCount(at: 1) == 5)
        #expect(header.position(of: "a") == 0)
        #expect(header.duplicates == ["a"])
    }
}
