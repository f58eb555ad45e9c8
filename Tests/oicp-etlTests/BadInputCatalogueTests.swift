import Foundation
import Testing

/// Every case of the bad-input catalogue, run through the built binary.
@Suite(.serialized) final class BadInputCatalogueTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("oicp-etl-bad-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    @Test(arguments: BadInput.all)
    func catalogue(_ c: BadInput) throws {
        let folder = scratch.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let input = folder.appendingPathComponent(c.file).path
        FileManager.default.createFile(atPath: input, contents: Data(c.bytes()))
        let mapping = folder.appendingPathComponent("m.yaml").path
        try (c.mapping ?? "").write(toFile: mapping, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        var arguments = ["convert", "-m", mapping]
        if !c.arguments.contains("-i") { arguments += ["-i", input] }
        if !c.arguments.contains("-o") { arguments += ["-o", out] }
        arguments += c.arguments
        let r = try BinaryRunner.run(arguments)
        #expect(r.status == c.exit, "\(c.name): exit \(r.status)\n\(r.stderr)")
        for d in c.diagnostics {
            let expected = d.replacingOccurrences(of: "FILE", with: input)
            #expect(r.stderr.contains(expected), "\(c.name): no '\(expected)' in\n\(r.stderr)")
        }
        #expect(!r.stderr.contains("Fatal error"), "\(c.name)")
        if let written = c.written {
            let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/report.json"))) as! [String: Any]
            let records = report["records"] as! [String: Any]
            #expect(records["written"] as? Int == written, "\(c.name)")
            #expect(records["balanced"] as? Bool == true, "\(c.name)")
        } else {
            #expect(!FileManager.default.fileExists(atPath: out), "\(c.name): a failed run must not leave an output folder")
        }
    }

    @Test func theDocsListEveryCase() throws {
        let docs = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("docs/errors.md"), encoding: .utf8)
        for c in BadInput.all { #expect(docs.contains("| \(c.name) | \(c.exit) |"), "docs/errors.md lacks '\(c.name)'") }
    }

    /// A full disk, simulated with a file size limit: the run fails, names the problem, and the
    /// previous output stays as it was.
    @Test func aFullDiskKeepsThePreviousOutput() throws {
        let folder = scratch.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let mapping = folder.appendingPathComponent("m.yaml").path
        try BadInput.csvMapping.write(toFile: mapping, atomically: true, encoding: .utf8)
        let small = folder.appendingPathComponent("small.csv").path
        let large = folder.appendingPathComponent("large.csv").path
        FileManager.default.createFile(atPath: small, contents: Data(BadInput.csv(BadInput.row(1))()))
        FileManager.default.createFile(atPath: large, contents: Data((BadInput.header + (1...3000).map { BadInput.row($0) }.joined()).utf8))
        let out = folder.appendingPathComponent("out").path
        #expect(try BinaryRunner.run(["convert", "-q", "-m", mapping, "-i", small, "-o", out]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: out + "/bundles/DE_ABC.json"))
        // 64 blocks of 512 bytes: the bundle of 3000 EVSEs does not fit.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "ulimit -f 64; trap '' XFSZ; exec \"$0\" \"$@\"", BinaryRunner.binary.path, "convert", "-q", "-m", mapping, "-i", large,
                             "-o", out]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(stderr)")
        #expect(stderr.contains("[output.unwritable]"), "\(stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/bundles/DE_ABC.json")) == before)
    }
}
