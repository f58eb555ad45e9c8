import Foundation
import OICP

/// What a `convert` run is asked to do.
public struct ConversionOptions: Sendable {
    /// The mapping file; nil with `mappingText` (a built-in mapping).
    public var mappingPath: String
    /// A mapping's text to use instead of reading `mappingPath` (which then only names it).
    public var mappingText: String?
    public var inputPath: String
    public var outputPath: String
    public var version: OICPVersion = .v2_3
    /// `--set name=value` parameters of the mapping.
    public var parameters: [String: String] = [:]
    /// Operator IDs whose EvseIDs may appear in another operator's bundle (a hub's sub-operators).
    public var subOperatorIDs: Set<String> = []
    /// A previous output folder: write `insert`/`update`/`delete` bundles against it into `delta/`.
    public var previousPath: String?
    /// Let a delta delete all EVSEs of an operator that has no record in this run.
    public var allowFullDelete = false
    /// Split bundles into parts of at most this many records.
    public var maxRecords: Int?
    /// Also write the EVSEs (and the rejected records that have a position) as GeoJSON here.
    public var geoJSONPath: String?
    /// How many threads map and check records (besides the reading and the writing thread).
    /// The output does not depend on it.
    public var jobs = ConversionOptions.defaultJobs

    /// Records per batch handed to a worker; nil: 512 rows of CSV, 256 JSON or XML records
    /// (tests make it small to cut the input often).
    public var batchSize: Int?

    /// One per processor, at most eight.
    public static var defaultJobs: Int { min(8, max(1, ProcessInfo.processInfo.activeProcessorCount)) }

    public init(mappingPath: String, inputPath: String, outputPath: String) {
        self.mappingPath = mappingPath
        self.inputPath = inputPath
        self.outputPath = outputPath
    }
}
