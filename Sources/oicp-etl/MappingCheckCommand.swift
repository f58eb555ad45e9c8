import ArgumentParser
import Conversion
import ETLCore
import Foundation
import OICP

struct MappingCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compile a mapping, check it against an input's columns, and show where each OICP field comes from.",
        discussion: "With --input, the first --sample records are also converted in memory and the outcome is summarised."
    )

    @Argument(help: "The mapping file.")
    var mapping: String

    @Option(name: [.short, .long], help: "An input file to check the mapping's columns against.")
    var input: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("A mapping parameter, NAME=VALUE (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: "The OICP version: 2.3 or 2.2.")
    var oicp: String = "2.3"

    @Option(help: "How many records of the input to try.")
    var sample: Int = 1000

    func validate() throws {
        guard OICPVersion(rawValue: oicp) != nil else { throw ValidationError("--oicp must be 2.3 or 2.2, not '\(oicp)'") }
        guard sample >= 0 else { throw ValidationError("--sample cannot be negative") }
        for p in parameters where !p.contains("=") || p.hasPrefix("=") { throw ValidationError("--set takes NAME=VALUE, not '\(p)'") }
    }

    func run() throws {
        var values: [String: String] = [:]
        for p in parameters {
            let parts = p.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            values[String(parts[0])] = String(parts[1])
        }
        let result: MappingCheck.Result
        do {
            result = try MappingCheck.run(mappingPath: mapping, inputPath: input, parameters: values, version: OICPVersion(rawValue: oicp)!,
                sample: sample)
        } catch let d as Diagnostic {
            FileHandle.standardError.write(Data((d.description + "\n").utf8))
            throw ExitCode(2)
        }
        var out = "\(mapping): ok" + (result.mappingName.map { " (\($0))" } ?? "") + "\n"
        if !result.parameters.isEmpty {
            out += "\nparameters:\n" + result.parameters.map { "  \($0.name) = \($0.value.isEmpty ? "(empty)" : $0.value)" }.joined(separator: "\n") + "\n"
        }
        if !result.shaping.isEmpty { out += "\nrecords:\n" + result.shaping.map { "  " + $0 }.joined(separator: "\n") + "\n" }
        out += "\nfields:\n"
        let width = min(48, result.fieldSources.map(\.field.count).max() ?? 0)
        for (field, source) in result.fieldSources {
            out += "  " + field.padding(toLength: max(width, field.count), withPad: " ", startingAt: 0) + "  ← " + source + "\n"
        }
        if input != nil {
            out += !result.hasHeader ? "\npaths read: \(result.columnsUsed.count)" : "\ncolumns read: \(result.columnsUsed.count)"
            if !result.unusedColumns.isEmpty { out += "; not read: " + result.unusedColumns.joined(separator: ", ") }
            out += "\n"
        }
        if result.sampled > 0 {
            out += "\ntrial on the first \(result.sampled) records: \(result.sampleWritten) EVSE records would be written, \(result.sampleRejected) rejected\n"
            for (rule, n) in result.sampleReasons.sorted(by: { $0.value > $1.value }) { out += "  rejected  \(rule): \(n)\n" }
            for (rule, n) in result.sampleWarnings.sorted(by: { $0.value > $1.value }) { out += "  warning   \(rule): \(n)\n" }
            for table in result.unknownValues.keys.sorted() {
                let values = result.unknownValues[table]!.sorted { $0.value > $1.value }.prefix(10).map { "'\($0.key)' (\($0.value))" }
                out += "  table \(table) does not know: " + values.joined(separator: ", ") + "\n"
            }
        }
        print(out, terminator: "")
    }
}
