import ETLCore
import Foundation
import OICP
import Testing

@testable import Conversion

/// Whole conversions in process, on data written here.
@Suite struct ConverterTests {
    static let mapping = """
        version: 1
        records: { group: { by: "{evse}" } }
        operator: { id: { column: op }, name: { column: op_name } }
        evse:
          EvseID: { column: evse, upper: true }
          ChargingStationNames: [{ lang: en, value: { column: name } }]
          Address: { Country: DEU, City: { column: city }, Street: { column: street }, PostalCode: "10115", HouseNum: "1" }
          GeoCoordinates: { latitude: { column: lat }, longitude: { column: lon } }
          Plugs: { column: plug, table: plugs }
          ChargingFacilities: [{ PowerType: AC_3_PHASE, Power: { column: kw, number: true } }]
          RenewableEnergy: true
          CalibrationLawDataAvailability: Local
          AuthenticationModes: [REMOTE]
          PaymentOptions: [Contract]
          ValueAddedServices: [None]
          Accessibility: Free publicly accessible
          HotlinePhoneNumber: "+4930123456"
          IsOpen24Hours: true
          IsHubjectCompatible: true
          DynamicInfoAvailable: "false"
        tables:
          plugs: { values: { T2: Type 2 Outlet, T2C: Type 2 Connector (Cable Attached) } }
        """

    static let csv = """
        op,op_name,evse,name,city,street,lat,lon,plug,kw
        DE*AAA,Alpha,de*aaa*e1,One,Berlin,Unter den Linden,52.517,13.388,T2,22
        DE*AAA,Alpha,de*aaa*e1,One,Berlin,Unter den Linden,52.517,13.388,T2C,11
        DE*AAA,Alpha,DE*AAA*E2,Two,Berlin,Unter den Linden,52.517,13.388,XX,22
        DE*BBB,Beta,DE*BBB*E1,Three,Berlin,Bergstraße,52.5,13.4,T2,7.4
        DE*BBB,Beta,DE*AAA*E9,Four,Berlin,Bahnhofstraße,52.5,13.4,T2,22
        DE*BBB,Beta,DE*BBB*E2,Five,Berlin,Bahnhofstraße,152.5,13.4,T2,22
        """

    final class Workspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("oicp-etl-conv-\(UUID().uuidString)")
        init(mapping: String = ConverterTests.mapping, csv: String = ConverterTests.csv) {
            try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: path("m.yaml"), contents: Data(mapping.utf8))
            FileManager.default.createFile(atPath: path("in.csv"), contents: Data(csv.utf8))
        }
        deinit { try? FileManager.default.removeItem(at: root) }
        func path(_ name: String) -> String { root.appendingPathComponent(name).path }
        func run(version: OICPVersion = .v2_3) throws -> ConversionResult {
            var options = ConversionOptions(mappingPath: path("m.yaml"), inputPath: path("in.csv"), outputPath: path("out"))
            options.version = version
            return try Converter(options: options, diagnostics: DiagnosticCollector()).run()
        }
        func data(_ name: String) -> Data? { FileManager.default.contents(atPath: path(name)) }
    }

    /// The operator ID and name found without a finding are not checked again for the next
    /// record with the same ones; a record with another name or ID is.
    @Test("operator findings: each record's operator ID and name are judged, whatever the record before had")
    func operatorFindingsPerRecord() throws {
        let long = String(repeating: "n", count: 101)
        let csv = """
            op,op_name,evse,name,city,street,lat,lon,plug,kw
            DE*AAA,Alpha,DE*AAA*E1,One,Berlin,Ring,52.5,13.4,T2,22
            DE*AAA,Alpha,DE*AAA*E2,One,Berlin,Ring,52.5,13.4,T2,22
            DE*AAA,\(long),DE*AAA*E3,One,Berlin,Ring,52.5,13.4,T2,22
            DE*AAA,Alpha,DE*AAA*E4,One,Berlin,Ring,52.5,13.4,T2,22
            DEAAA1,Alpha,DE*AAA*E5,One,Berlin,Ring,52.5,13.4,T2,22
            DE*AAA,Alpha,DE*AAA*E6,One,Berlin,Ring,52.5,13.4,T2,22
            """
        let ws = Workspace(csv: csv)
        let r = try ws.run().report
        #expect(r.written == 4)
        #expect(r.rejected == 2)
        let rejects = String(decoding: ws.data("out/rejects.csv") ?? Data(), as: UTF8.self)
        #expect(rejects.contains("DE*AAA*E3") && rejects.contains("operator.name"))
        #expect(rejects.contains("DE*AAA*E5") && rejects.contains("operator.id"))
        #expect(!rejects.contains("DE*AAA*E4") && !rejects.contains("DE*AAA*E6"))
    }

    /// Converts `rows` rows of one operator, with 400 V on AC (a line-to-line warning on every
    /// row: each row of an EVSE adds a facility) and the latitude `latitude(i)` (longitude 13.4),
    /// on `jobs` mapping threads.
    static func runWithVoltage400(rows: Int, rowsPerEVSE: Int = 1, jobs: Int = 2, latitude: (Int) -> String) throws -> (ConversionResult, DiagnosticCollector) {
        let mapping = Self.mapping.replacingOccurrences(of: "Power: { column: kw, number: true } }]",
            with: "Power: { column: kw, number: true }, Voltage: 400 }]")
        var csv = "op,op_name,evse,name,city,street,lat,lon,plug,kw\n"
        for i in 0..<rows { csv += "DE*AAA,Alpha,DE*AAA*E\(i / rowsPerEVSE),One,Berlin,Ring,\(latitude(i)),13.4,T2,22\n" }
        let ws = Workspace(mapping: mapping, csv: csv)
        var options = ConversionOptions(mappingPath: ws.path("m.yaml"), inputPath: ws.path("in.csv"), outputPath: ws.path("out"))
        options.jobs = jobs
        let collector = DiagnosticCollector(limit: 100_000)
        return (try Converter(options: options, diagnostics: collector).run(), collector)
    }

    @Test("diagnostics past the first 1,000 of a rule are counted in the collector, without their details")
    func diagnosticsBeyondTheDetailedAreCounted() throws {
        // Every row: a warning (400 V on AC looks line to line) and, on odd rows, a reason to
        // reject (latitude out of range).
        let (result, collector) = try Self.runWithVoltage400(rows: 2_500) { $0 % 2 == 0 ? "52.5" : "152.5" }
        #expect(result.report.warningsByRule["voltage.line-to-neutral"] == 2_500)
        #expect(result.report.reasonsByRule["coordinates.range"] == 1_250)
        #expect(collector.countsByRule["voltage.line-to-neutral"] == 2_500)
        #expect(collector.countsByRule["coordinates.range"] == 1_250)
        #expect(collector.count(.error) == 1_250)
        #expect(collector.count(.warning) == 2_500)
        // Details for the first 1,000 of each rule only.
        #expect(collector.diagnostics.filter { $0.rule == "coordinates.range" }.count == 1_000)
        #expect(collector.diagnostics.filter { $0.rule == "voltage.line-to-neutral" }.count == 1_000)
    }

    @Test("warnings of two rules in turn are each counted in full, and detailed up to the first 1,000")
    func warningsOfTwoRulesInTurn() throws {
        // Every row: 400 V on AC (line to line); every third row also latitude equal to longitude.
        let (result, collector) = try Self.runWithVoltage400(rows: 3_300) { $0 % 3 == 0 ? "13.4" : "52.5" }
        #expect(result.report.warningsByRule["voltage.line-to-neutral"] == 3_300)
        #expect(result.report.warningsByRule["coordinates.equal"] == 1_100)
        #expect(collector.countsByRule["voltage.line-to-neutral"] == 3_300)
        #expect(collector.countsByRule["coordinates.equal"] == 1_100)
        #expect(collector.diagnostics.filter { $0.rule == "voltage.line-to-neutral" }.count == 1_000)
        #expect(collector.diagnostics.filter { $0.rule == "coordinates.equal" }.count == 1_000)
    }

    @Test("two brief rules on every record: each counted in full, detailed up to the first 1,000", arguments: [1, 2])
    func twoBriefRulesOnEveryRecord(jobs: Int) throws {
        // Every EVSE both warnings, the voltage twice (two rows, two facilities): past the first
        // 1,000 of a thread, one rule is carried as a count and the other as issues.
        let (result, collector) = try Self.runWithVoltage400(rows: 5_200, rowsPerEVSE: 2, jobs: jobs) { _ in "13.4" }
        #expect(result.report.written == 2_600)
        for (rule, n) in [("voltage.line-to-neutral", 5_200), ("coordinates.equal", 2_600)] {
            #expect(result.report.warningsByRule[rule] == n)
            #expect(collector.countsByRule[rule] == n)
            #expect(collector.diagnostics.filter { $0.rule == rule }.count == 1_000)
        }
        #expect(collector.count(.warning) == 7_800)
    }

    @Test func countsBalanceAndBadRecordsAreRejected() throws {
        let ws = Workspace()
        let result = try ws.run()
        let r = result.report
        #expect(r.read == 6 && r.merged == 1 && r.written == 2 && r.rejected == 3)
        #expect(r.isBalanced)
        #expect(r.read + r.expanded == r.written + r.rejected + r.merged + r.excluded)
        #expect(r.rejectedByRule == ["mapping.table": 1, "evse-id.operator": 1, "coordinates.range": 1])
        #expect(result.exitCode == 1)
        #expect(r.operators.map(\.operatorID) == ["DE*AAA", "DE*BBB"])
        #expect(r.operators.map(\.written) == [1, 1])
        #expect(r.operators.map(\.rejected) == [1, 2])
        #expect(r.rounded["ChargingFacilities.Power"] == 1)
        let report = try JSONParser().parse(Array(try #require(ws.data("out/report.json"))))
        #expect(report["records"]?["balanced"] == .bool(true))
    }

    @Test func bundlesAreValidOICP() throws {
        let ws = Workspace()
        _ = try ws.run()
        for op in ["DE_AAA", "DE_BBB"] {
            let json = try JSONParser().parse(Array(try #require(ws.data("out/bundles/\(op).json"))))
            let (push, problems) = OICPDecoder(version: .v2_3).decodePush(json)
            #expect(problems.isEmpty)
            #expect(OICPValidator(version: .v2_3).validate(push).filter { $0.severity == .error }.isEmpty)
        }
        let a = try JSONParser().parse(Array(try #require(ws.data("out/bundles/DE_AAA.json"))))
        guard case .array(let records)? = a["OperatorEvseData"]?["EvseDataRecord"] else {
            Issue.record("no records")
            return
        }
        #expect(records.count == 1)
        #expect(records[0]["EvseID"] == .string("DE*AAA*E1"))
        #expect(records[0]["Plugs"] == .array([.string("Type 2 Outlet"), .string("Type 2 Connector (Cable Attached)")]))
    }

    @Test func rejectsFileNamesLineRuleAndValue() throws {
        let ws = Workspace()
        _ = try ws.run()
        let text = String(decoding: try #require(ws.data("out/rejects.csv")), as: UTF8.self)
        let lines = text.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[1].hasSuffix(",4,DE*AAA*E2,DE*AAA,mapping.table,Plugs,'XX' is not in table 'plugs',XX"))
        #expect(lines[2].contains(",6,DE*AAA*E9,DE*BBB,evse-id.operator,EvseID,"))
        #expect(lines[3].contains(",7,DE*BBB*E2,DE*BBB,coordinates.range,GeoCoordinates,"))
    }

    @Test func outputIsDeterministic() throws {
        let ws = Workspace()
        _ = try ws.run()
        let first = try #require(ws.data("out/bundles/DE_AAA.json"))
        let rejects = try #require(ws.data("out/rejects.csv"))
        _ = try ws.run()
        #expect(ws.data("out/bundles/DE_AAA.json") == first)
        #expect(ws.data("out/rejects.csv") == rejects)
    }

    @Test func oicp22Output() throws {
        let ws = Workspace()
        _ = try ws.run(version: .v2_2)
        let json = try JSONParser().parse(Array(try #require(ws.data("out/bundles/DE_BBB.json"))))
        guard case .array(let records)? = json["OperatorEvseData"]?["EvseDataRecord"] else {
            Issue.record("no records")
            return
        }
        #expect(records[0]["ChargingStationName"] == .string("Three"))
        #expect(records[0]["RenewableEnergy"] == nil)
        #expect(records[0]["ChargingFacilities"] == .array([.object([JSONMember(key: "PowerType", value: .string("AC_3_PHASE")),
            JSONMember(key: "Power", value: .number("7.4"))])]))
    }

    @Test func aBadMappingStopsBeforeAnythingIsWritten() throws {
        let ws = Workspace(mapping: ConverterTests.mapping.replacingOccurrences(of: "{ column: city }", with: "{ column: town }"))
        #expect {
            _ = try ws.run()
        } throws: { error in
            let d = error as? Diagnostic
            return d?.rule == "mapping.unknown-column" && d?.line == 7 && d?.message.contains("the file's columns are: op, op_name") == true
        }
        #expect(ws.data("out/report.json") == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: ws.root.path).sorted() == ["in.csv", "m.yaml"])
    }

    @Test func anOperatorWithOnlyBadRecordsGetsNoBundle() throws {
        let ws = Workspace(csv: """
            op,op_name,evse,name,city,street,lat,lon,plug,kw
            DE*AAA,Alpha,DE*AAA*E1,One,Berlin,Unter den Linden,52.517,13.388,T2,22
            DE*CCC,Gamma,DE*CCC*E1,Two,Berlin,Unter den Linden,52.517,13.388,??,22
            """)
        let result = try ws.run()
        #expect(result.bundles.map(\.operatorID) == ["DE*AAA"])
        #expect(result.report.operators.map(\.operatorID) == ["DE*AAA", "DE*CCC"])
        #expect(ws.data("out/bundles/DE_CCC.json") == nil)
    }
}
