import ArgumentParser
import Conversion
import ETLCore
import Foundation
import OICP

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert an inventory export into one push bundle per operator.",
        discussion: """
            Writes into --out: <OperatorID>.json per operator (OperatorID with '*' as '_'), \
            report.json (counts, reasons, timings) and rejects.csv (one row per reason a record \
            was not converted). The folder is replaced as a whole when the run succeeds.
            """
    )

    @Option(name: [.short, .long], help: "The mapping file (YAML). Without it, OCPI Locations, IRVE and the Ladesäulenregister are recognised and a built-in mapping is used.")
    var mapping: String?

    @Option(name: [.short, .long], help: "The input file.")
    var input: String

    @Option(name: [.short, .long], help: "The output folder (created or replaced).")
    var out: String

    @Option(help: "The OICP version to write: 2.3 or 2.2.")
    var oicp: String = "2.3"

    @Option(name: .customLong("set"), help: ArgumentHelp("A mapping parameter, NAME=VALUE (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(name: .customLong("sub-operator"), help: "An operator ID whose EvseIDs may appear in the bundles (a hub's sub-operator; repeatable).")
    var subOperators: [String] = []

    @Option(help: ArgumentHelp("A previous output folder: also write insert, update and delete bundles against it into OUT/delta/.", valueName: "dir"))
    var previous: String?

    @Flag(help: "With --previous: let an operator that has no record in this run have all its EVSEs deleted.")
    var allowFullDelete = false

    @Option(help: ArgumentHelp("Split bundles into parts of at most N records (the first a fullLoad, the rest insert).", valueName: "n"))
    var maxRecords: Int?

    @Option(help: ArgumentHelp("Also write the EVSEs, and the rejected records with a position, as GeoJSON points.", valueName: "file"))
    var geojson: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Map and check records on N threads (default: one per processor, at most 8). The output is the same for any N.", valueName: "n"))
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "Print only errors that stop the run, and a one-line summary.")
    var quiet = false

    @Flag(help: "Print report.json on standard output when the run ends.")
    var json = false

    @Option(help: "How many messages to print per rule before summarising.")
    var maxMessages: Int = 10

    func validate() throws {
        guard OICPVersion(rawValue: oicp) != nil else { throw ValidationError("--oicp must be 2.3 or 2.2, not '\(oicp)'") }
        for p in parameters where !p.contains("=") || p.hasPrefix("=") {
            throw ValidationError("--set takes NAME=VALUE, not '\(p)'")
        }
        guard maxMessages >= 0 else { throw ValidationError("--max-messages cannot be negative") }
        if let maxRecords, maxRecords < 1 { throw ValidationError("--max-records must be at least 1") }
        if let jobs, !(1...64).contains(jobs) { throw ValidationError("--jobs must be between 1 and 64") }
        if allowFullDelete && previous == nil { throw ValidationError("--allow-full-delete applies only with --previous") }
    }

    func run() throws {
        let printer = DiagnosticPrinter(perRuleLimit: quiet ? 0 : maxMessages)
        var options = ConversionOptions(mappingPath: mapping ?? "", inputPath: input, outputPath: out)
        if mapping == nil {
            do {
                let detection = try MappingDetector.detect(inputPath: input)
                options.mappingPath = "mappings/" + detection.mapping + " (built in)"
                options.mappingText = ShippedMappings.yaml(named: detection.mapping)
                printer.note("\(input): recognised \(detection.description); using the built-in mapping \(detection.mapping)")
            } catch let d as Diagnostic {
                printer.printAlways(d)
                throw ExitCode(2)
            }
        }
        options.version = OICPVersion(rawValue: oicp)!
        for p in parameters {
            let parts = p.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            options.parameters[String(parts[0])] = String(parts[1])
        }
        options.subOperatorIDs = Set(subOperators)
        options.previousPath = previous
        options.allowFullDelete = allowFullDelete
        options.maxRecords = maxRecords
        options.geoJSONPath = geojson
        if let jobs { options.jobs = jobs }
        let diagnostics = DiagnosticCollector(limit: 1000) { printer.print($0) }
        let converter = Converter(options: options, diagnostics: diagnostics)
        let progress = ProgressLine()
        if progress.enabled && !quiet { converter.progress = { read, size in progress.update(bytes: read, of: size) } }
        let result: ConversionResult
        do {
            result = try converter.run()
            progress.clear()
        } catch let d as Diagnostic {
            progress.clear()
            printer.printAlways(d)
            throw ExitCode(2)
        }
        if !quiet { printer.printSuppressed() }
        let r = result.report
        var summary = "\(r.read) record\(r.read == 1 ? "" : "s") read, \(r.written) written into \(result.bundles.count) bundle\(result.bundles.count == 1 ? "" : "s") in \(result.outputPath)"
        if r.merged > 0 { summary += "; \(r.merged) row\(r.merged == 1 ? "" : "s") merged into their EVSE" }
        if r.expanded > 0 { summary += "; \(r.expanded) extra record\(r.expanded == 1 ? "" : "s") from exploded rows" }
        if r.excluded > 0 { summary += "; \(r.excluded) excluded by records.select" }
        if r.rejected > 0 { summary += "; \(r.rejected) rejected (see \(result.rejectsFile))" }
        if !quiet { printer.note(RunSummary.table(result, previous: previous)) }
        printer.note(summary)
        if json { FileHandle.standardOutput.write(Data(result.report.json())) }
        throw ExitCode(result.exitCode)
    }
}
