import Foundation
import Testing

/// The command-line tool, run as a user runs it.
@Suite(.serialized) final class CLITests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("oicp-etl-cli-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    func out(_ name: String = "out") -> String { scratch.appendingPathComponent(name).path }

    @Test func convertsTheSampleAndReportsItsBadRows() throws {
        let r = try BinaryRunner.run(["convert", "-m", "samples/legacy-export.yaml", "-i", "samples/legacy-export.csv", "-o", out()])
        #expect(r.status == 1, "some sample rows are bad on purpose: \(r.stderr)")
        #expect(r.stderr.contains("samples/legacy-export.csv:9: error: [evse-id.pattern] DE*ABC*E-1004: EvseID:"))
        #expect(r.stderr.contains("samples/legacy-export.csv:10: error: [mapping.table]"))
        #expect(r.stderr.contains("14 records read, 7 written into 2 bundles"))
        #expect(r.stdout.isEmpty)
        let report = try String(contentsOfFile: out() + "/report.json", encoding: .utf8)
        #expect(report.contains("\"balanced\": true"))
        let bundles = try FileManager.default.contentsOfDirectory(atPath: out() + "/bundles").sorted()
        #expect(bundles == ["DE_ABC.json", "DE_MUS.json"])
        // The produced bundles pass the tool's own validation.
        let v = try BinaryRunner.run(["validate", out() + "/bundles/DE_ABC.json", out() + "/bundles/DE_MUS.json"])
        #expect(v.status == 0, "\(v.stdout)")
        #expect(v.stdout.contains("7 records checked, 0 errors, 0 warnings"))
    }

    @Test func quietPrintsOnlyTheSummary() throws {
        let r = try BinaryRunner.run(["convert", "-q", "-m", "samples/legacy-export.yaml", "-i", "samples/legacy-export.csv", "-o", out("q")])
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").count == 1)  // the summary alone
        #expect(r.stderr.contains("6 rejected"))
    }

    @Test func badUsageExits64() throws {
        let missing = try BinaryRunner.run(["convert", "-m", "m.yaml", "-o", out()])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("--input"))
        let version = try BinaryRunner.run(["convert", "-m", "m.yaml", "-i", "x.csv", "-o", out(), "--oicp", "2.1"])
        #expect(version.status == 64)
        #expect(version.stderr.contains("--oicp must be 2.3 or 2.2"))
        let set = try BinaryRunner.run(["convert", "-m", "m.yaml", "-i", "x.csv", "-o", out(), "--set", "novalue"])
        #expect(set.status == 64)
        let jobs = try BinaryRunner.run(["convert", "-m", "m.yaml", "-i", "x.csv", "-o", out(), "--jobs", "0"])
        #expect(jobs.status == 64)
        #expect(jobs.stderr.contains("--jobs must be between 1 and 64"))
    }

    @Test func theSamplesConvertTheSameOnOneThreadAndOnFour() throws {
        let one = out()
        let four = out()
        let a = try BinaryRunner.run(["convert", "-q", "-j", "1", "-m", "samples/legacy-export.yaml", "-i", "samples/legacy-export.csv", "-o", one])
        let b = try BinaryRunner.run(["convert", "-q", "-j", "4", "-m", "samples/legacy-export.yaml", "-i", "samples/legacy-export.csv", "-o", four])
        #expect(a.status == b.status)
        #expect(a.stderr == b.stderr.replacingOccurrences(of: four, with: one))
        for file in ["rejects.csv", "bundles/DE_ABC.json", "bundles/DE_MUS.json"] {
            let x = FileManager.default.contents(atPath: one + "/" + file)
            #expect(x != nil && x == FileManager.default.contents(atPath: four + "/" + file), "\(file)")
        }
    }

    @Test func runFailuresExit2WithFileAndLine() throws {
        let missing = try BinaryRunner.run(["convert", "-m", "samples/legacy-export.yaml", "-i", "nope.csv", "-o", out()])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("nope.csv: error: [input.unreadable]"))
        let mapping = scratch.appendingPathComponent("bad.yaml")
        try "version: 1\noperator: { id: x }\nevse:\n  EvseID: { colum: a }\n".write(to: mapping, atomically: true, encoding: .utf8)
        let bad = try BinaryRunner.run(["convert", "-m", mapping.path, "-i", "samples/legacy-export.csv", "-o", out()])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.yaml:4: error: [mapping.unknown-key] unknown key 'colum'; did you mean 'column'?"))
        #expect(!FileManager.default.fileExists(atPath: out()))
    }

    @Test func noColourWhenNotATerminal() throws {
        let r = try BinaryRunner.run(["convert", "-m", "samples/legacy-export.yaml", "-i", "samples/legacy-export.csv", "-o", out("c")])
        #expect(!r.stderr.contains("\u{1B}["))
    }

    @Test func validateNamesEachFinding() throws {
        let file = scratch.appendingPathComponent("push.json")
        try #"{"ActionType":"fullLoad","OperatorEvseData":{"OperatorID":"DE*ABC","OperatorName":"A","EvseDataRecord":[{"EvseID":"DE*ABC*E1","plugs":["Type 2 Outlet"]}]}}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["validate", file.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("error: [json.unknown-key] OperatorEvseData.EvseDataRecord[0].plugs: unknown key 'plugs'; OICP spells it 'Plugs'"))
        #expect(r.stdout.contains("[field.required] OperatorEvseData.EvseDataRecord[0].Address"))
        let broken = scratch.appendingPathComponent("broken.json")
        try "{\n\"a\": \n}".write(to: broken, atomically: true, encoding: .utf8)
        let b = try BinaryRunner.run(["validate", broken.path])
        #expect(b.status == 2)
        #expect(b.stderr.contains("broken.json:3: error: [json.syntax]"))
    }

    @Test func validateKnowsSubOperatorsAndStrictness() throws {
        // A hub's push whose record belongs to a sub-operator and carries Hubject's own fields.
        let file = scratch.appendingPathComponent("hub.json")
        let golden = try String(contentsOfFile: "Tests/OICPTests/Golden/push-2.3.json", encoding: .utf8)
        #expect(golden.contains("\"EvseID\":\"DE*ABC*E1234*2\""))
        let hub = golden.replacingOccurrences(of: "\"EvseID\":\"DE*ABC*E1234*2\"", with: "\"SubOperatorName\":\"XYZ Technologies\",\"EvseID\":\"DE*XYZ*E1234*2\"")
        try hub.write(to: file, atomically: true, encoding: .utf8)
        let plain = try BinaryRunner.run(["validate", file.path])
        #expect(plain.status == 1)
        #expect(plain.stdout.contains("belongs to operator DE*XYZ, not to DE*ABC (the record names the sub-operator 'XYZ Technologies'"))
        let sub = try BinaryRunner.run(["validate", "--sub-operator", "DE*XYZ", file.path])
        #expect(sub.status == 0, "\(sub.stdout)")
        #expect(sub.stdout.contains("[push.hubject-field]"))
        let strict = try BinaryRunner.run(["validate", "--strict", "--sub-operator", "DE*XYZ", file.path])
        #expect(strict.status == 1)
    }

    @Test func rulesAreListed() throws {
        let r = try BinaryRunner.run(["rules"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("evse-id.pattern\t"))
        #expect(r.stdout.contains("payment.no-payment-alone\t"))
    }

    @Test func mappingCheckShowsSourcesAndTriesTheInput() throws {
        let r = try BinaryRunner.run(["mapping", "check", "samples/legacy-export.yaml", "--input", "samples/legacy-export.csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("samples/legacy-export.yaml: ok (Musterstadt CMS export)"))
        #expect(r.stdout.contains("Plugs"))
        #expect(r.stdout.contains("← column 'Stecker' → table plugs"))
        #expect(r.stdout.contains("not read: Standort-ID") == false)
        #expect(r.stdout.contains("trial on the first 14 records: 7 EVSE records would be written, 6 rejected"))
        #expect(r.stdout.contains("table plugs does not know: 'Tesla Supercharger' (1)"))
        let bad = try BinaryRunner.run(["mapping", "check", "mappings/bnetza-ladesaeulenregister.yaml"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("[mapping.parameter]"))
    }

    @Test func mappingInitWritesADraftThatRuns() throws {
        let draft = scratch.appendingPathComponent("draft.yaml").path
        let r = try BinaryRunner.run(["mapping", "init", "--input", "samples/legacy-export.csv", "--output", draft])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: draft, encoding: .utf8)
        #expect(text.contains("skip_lines: 1"))
        #expect(text.contains("group: { by: \"{EVSE-ID}\" }"))
        #expect(text.contains("HotlinePhoneNumber: { column: Hotline, phone: { country: DEU } }"))
        let convert = try BinaryRunner.run(["convert", "-m", draft, "-i", "samples/legacy-export.csv", "-o", out("draft")])
        #expect(convert.status == 1)
        #expect(convert.stderr.contains("14 records read, 8 written"))
        let again = try BinaryRunner.run(["mapping", "init", "--input", "samples/legacy-export.csv", "--output", draft])
        #expect(again.status == 2)
    }

    @Test func mappingInitReadsXMLToo() throws {
        let draft = scratch.appendingPathComponent("xml-draft.yaml").path
        let r = try BinaryRunner.run(["mapping", "init", "--input", "samples/vendor-chargepoints.xml", "--output", draft])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: draft, encoding: .utf8)
        #expect(text.contains("  path: chargePoint"))
        #expect(text.contains("operator: { element: operator, partial: true }"))
        let convert = try BinaryRunner.run(["convert", "-m", draft, "-i", "samples/vendor-chargepoints.xml", "-o", out("xml-draft")])
        #expect(convert.status == 1)
        #expect(convert.stderr.contains("6 records read, 4 written"))
    }

    @Test func convertWithoutAMappingRecognisesDATEX() throws {
        let file = scratch.appendingPathComponent("publication.xml")
        try "<payload xmlns=\"http://datex2.eu/schema/3/d2Payload\" xmlns:e=\"http://datex2.eu/schema/3/energyInfrastructure\"><e:energyInfrastructureTable/></payload>"
            .write(to: file, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["convert", "-i", file.path, "-o", out("datex")])
        #expect(r.stderr.contains("recognised DATEX II v3 Energy Infrastructure; using the built-in mapping datex2-v3-energy-infrastructure.yaml"))
        #expect(r.stderr.contains("0 records read"))
    }

    @Test func convertWithoutAMappingRecognisesOCPI() throws {
        let feed = scratch.appendingPathComponent("locations.json")
        try """
            {"data": [{"country_code": "DE", "party_id": "ABC", "id": "L1", "publish": true, "name": "Hof", "address": "Hofweg 1",
              "city": "Köln", "postal_code": "50667", "country": "DEU", "coordinates": {"latitude": "50.9", "longitude": "6.9"},
              "operator": {"name": "ABC"}, "evses": [{"uid": "1", "evse_id": "DE*ABC*E1", "status": "AVAILABLE",
              "connectors": [{"id": "1", "standard": "IEC_62196_T2", "format": "SOCKET", "power_type": "AC_3_PHASE", "max_voltage": 230,
              "max_amperage": 16, "max_electric_power": 11000}]}]}], "status_code": 1000}
            """.write(to: feed, atomically: true, encoding: .utf8)
        let missing = try BinaryRunner.run(["convert", "-i", feed.path, "-o", out("ocpi")])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("recognised OCPI 2.2 / 2.2.1 / 2.3.0 Locations; using the built-in mapping ocpi-2.2.1.yaml"))
        #expect(missing.stderr.contains("--set hotline=VALUE"))
        let r = try BinaryRunner.run(["convert", "-i", feed.path, "-o", out("ocpi"), "--set", "hotline=+4922112345"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("1 record read, 1 written into 1 bundle"))
        let unknown = try BinaryRunner.run(["convert", "-i", "samples/legacy-export.csv", "-o", out("x")])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("[input.unrecognised]"))
    }
}
