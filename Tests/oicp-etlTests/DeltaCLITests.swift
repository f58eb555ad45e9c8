import Foundation
import Testing

/// Delta bundles, split bundles, GeoJSON and the report modes, run as a nightly pipeline runs them.
@Suite(.serialized) final class DeltaCLITests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("oicp-etl-delta-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try Self.mapping.write(to: scratch.appendingPathComponent("m.yaml"), atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    static let mapping = """
        version: 1
        input: { format: csv, delimiter: "," }
        operator: { id: { column: op }, name: { column: opname } }
        evse:
          EvseID: { column: evse, evse_id: true }
          ChargingStationNames: [{ lang: de, value: { column: name } }]
          Address: { Country: DEU, City: Köln, Street: { column: street }, HouseNum: "1", PostalCode: "50667" }
          GeoCoordinates: { latitude: { column: lat, number: true }, longitude: { column: lon, number: true } }
          Plugs: [Type 2 Outlet]
          ChargingFacilities: [{ PowerType: AC_3_PHASE, Power: { column: kw, number: true } }]
          AuthenticationModes: [NFC RFID Classic]
          PaymentOptions: [Contract]
          ValueAddedServices: [None]
          Accessibility: Free publicly accessible
          HotlinePhoneNumber: "+492211234567"
          IsOpen24Hours: true
          RenewableEnergy: false
          CalibrationLawDataAvailability: Not Available
          IsHubjectCompatible: true
          DynamicInfoAvailable: auto
        """

    static let header = "op,opname,evse,name,street,lat,lon,kw\n"

    static func row(_ op: String, _ n: Int, kw: String = "22", name: String? = nil) -> String {
        "\(op),Betreiber \(op),\(op)*E\(n),\(name ?? "Station \(n)"),Hauptstraße \(n),50.9\(n),6.9\(n),\(kw)\n"
    }

    func path(_ name: String) -> String { scratch.appendingPathComponent(name).path }

    func write(_ name: String, _ text: String) throws -> String {
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    func convert(_ input: String, _ out: String, _ extra: [String] = []) throws -> BinaryRunner.Result {
        try BinaryRunner.run(["convert", "-m", path("m.yaml"), "-i", input, "-o", path(out)] + extra)
    }

    func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []).sorted()
    }

    func evseIDs(_ file: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path(file)))) as! [String: Any]
        let data = object["OperatorEvseData"] as! [String: Any]
        return (data["EvseDataRecord"] as! [[String: Any]]).map { $0["EvseID"] as! String }
    }

    func actionType(_ file: String) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path(file)))) as! [String: Any]
        return object["ActionType"] as! String
    }

    @Test func knownChangesGiveExactlyThreeBundles() throws {
        // Night 1: E1 … E4 of DE*ABC. Night 2: E1 unchanged, E2 with more power, E3 gone, E5 new,
        // E4 with its rows in another order of keys (same meaning).
        let night1 = try write("n1.csv", Self.header + (1...4).map { Self.row("DE*ABC", $0) }.joined())
        let night2 = try write("n2.csv", Self.header + Self.row("DE*ABC", 1) + Self.row("DE*ABC", 2, kw: "50") + Self.row("DE*ABC", 4)
            + Self.row("DE*ABC", 5))
        #expect(try convert(night1, "o1").status == 0)
        let r = try convert(night2, "o2", ["--previous", path("o1")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(files("o2/delta") == ["DE_ABC.1-insert.json", "DE_ABC.2-update.json", "DE_ABC.3-delete.json"])
        #expect(try evseIDs("o2/delta/DE_ABC.1-insert.json") == ["DE*ABC*E5"])
        #expect(try evseIDs("o2/delta/DE_ABC.2-update.json") == ["DE*ABC*E2"])
        #expect(try evseIDs("o2/delta/DE_ABC.3-delete.json") == ["DE*ABC*E3"])
        #expect(try actionType("o2/delta/DE_ABC.1-insert.json") == "insert")
        #expect(try actionType("o2/delta/DE_ABC.2-update.json") == "update")
        #expect(try actionType("o2/delta/DE_ABC.3-delete.json") == "delete")
        #expect(r.stderr.contains("DE*ABC         1       1       1     0  2"), "\(r.stderr)")
        // The delta bundles pass validation.
        let v = try BinaryRunner.run(["validate"] + files("o2/delta").map { path("o2/delta/" + $0) })
        #expect(v.status == 0, "\(v.stdout)")

        // The same data again: nothing to push, and no file.
        let again = try convert(night2, "o3", ["--previous", path("o2")])
        #expect(again.status == 0)
        #expect(files("o3/delta").isEmpty)
        #expect(again.stderr.contains("nothing changed"))

        // diff between the two output folders gives the same bundles.
        let diff = try BinaryRunner.run(["diff", path("o1"), path("o2"), "-o", path("d")])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(files("d/delta") == files("o2/delta"))
        for f in files("d/delta") {
            #expect(try evseIDs("d/delta/" + f) == evseIDs("o2/delta/" + f))
        }

        // A baseline written by another tool (pretty-printed, keys reordered) gives the same delta.
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("o1/bundles/DE_ABC.json"))))
        try FileManager.default.createDirectory(atPath: path("foreign"), withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: path("foreign/abc.json")))
        let foreign = try BinaryRunner.run(["diff", path("foreign"), path("o2"), "-o", path("f")])
        #expect(foreign.status == 0, "\(foreign.stderr)")
        #expect(files("f/delta") == files("o2/delta"))
        #expect(try evseIDs("f/delta/DE_ABC.2-update.json") == ["DE*ABC*E2"])
    }

    @Test func aMissingOrCorruptBaselineStopsTheRun() throws {
        let input = try write("in.csv", Self.header + Self.row("DE*ABC", 1))
        let missing = try convert(input, "o", ["--previous", path("nowhere")])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("[baseline.missing]"))
        #expect(!FileManager.default.fileExists(atPath: path("o")))

        try FileManager.default.createDirectory(atPath: path("corrupt/bundles"), withIntermediateDirectories: true)
        _ = try write("corrupt/bundles/DE_ABC.json", "{\"ActionType\": \"fullLoad\", \"OperatorEvseData\": {")
        let corrupt = try convert(input, "o", ["--previous", path("corrupt")])
        #expect(corrupt.status == 2)
        #expect(corrupt.stderr.contains("[baseline.corrupt]"))
        #expect(corrupt.stderr.contains("DE_ABC.json"))
        #expect(!FileManager.default.fileExists(atPath: path("o")))
    }

    @Test func anOperatorThatVanishesIsNotDeletedWithoutConsent() throws {
        let both = try write("both.csv", Self.header + Self.row("DE*ABC", 1) + Self.row("DE*XYZ", 1) + Self.row("DE*XYZ", 2))
        let one = try write("one.csv", Self.header + Self.row("DE*ABC", 1))
        #expect(try convert(both, "b").status == 0)
        let held = try convert(one, "h", ["--previous", path("b")])
        #expect(held.status == 0)
        #expect(held.stderr.contains("[delta.full-delete-held]"))
        #expect(held.stderr.contains("DE*XYZ"))
        #expect(files("h/delta").isEmpty)
        // The held-back EVSEs stay in the full bundles: they are what Hubject still holds.
        #expect(try evseIDs("h/bundles/DE_XYZ.json") == ["DE*XYZ*E1", "DE*XYZ*E2"])
        let allowed = try convert(one, "a", ["--previous", path("b"), "--allow-full-delete"])
        #expect(files("a/delta") == ["DE_XYZ.3-delete.json"])
        #expect(try evseIDs("a/delta/DE_XYZ.3-delete.json") == ["DE*XYZ*E1", "DE*XYZ*E2"])
        #expect(allowed.status == 0)
    }

    @Test func aRejectedEVSEKeepsItsLastGoodVersion() throws {
        let night1 = try write("k1.csv", Self.header + Self.row("DE*ABC", 1) + Self.row("DE*ABC", 2))
        let night2 = try write("k2.csv", Self.header + Self.row("DE*ABC", 1) + Self.row("DE*ABC", 2, kw: "viel"))
        let night3 = try write("k3.csv", Self.header + Self.row("DE*ABC", 1) + Self.row("DE*ABC", 2, kw: "50"))
        #expect(try convert(night1, "k1").status == 0)
        let bad = try convert(night2, "k2", ["--previous", path("k1")])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("[delta.rejected-kept] operator DE*ABC: 1 EVSE rejected in this run keep"))
        #expect(files("k2/delta").isEmpty, "E2 is neither deleted nor updated")
        #expect(try evseIDs("k2/bundles/DE_ABC.json") == ["DE*ABC*E1", "DE*ABC*E2"])
        let before = try Data(contentsOf: URL(fileURLWithPath: path("k1/bundles/DE_ABC.json")))
        let after = try Data(contentsOf: URL(fileURLWithPath: path("k2/bundles/DE_ABC.json")))
        #expect(before == after, "the kept record is the baseline's, byte for byte")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("k2/report.json")))) as! [String: Any]
        let op = (report["operators"] as! [[String: Any]])[0]
        #expect(op["written"] as? Int == 1)
        #expect(op["kept_from_baseline"] as? Int == 1)
        // Fixed the night after: an update against the kept version.
        let fixed = try convert(night3, "k3", ["--previous", path("k2")])
        #expect(fixed.status == 0)
        #expect(files("k3/delta") == ["DE_ABC.2-update.json"])
        #expect(try evseIDs("k3/delta/DE_ABC.2-update.json") == ["DE*ABC*E2"])
    }

    @Test func maxRecordsSplitsIntoAFullLoadAndInserts() throws {
        let input = try write("big.csv", Self.header + (1...7).map { Self.row("DE*ABC", $0) }.joined())
        let r = try convert(input, "s", ["--max-records", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(files("s/bundles") == ["DE_ABC.part001-fullLoad.json", "DE_ABC.part002-insert.json", "DE_ABC.part003-insert.json"])
        #expect(try actionType("s/bundles/DE_ABC.part001-fullLoad.json") == "fullLoad")
        #expect(try actionType("s/bundles/DE_ABC.part003-insert.json") == "insert")
        let parts = try files("s/bundles").map { try evseIDs("s/bundles/" + $0) }
        #expect(parts.map(\.count) == [3, 3, 1])
        #expect(Set(parts.joined()).count == 7)
        let report = try String(contentsOfFile: path("s/report.json"), encoding: .utf8)
        #expect(report.contains("DE_ABC.part002-insert.json"))
        // Delta bundles are split too, numbered after their action.
        let more = try write("more.csv", Self.header + (1...12).map { Self.row("DE*ABC", $0) }.joined())
        let d = try convert(more, "s2", ["--max-records", "3", "--previous", path("s")])
        #expect(d.status == 0)
        #expect(files("s2/delta") == ["DE_ABC.1-insert.part001.json", "DE_ABC.1-insert.part002.json"])
        #expect(try actionType("s2/delta/DE_ABC.1-insert.part002.json") == "insert")
        #expect(try evseIDs("s2/delta/DE_ABC.1-insert.part002.json") == ["DE*ABC*E11", "DE*ABC*E12"])
    }

    @Test func geoJSONParsesBackWithEveryPoint() throws {
        // E3 is rejected (no power) but has a position: it is in the second layer.
        let input = try write("g.csv", Self.header + Self.row("DE*ABC", 1) + Self.row("DE*ABC", 2) + Self.row("DE*ABC", 3, kw: "viel"))
        let r = try convert(input, "g", ["--geojson", path("map.geojson")])
        #expect(r.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("map.geojson")))) as! [String: Any]
        #expect(object["type"] as? String == "FeatureCollection")
        let features = object["features"] as! [[String: Any]]
        #expect(features.count == 3)
        for feature in features {
            #expect(feature["type"] as? String == "Feature")
            let geometry = feature["geometry"] as! [String: Any]
            #expect(geometry["type"] as? String == "Point")
            let position = geometry["coordinates"] as! [Double]
            #expect(position.count == 2)
            #expect((6...7).contains(position[0]), "longitude first")
            #expect((50...51).contains(position[1]))
        }
        let properties = features.map { $0["properties"] as! [String: Any] }
        let written = properties.filter { ($0["status"] as? String) == "written" }
        let rejected = properties.filter { ($0["status"] as? String) == "rejected" }
        #expect(written.compactMap { $0["EvseID"] as? String }.sorted() == ["DE*ABC*E1", "DE*ABC*E2"])
        #expect(written.first?["operator"] as? String == "DE*ABC")
        #expect(written.first?["name"] as? String == "Station 1")
        #expect(written.first?["plugs"] as? String == "Type 2 Outlet")
        #expect(written.first?["max_power_kw"] as? Double == 22)
        #expect(rejected.count == 1)
        #expect(rejected.first?["rules"] as? String == "mapping.number")
        #expect(rejected.first?["line"] as? Int == 4)
    }

    @Test func jsonModePrintsTheReport() throws {
        let input = try write("j.csv", Self.header + Self.row("DE*ABC", 1) + Self.row("DE*ABC", 2))
        let r = try convert(input, "j", ["--json", "--quiet"])
        #expect(r.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let counts = report["records"] as? [String: Any]
        #expect(counts?["written"] as? Int == 2)
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func theSummaryTableNamesTopReasons() throws {
        let input = try write("t.csv", Self.header + Self.row("DE*ABC", 1) + Self.row("DE*ABC", 2, kw: "x") + Self.row("DE*ABC", 3, kw: "y"))
        let r = try convert(input, "t")
        #expect(r.status == 1)
        #expect(r.stderr.contains("operator  written  rejected  top reasons"))
        #expect(r.stderr.contains("DE*ABC          1         2  mapping.number 2"))
    }
}
