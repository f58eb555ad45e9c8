import Foundation
import Testing

/// A run killed at any moment leaves the previous complete output or the new complete output,
/// never a partial one.
@Suite(.serialized) final class KillTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("oicp-etl-kill-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try DeltaCLITests.mapping.write(to: scratch.appendingPathComponent("m.yaml"), atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    func path(_ name: String) -> String { scratch.appendingPathComponent(name).path }

    /// An input of `rows` EVSEs of two operators.
    func input(_ name: String, rows: Int) throws -> String {
        var text = DeltaCLITests.header
        text.reserveCapacity(rows * 80)
        for i in 1...rows { text += DeltaCLITests.row(i % 2 == 0 ? "DE*ABC" : "DE*XYZ", i) }
        try text.write(toFile: path(name), atomically: true, encoding: .utf8)
        return path(name)
    }

    /// What `out` holds: nil when there is nothing, else the number of records in its bundles,
    /// after checking that every file is complete and agrees with report.json.
    func completeOutput(_ out: String) throws -> Int? {
        guard FileManager.default.fileExists(atPath: out) else { return nil }
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/report.json"))) as! [String: Any]
        let counts = report["records"] as! [String: Any]
        #expect(counts["balanced"] as? Bool == true)
        var records = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: out + "/bundles") {
            let bundle = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/bundles/" + file))) as! [String: Any]
            records += ((bundle["OperatorEvseData"] as! [String: Any])["EvseDataRecord"] as! [Any]).count
        }
        #expect(records == counts["written"] as? Int)
        return records
    }

    @Test func aKilledRunLeavesACompleteOutput() throws {
        let small = try input("small.csv", rows: 2_000)
        let large = try input("large.csv", rows: 8_000)
        let out = path("out")
        // Twenty kills at different moments, alternating the input, so that the folder holds
        // either input's complete output and a partial one would show.
        var seen: Set<Int> = []
        for attempt in 0..<20 {
            let process = Process()
            process.executableURL = BinaryRunner.binary
            process.arguments = ["convert", "-q", "-m", path("m.yaml"), "-i", attempt % 2 == 0 ? large : small, "-o", out]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // From "before anything is written" to "after the output is in place".
            Thread.sleep(forTimeInterval: Double(attempt % 10) * 0.25 + 0.01)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if let records = try completeOutput(out) {
                #expect(records == 2_000 || records == 8_000, "attempt \(attempt): \(records) records")
                seen.insert(records)
            }
        }
        // A run to the end replaces whatever is there.
        let finish = try BinaryRunner.run(["convert", "-q", "-m", path("m.yaml"), "-i", small, "-o", out])
        #expect(finish.status == 0)
        #expect(try completeOutput(out) == 2_000)
        // Staging folders of killed runs are cleaned up by the next run.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix(".out.") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        print("kill test: outputs seen \(seen.sorted())")
    }
}
