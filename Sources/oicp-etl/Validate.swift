import ArgumentParser
import Foundation
import OICP

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check existing OICP JSON (push requests, pull responses, record arrays) against every rule.",
        discussion: "Each finding names its rule and JSON path. Exit status 0 only when every file is clean."
    )

    @Argument(help: "OICP JSON files.")
    var files: [String]

    @Option(help: "The OICP version to check against: 2.3 or 2.2.")
    var oicp: String = "2.3"

    @Option(help: "How many findings to print per file.")
    var maxMessages: Int = 50

    func validate() throws {
        guard OICPVersion(rawValue: oicp) != nil else { throw ValidationError("--oicp must be 2.3 or 2.2, not '\(oicp)'") }
        guard !files.isEmpty else { throw ValidationError("give at least one file") }
    }

    func run() throws {
        let version = OICPVersion(rawValue: oicp)!
        var total = 0
        var byRule: [String: Int] = [:]
        var records = 0
        var failed = false
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("\(file): error: cannot read the file\n".utf8))
                failed = true
                continue
            }
            let json: JSONValue
            do {
                json = try JSONParser().parse(Array(data))
            } catch {
                FileHandle.standardError.write(Data("\(file):\(error.line): error: [json.syntax] \(error.message)\n".utf8))
                failed = true
                continue
            }
            let (findings, count) = BundleValidation.validate(json, version: version)
            records += count
            total += findings.count
            for (i, f) in findings.enumerated() {
                byRule[f.rule.id, default: 0] += 1
                if i < maxMessages {
                    Swift.print("\(file): \(f.severity.rawValue): [\(f.rule.id)] \(f.path): \(f.message)")
                }
            }
            if findings.count > maxMessages { Swift.print("\(file): … \(findings.count - maxMessages) more findings") }
        }
        for rule in byRule.keys.sorted() { Swift.print("  \(rule): \(byRule[rule]!)") }
        Swift.print("\(records) records checked, \(total) findings")
        if failed { throw ExitCode(2) }
        if total > 0 { throw ExitCode(1) }
    }
}
