import ETLCore
import Foundation
import OICP
import Testing

@testable import Conversion

/// The output does not depend on how many threads map the records nor on where the input is
/// cut into batches: groups of rows, defects, `select` and `explode` across the cuts.
@Suite struct ParallelConversionTests {
    /// Everything a run leaves: the files of the output folder (report.json without timings)
    /// and the diagnostics in the order they came.
    struct Outcome: Equatable {
        var files: [String: Data]
        var diagnostics: [String]

        /// The first difference, in words; nil when the two are the same.
        func difference(from other: Outcome) -> String? {
            if files.keys.sorted() != other.files.keys.sorted() { return "files \(files.keys.sorted()) vs \(other.files.keys.sorted())" }
            for name in files.keys.sorted() where files[name] != other.files[name] {
                let a = String(decoding: files[name]!, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let b = String(decoding: other.files[name]!, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let i = Self.firstDifference(a, b) ?? min(a.count, b.count)
                return "\(name) line \(i + 1): \(i < a.count ? String(a[i]) : "(end)") vs \(i < b.count ? String(b[i]) : "(end)")"
            }
            if let i = Self.firstDifference(diagnostics, other.diagnostics) ?? (diagnostics.count == other.diagnostics.count ? nil : min(diagnostics.count, other.diagnostics.count)) {
                return "diagnostic \(i): \(i < diagnostics.count ? diagnostics[i] : "(none)") vs \(i < other.diagnostics.count ? other.diagnostics[i] : "(none)")"
            }
            return nil
        }

        static func firstDifference<T: Equatable>(_ a: [T], _ b: [T]) -> Int? {
            (0..<min(a.count, b.count)).first { a[$0] != b[$0] }
        }
    }

    final class Messages: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ d: Diagnostic) { lock.withLock { items.append("\(d.severity) \(d.rule ?? "") \(d.line ?? 0) \(d.message)") } }
        var all: [String] { lock.withLock { items } }
    }

    static func run(mapping: String, csv: String, jobs: Int, batchSize: Int) throws -> Outcome {
        let ws = ConverterTests.Workspace(mapping: mapping, csv: csv)
        var options = ConversionOptions(mappingPath: ws.path("m.yaml"), inputPath: ws.path("in.csv"), outputPath: ws.path("out"))
        options.jobs = jobs
        options.batchSize = batchSize
        let messages = Messages()
        let result = try Converter(options: options, diagnostics: DiagnosticCollector(limit: 100_000) { messages.add($0) }).run()
        var files: [String: Data] = [:]
        let out = ws.path("out")
        for name in FileManager.default.subpaths(atPath: out) ?? [] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: out + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            // Files name the input, which is in a folder of its own for each run.
            let text = String(decoding: try #require(FileManager.default.contents(atPath: out + "/" + name)), as: UTF8.self)
                .replacingOccurrences(of: ws.root.path, with: "WS")
            var data = Data(text.utf8)
            if name == "report.json" {
                // Timings differ from run to run; everything else must not.
                data = Data(text.split(separator: "\n").filter { !$0.contains("\"prepare\"") && !$0.contains("\"convert\"") && !$0.contains("\"finish\"") && !$0.contains("\"total\"") }
                    .joined(separator: "\n").utf8)
            }
            files[name] = data
        }
        #expect(result.report.isBalanced)
        return Outcome(files: files, diagnostics: messages.all.map { $0.replacingOccurrences(of: ws.root.path, with: "WS") })
    }

    static let exploding = """
        version: 1
        input: { format: csv }
        records:
          select: "{op} != 'DEABC'"
          explode: { var: i, from: 1, to: 2, when: "{plug{$i}}" }
          group: { by: "{evse}*{$i}" }
        operator: { id: { column: op }, name: Betreiber }
        evse:
          EvseID: { template: "{evse}{$i}", evse_id: true }
          ChargingStationNames: [{ lang: de, value: Ladepunkt }]
          PaymentOptions: [Contract]
          Address: { Country: DEU, City: Köln, Street: Ring, HouseNum: "1", PostalCode: "50667" }
          GeoCoordinates: { latitude: "50.9", longitude: "6.9" }
          Plugs: { column: "plug{$i}", table: plugs }
          ChargingFacilities: [{ PowerType: AC_3_PHASE, Power: { column: kw, number: true } }]
          AuthenticationModes: [NFC RFID Classic]
          ValueAddedServices: [None]
          Accessibility: Free publicly accessible
          HotlinePhoneNumber: "+492211234567"
          IsOpen24Hours: true
          RenewableEnergy: false
          CalibrationLawDataAvailability: Not Available
          IsHubjectCompatible: true
          DynamicInfoAvailable: auto
        tables:
          plugs: { values: { T2: Type 2 Outlet, CCS: CCS Combo 2 Plug (Cable Attached) } }
        """

    /// Rows for `exploding`: two plug columns, some empty, rows of one EVSE next to each other.
    static func explodingExport(seed: UInt64, rows: Int) -> String {
        var g = AccountingPropertyTests.Generator(state: seed)
        var out = "op,evse,plug1,plug2,kw\n"
        var n = 0
        for _ in 0..<rows {
            if !(g.chance(30) && n > 0) { n += 1 }
            let fields = [g.pick(["DE*ABC", "DE*ABC", "DEABC"]), "DE*ABC*E\(n)", g.pick(["T2", "CCS", "", "X"]), g.pick(["T2", "", ""]), g.pick(["22", "x", "11"])]
            out += (g.chance(5) ? fields.dropLast() : fields).joined(separator: ",") + "\n"
        }
        return out
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func adjacentGroupsWithDefects(seed: UInt64) throws {
        let csv = AccountingPropertyTests.export(seed: seed, rows: 300)
        let reference = try Self.run(mapping: AccountingPropertyTests.mapping, csv: csv, jobs: 1, batchSize: 100_000)
        #expect(reference.files.keys.contains("bundles/DE_ABC.json"))
        #expect(!reference.diagnostics.isEmpty)
        for (jobs, size) in [(2, 1), (3, 7), (4, 64)] {
            let other = try Self.run(mapping: AccountingPropertyTests.mapping, csv: csv, jobs: jobs, batchSize: size)
            #expect(other.difference(from: reference) == nil, "seed \(seed), \(jobs) jobs, batches of \(size)")
        }
    }

    @Test(arguments: [4, 5] as [UInt64])
    func selectAndExplodeAcrossCuts(seed: UInt64) throws {
        let csv = Self.explodingExport(seed: seed, rows: 200)
        let reference = try Self.run(mapping: Self.exploding, csv: csv, jobs: 1, batchSize: 100_000)
        #expect(reference.files["bundles/DE_ABC.json"] != nil)
        for (jobs, size) in [(2, 1), (3, 5)] {
            let other = try Self.run(mapping: Self.exploding, csv: csv, jobs: jobs, batchSize: size)
            #expect(other.difference(from: reference) == nil, "seed \(seed), \(jobs) jobs, batches of \(size)")
        }
    }

    @Test func groupsLargerThanABatchMayHoldStayWhole() throws {
        // Batches of 1 may hold 64 rows: groups of 150 and 70 rows are handed on in parts.
        var csv = "op,opname,evse,name,country,city,zip,lat,lon,plug,current,kw,pay,phone,hours\n"
        for (evse, rows) in [(1, 150), (2, 3), (3, 70), (4, 1), (5, 65), (6, 2)] {
            for r in 0..<rows {
                let plug = ["T2", "CCS", "Schuko"][r % 3]
                csv += "DE*ABC,Betreiber,DE*ABC*E\(evse),Station,DE,Köln,50667,50.9,6.9,\(plug),AC3,22,card,0221 123456,24/7\n"
                if evse == 3 && r == 30 { csv += "a ragged row\n" }
            }
        }
        let reference = try Self.run(mapping: AccountingPropertyTests.mapping, csv: csv, jobs: 1, batchSize: 100_000)
        for jobs in [2, 3] {
            let other = try Self.run(mapping: AccountingPropertyTests.mapping, csv: csv, jobs: jobs, batchSize: 1)
            #expect(other.difference(from: reference) == nil, "\(jobs) jobs")
        }
        let report = String(decoding: try #require(reference.files["report.json"]), as: UTF8.self)
        #expect(report.contains("\"merged\": 285"))
    }

    @Test("numbered hash repeats count in input order, whatever the number of threads")
    func hashRepeatsCountInInputOrder() throws {
        // EvseIDs made from a hash of the station: the second EVSE of a station gets *2, the third *3.
        let mapping = Self.exploding
            .replacingOccurrences(of: #"EvseID: { template: "{evse}{$i}", evse_id: true }"#,
                with: #"EvseID: { template: "{op}", hash: { length: 8, repeats: number }, prefix: "DE*ABC*E" }"#)
            .replacingOccurrences(of: #"group: { by: "{evse}*{$i}" }"#, with: #"group: { by: "{evse}*{$i}*{kw}" }"#)
        #expect(mapping != Self.exploding)
        let csv = Self.explodingExport(seed: 6, rows: 120)
        let reference = try Self.run(mapping: mapping, csv: csv, jobs: 1, batchSize: 100_000)
        let bundle = String(decoding: try #require(reference.files["bundles/DE_ABC.json"]), as: UTF8.self)
        #expect(bundle.contains("*3\""))
        let other = try Self.run(mapping: mapping, csv: csv, jobs: 3, batchSize: 2)
        #expect(other.difference(from: reference) == nil)
    }

    @Test("tables that normalise their values are looked up by every thread on its own")
    func normalisedTablesOnEveryThread() throws {
        // Spellings that only the normalised match finds: each thread's table caches them.
        var csv = "op,evse,plug1,plug2,kw\n"
        for n in 1...400 { csv += "DE*ABC,DE*ABC*E\(n),\(["t2", "T 2", "ccs", "C-C-S"][n % 4]),,22\n" }
        let reference = try Self.run(mapping: Self.exploding, csv: csv, jobs: 1, batchSize: 100_000)
        #expect(reference.files["bundles/DE_ABC.json"] != nil)
        for _ in 0..<5 {
            let other = try Self.run(mapping: Self.exploding, csv: csv, jobs: 4, batchSize: 3)
            #expect(other.difference(from: reference) == nil)
        }
    }

    @Test func groupsFromAnywhereInTheFile() throws {
        let mapping = AccountingPropertyTests.mapping.replacingOccurrences(of: #"group: { by: "{evse}" }"#, with: #"group: { by: "{evse}", adjacent: false }"#)
        #expect(mapping != AccountingPropertyTests.mapping)
        let csv = AccountingPropertyTests.export(seed: 9, rows: 300)
        let reference = try Self.run(mapping: mapping, csv: csv, jobs: 1, batchSize: 100_000)
        let other = try Self.run(mapping: mapping, csv: csv, jobs: 4, batchSize: 3)
        #expect(other.difference(from: reference) == nil)
    }
}
