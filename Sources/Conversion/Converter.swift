import Bundles
import ETLCore
import Foundation
import Mapping
import OICP
import Readers

/// Runs one conversion: input file → mapping → validation → bundles, report and rejects.
///
/// A bad record never stops the run (it goes to the rejects file with its reasons); a bad input
/// file or mapping stops it at once, and nothing is left half-written in the output folder.
public final class Converter {
    public static let toolVersion = "0.1.0"
    public let options: ConversionOptions
    public let diagnostics: DiagnosticCollector

    public init(options: ConversionOptions, diagnostics: DiagnosticCollector) {
        self.options = options
        self.diagnostics = diagnostics
    }

    /// Progress: bytes read so far and the input's size, called now and then.
    public var progress: ((Int, Int) -> Void)?

    public func run() throws -> ConversionResult {
        let clock = ContinuousClock()
        let start = clock.now
        let document = try MappingDocument.load(path: options.mappingPath)
        let reader = try Self.openReader(document: document, path: options.inputPath)
        let mapping = try MappingCompiler.compile(document, header: reader.header, parameters: options.parameters)
        let output = try OutputDirectory(path: options.outputPath)
        let prepared = clock.now

        var report = RunReport(toolVersion: Self.toolVersion, input: options.inputPath, mapping: options.mappingPath,
            oicpVersion: options.version)
        if let csv = reader as? CSVReader { report.encoding = csv.encoding.rawValue }
        let rejectsName = "rejects.csv"
        let rejects = try RejectsWriter(path: output.stagedFile(rejectsName))
        let bundles = try BundleWriter(directory: output, version: options.version)
        let mapper = Mapper(mapping: mapping, version: options.version)
        var sink = RecordSink(options: options, bundles: bundles, rejects: rejects, diagnostics: diagnostics,
            adjacentGrouping: mapping.groupsRows && mapping.groupsAdjacentRowsOnly)

        var lastProgress = 0
        let size = (try? FileManager.default.attributesOfItem(atPath: options.inputPath)[.size] as? Int) ?? 0
        while let record = try reader.next() {
            for mapped in mapper.process(record) { try sink.take(mapped) }
            if let csv = reader as? CSVReader { for w in csv.takeWarnings() { diagnostics.emit(w) } }
            if let progress, reader.bytesRead - lastProgress > 8 << 20 {
                lastProgress = reader.bytesRead
                progress(reader.bytesRead, size)
            }
        }
        for mapped in mapper.finish() { try sink.take(mapped) }
        let mapped = clock.now

        let summaries = try bundles.finish()
        try rejects.close()
        report.read = mapper.counts.read
        report.expanded = mapper.counts.expanded
        report.excluded = mapper.counts.excluded
        report.merged = mapper.counts.merged
        report.written = sink.written
        report.rejected = sink.rejected
        report.rejectedByRule = sink.rejectedByRule
        report.reasonsByRule = sink.reasonsByRule
        report.warningsByRule = sink.warningsByRule
        report.unknownValues = mapper.statistics.unknownValues
        report.rounded = mapper.statistics.rounded
        report.roundedExamples = mapper.statistics.roundedExamples
        report.dropped = mapper.statistics.dropped
        report.truncated = mapper.statistics.truncated
        report.defaulted = mapper.statistics.defaulted
        report.bytesRead = reader.bytesRead
        report.operators = sink.operatorOrder.map { key in
            let s = summaries.first { Patterns.operatorKey($0.operatorID) == key }
            let stats = sink.operatorStats[key]!
            return RunReport.Operator(operatorID: s?.operatorID ?? stats.spelling, operatorName: s?.operatorName ?? stats.name,
                file: s?.fileName, written: s?.records ?? 0, rejected: stats.rejected)
        }
        for o in report.operators where o.written == 0 {
            diagnostics.emit(Diagnostic(.warning, rule: "bundle.empty",
                "operator \(o.operatorID): every record was rejected; no bundle is written (an empty fullLoad would delete the operator's data at Hubject)",
                file: options.inputPath))
        }
        let done = clock.now
        report.timings = [
            ("prepare", Self.seconds(prepared - start)), ("convert", Self.seconds(mapped - prepared)),
            ("finish", Self.seconds(done - mapped)), ("total", Self.seconds(done - start)),
        ]
        let reportName = OutputDirectory.marker
        let reportSink = try FileSink(path: output.stagedFile(reportName))
        try reportSink.write(report.json())
        try reportSink.close()
        try output.commit()
        return ConversionResult(report: report, bundles: summaries, outputPath: output.path,
            rejectsFile: output.path + "/" + rejectsName, reportFile: output.path + "/" + reportName)
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// The reader the mapping's input section asks for.
    public static func openReader(document: MappingDocument, path: String) throws -> RecordReader {
        switch document.input.format {
        case .csv:
            return try CSVReader(path: path, options: document.input.csv)
        case .json, .xml:
            throw Diagnostic.error("input format '\(document.input.format.rawValue)' is not supported yet", rule: "mapping.invalid",
                file: document.file)
        }
    }
}
