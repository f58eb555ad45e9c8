import Bundles

/// The outcome of a run.
public struct ConversionResult: Sendable {
    public var report: RunReport
    public var bundles: [BundleWriter.Summary]
    /// Delta bundles (with `previousPath`), in push order per operator.
    public var deltaBundles: [BundleWriter.Summary] = []
    /// Where the bundles, report and rejects are.
    public var outputPath: String
    public var rejectsFile: String
    public var reportFile: String

    /// 0 when every record was converted, 1 when some were rejected.
    public var exitCode: Int32 { report.rejected == 0 ? 0 : 1 }
}
