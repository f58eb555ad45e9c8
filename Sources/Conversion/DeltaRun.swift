import Bundles
import ETLCore
import Foundation
import OICP

/// `diff`: delta bundles between two folders of bundles (two earlier runs).
public enum DeltaRun {
    public struct Result: Sendable {
        public var counts: [DeltaWriter.Counts]
        public var bundles: [BundleWriter.Summary]
        public var warnings: [Diagnostic]
        public var outputPath: String
    }

    public static func run(old: String, new: String, out: String, version: OICPVersion, maxRecords: Int?, allowFullDelete: Bool) throws -> Result {
        let baseline = try Baseline(path: old)
        let files = try Baseline.bundleFiles(in: new)
        let output = try OutputDirectory(path: out)
        let delta = try DeltaWriter(baseline: baseline, directory: output, version: version, maxRecords: maxRecords, allowFullDelete: allowFullDelete)
        for file in files {
            try Baseline.records(in: file) { operatorID, operatorName, record, scan in
                try delta.take(Array(record), evseID: scan.evseID!, fingerprint: { scan.fingerprint }, operatorID: operatorID, operatorName: operatorName)
            }
        }
        let summaries = try delta.finish()
        var report = RunReport(toolVersion: Converter.toolVersion, input: new, mapping: "(diff against \(old))", oicpVersion: version)
        let counts = delta.countsByOperator
        report.delta = counts
        report.deltaFiles = summaries.map(\.fileName)
        let sink = try FileSink(path: output.stagedFile(OutputDirectory.marker))
        try sink.write(report.json())
        try sink.close()
        try output.commit()
        return Result(counts: counts, bundles: summaries, warnings: delta.warnings,
            outputPath: output.path)
    }
}
