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
    /// How many records ahead the writing thread fetches an EvseID's lookup (`RecordSink.prefetch`).
    static let prefetchDistance = 6
    public let options: ConversionOptions
    public let diagnostics: DiagnosticCollector

    public init(options: ConversionOptions, diagnostics: DiagnosticCollector) {
        self.options = options
        self.diagnostics = diagnostics
    }

    /// Progress: bytes read so far and the input's size, called now and then.
    public var progress: (@Sendable (Int, Int) -> Void)?

    public func run() throws -> ConversionResult {
        let clock = ContinuousClock()
        let start = clock.now
        let document = try options.mappingText.map { try MappingDocument.parse(yaml: $0, file: options.mappingPath) }
            ?? MappingDocument.load(path: options.mappingPath)
        let reader = try Self.openReader(document: document, path: options.inputPath)
        let mapping = try compile(document, reader)
        let baseline = try options.previousPath.map { try Baseline(path: $0) }
        let output = try OutputDirectory(path: options.outputPath)
        let prepared = clock.now

        var report = RunReport(toolVersion: Self.toolVersion, input: options.inputPath, mapping: options.mappingPath,
            oicpVersion: options.version)
        if let csv = reader as? CSVReader { report.encoding = csv.encoding.rawValue }
        let rejectsName = "rejects.csv"
        let rejects = try RejectsWriter(path: output.stagedFile(rejectsName))
        let bundles = try BundleWriter(directory: output, version: options.version, maxRecords: options.maxRecords)
        let delta = try baseline.map {
            try DeltaWriter(baseline: $0, directory: output, version: options.version, maxRecords: options.maxRecords,
                allowFullDelete: options.allowFullDelete)
        }
        let geoJSON = try options.geoJSONPath.map { try GeoJSONWriter(path: $0) }
        var sink = RecordSink(options: options, bundles: bundles, delta: delta, geoJSON: geoJSON, rejects: rejects, diagnostics: diagnostics,
            adjacentGrouping: mapping.groupsRows && mapping.groupsAdjacentRowsOnly)

        // One thread reads and cuts the input into batches, `jobs` threads map and check them,
        // this one takes their results in input order and writes them.
        // Groups gathered from anywhere in the file, and counts across records, need every record
        // in input order on one mapping.
        let jobs = (mapping.groupsRows && !mapping.groupsAdjacentRowsOnly) || mapping.countsAcrossRecords ? 1 : max(1, options.jobs)
        var workers = [MappingWorker(mapping: mapping, version: options.version, keepRecords: geoJSON != nil)]
        for _ in 1..<jobs {
            workers.append(MappingWorker(mapping: try compile(document, reader), version: options.version, keepRecords: geoJSON != nil))
        }
        let keyer = mapping.groupsRows ? Mapper(mapping: try compile(document, reader), version: options.version) : workers[0].mapper
        let size = (try? FileManager.default.attributesOfItem(atPath: options.inputPath)[.size] as? Int) ?? 0
        // Batches in flight: the reader's next, one per worker, one being written. A JSON or XML
        // record is a tree and weighs more than a row: smaller batches keep memory alike. For
        // CSV, 1,024 rows: at 512 the hand-overs between the threads cost some 3 % of the wall
        // time at a million rows; from 2,048 on, a batch no longer stays in the cache.
        let queue = OrderedWorkQueue<SourceBatch, CheckedBatch>(window: jobs + 2)
        let batchSize = options.batchSize ?? (document.input.format == .csv ? 1024 : 256)
        let producer = BatchProducer(reader: reader, batchSize: batchSize, keyer: keyer, diagnostics: diagnostics, progress: progress, size: size, queue: queue)
        let threads = ThreadGroup()
        threads.start { producer.run() }
        for (i, worker) in workers.enumerated() {
            threads.start {
                while let (number, batch) = queue.takeWork(worker: i) { queue.deliver(number, worker.process(batch)) }
            }
        }
        let statistics = MappingStatistics()
        var owners: [RecordSink.Owner] = []
        do {
            loop: while true {
                switch queue.next() {
                case .result(let batch):
                    // Read in place through a pointer (`records[i]`, even of a buffer pointer,
                    // copied each record: a reference count for each of its parts). The owners
                    // first, so that each record's EvseID lookup is fetched a few records ahead.
                    try batch.records.withUnsafeBufferPointer { records in
                        let first = records.baseAddress!
                        owners.removeAll(keepingCapacity: true)
                        for i in records.indices { owners.append(sink.owner(of: first + i)) }
                        try batch.bytes.withBytes { bytes in
                            for i in records.indices {
                                if i + Self.prefetchDistance < records.count {
                                    sink.prefetch(first + i + Self.prefetchDistance, owners[i + Self.prefetchDistance])
                                }
                                try sink.take(first + i, owner: owners[i], bytes: bytes)
                            }
                        }
                    }
                    statistics.merge(batch.statistics)
                case .failed(let error): throw error
                case .end: break loop
                }
            }
        } catch {
            sink.finish()
            queue.cancel()
            threads.wait()
            throw error
        }
        sink.finish()
        threads.wait()
        var counts = MappingCounts()
        for w in workers { counts.add(w.mapper.counts) }
        let mapped = clock.now

        // The delta first: it carries the EVSEs it keeps into the full bundles.
        let deltaSummaries = try delta?.finish(carryingInto: bundles) ?? []
        let summaries = try bundles.finish()
        for w in delta?.warnings ?? [] { diagnostics.emit(w) }
        try rejects.close()
        try geoJSON?.commit()
        report.read = counts.read
        report.expanded = counts.expanded
        report.excluded = counts.excluded
        report.merged = counts.merged
        report.written = sink.written
        report.rejected = sink.rejected
        report.rejectedByRule = sink.rejectedByRule
        report.reasonsByRule = sink.reasonsByRule
        report.warningsByRule = sink.warningsByRule
        report.unknownValues = statistics.unknownValues
        report.rounded = statistics.rounded
        report.roundedExamples = statistics.roundedExamples
        report.dropped = statistics.dropped
        report.truncated = statistics.truncated
        report.defaulted = statistics.defaulted
        report.bytesRead = reader.bytesRead
        if let delta {
            report.delta = delta.countsByOperator
            report.deltaFiles = deltaSummaries.map(\.fileName)
        }
        // Operators in input order, then those only the baseline has (kept by the delta).
        // Grouped once (a register can name thousands of operators).
        var keys = sink.operatorOrder
        var known = Set(keys)
        var partsByKey: [String: [BundleWriter.Summary]] = [:]
        for s in summaries {
            let key = Patterns.operatorKey(s.operatorID)
            partsByKey[key, default: []].append(s)
            if known.insert(key).inserted { keys.append(key) }
        }
        let operatorStats = sink.operatorStats
        report.operators = keys.map { key in
            let parts = partsByKey[key] ?? []
            let stats = operatorStats[key]
            let kept = delta?.counts[key].map { $0.kept + $0.deletionsHeldBack } ?? 0
            var o = RunReport.Operator(operatorID: parts.first?.operatorID ?? stats?.spelling ?? key, operatorName: parts.first?.operatorName ?? stats?.name,
                files: parts.map(\.fileName), written: parts.reduce(0) { $0 + $1.records } - kept, rejected: stats?.rejected ?? 0)
            o.keptFromBaseline = kept
            o.rejectedByRule = stats?.reasons ?? [:]
            return o
        }
        for o in report.operators where o.written + o.keptFromBaseline == 0 {
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
        return ConversionResult(report: report, bundles: summaries, deltaBundles: deltaSummaries, outputPath: output.path,
            rejectsFile: output.path + "/" + rejectsName, reportFile: output.path + "/" + reportName)
    }

    private func compile(_ document: MappingDocument, _ reader: RecordReader) throws -> CompiledMapping {
        try MappingCompiler.compile(document, header: reader.header, parameters: options.parameters)
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// The reader the mapping's input section asks for.
    public static func openReader(document: MappingDocument, path: String) throws -> RecordReader {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > document.input.maxFileBytes {
            throw Diagnostic.error("the file is \(size) bytes, more than input.max_file_bytes (\(document.input.maxFileBytes))", rule: "input.too-large", file: path)
        }
        switch document.input.format {
        case .csv:
            return try CSVReader(path: path, options: document.input.csv)
        case .json:
            var options = JSONOptions()
            options.recordPath = document.recordPath
            options.enclosing = document.enclosing
            options.snakeCaseKeys = document.input.snakeCaseKeys
            if let d = document.input.maxDepth { options.maxDepth = d }
            if let t = document.input.maxTextBytes { options.maxStringBytes = t }
            if let r = document.input.maxRecordBytes { options.maxItemBytes = r }
            return try JSONRecordReader(path: path, options: options)
        case .xml:
            var options = document.input.xml
            options.recordPath = document.recordPath
            options.scopes = document.enclosingElements
            return try XMLRecordReader(path: path, options: options)
        }
    }
}
