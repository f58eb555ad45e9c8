import ArgumentParser
import Foundation
import OICP

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check existing OICP JSON (push requests, pull responses, record arrays) against every rule.",
        discussion: """
            Each finding names its rule and JSON path; a summary counts the findings by rule and \
            place. Exit status: 0 when no file has an error (with --strict, no warning either), \
            1 when one has, 2 when a file cannot be read or is not JSON.
            """
    )

    @Argument(help: "OICP JSON files.")
    var files: [String]

    @Option(help: "The OICP version to check against: 2.3 or 2.2.")
    var oicp: String = "2.3"

    @Option(name: .customLong("sub-operator"), help: "An operator ID whose EvseIDs may appear under any OperatorID (a hub's sub-operator; repeatable).")
    var subOperators: [String] = []

    @Flag(help: "Also fail (exit 1) on warnings.")
    var strict = false

    @Option(help: "How many findings to print per file.")
    var maxMessages: Int = 50

    func validate() throws {
        guard OICPVersion(rawValue: oicp) != nil else { throw ValidationError("--oicp must be 2.3 or 2.2, not '\(oicp)'") }
        guard !files.isEmpty else { throw ValidationError("give at least one file") }
    }

    func run() throws {
        let version = OICPVersion(rawValue: oicp)!
        var total = 0
        var errors = 0
        var byKind: [String: (rule: String, severity: String, count: Int, example: String)] = [:]
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
            let (findings, count) = BundleValidation.validate(json, version: version, subOperatorIDs: Set(subOperators))
            records += count
            total += findings.count
            for (i, f) in findings.enumerated() {
                if f.severity == .error { errors += 1 }
                let kind = f.rule.id + " " + BundleValidation.kind(of: f.path)
                byKind[kind, default: (f.rule.id, f.severity.rawValue, 0, f.message)].count += 1
                if i < maxMessages {
                    Swift.print("\(file): \(f.severity.rawValue): [\(f.rule.id)] \(f.path): \(f.message)")
                }
            }
            if findings.count > maxMessages { Swift.print("\(file): … \(findings.count - maxMessages) more findings") }
        }
        if !byKind.isEmpty {
            Swift.print("\nfindings by kind (rule, where, how often, an example):")
            for (kind, k) in byKind.sorted(by: { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }) {
                let path = String(kind.dropFirst(k.rule.count + 1))
                Swift.print("  \(String(k.count).leftPadded(6))  \(k.severity.padding(toLength: 7, withPad: " ", startingAt: 0)) [\(k.rule)] \(path): \(k.example)")
            }
        }
        Swift.print("\(records) records checked, \(errors) errors, \(total - errors) warnings")
        if failed { throw ExitCode(2) }
        if errors > 0 || (strict && total > 0) { throw ExitCode(1) }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
