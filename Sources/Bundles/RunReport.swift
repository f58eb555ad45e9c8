import OICP

/// What a conversion did: counts, per-rule figures, timings, files. Written as `report.json`.
public struct RunReport: Sendable {
    public var tool = "oicp-etl"
    public var toolVersion: String
    public var input: String
    public var mapping: String
    public var oicpVersion: OICPVersion
    public var encoding: String?

    /// Source records read.
    public var read = 0
    /// Records created by `explode` beyond the first of each source record.
    public var expanded = 0
    /// Records left out by `records.select`.
    public var excluded = 0
    /// Records merged into another record (rows of one EVSE).
    public var merged = 0
    public var written = 0
    public var rejected = 0

    /// Whether every record is accounted for: read + expanded = written + rejected + merged + excluded.
    public var isBalanced: Bool { read + expanded == written + rejected + merged + excluded }

    public struct Operator: Sendable, Equatable {
        public var operatorID: String
        public var operatorName: String?
        /// The operator's bundle files (several when split by `--max-records`).
        public var files: [String]
        public var written: Int
        public var rejected: Int
        /// Records of the baseline carried into the bundles (`--previous`: EVSEs rejected in this
        /// run that keep their last good version).
        public var keptFromBaseline = 0
        /// Rejected records by the rule of their first reason.
        public var rejectedByRule: [String: Int] = [:]

        public init(operatorID: String, operatorName: String?, files: [String], written: Int, rejected: Int) {
            self.operatorID = operatorID
            self.operatorName = operatorName
            self.files = files
            self.written = written
            self.rejected = rejected
        }
    }

    public var operators: [Operator] = []

    /// What a delta against a previous run holds, per operator.
    /// With `--previous`: what the delta did, per operator.
    public var delta: [DeltaWriter.Counts]?
    public var deltaFiles: [String] = []
    /// Rejected records by the rule of their first reason.
    public var rejectedByRule: [String: Int] = [:]
    /// Every reason of every rejected record, by rule.
    public var reasonsByRule: [String: Int] = [:]
    /// Warnings by rule (records written, but a value was changed or left out).
    public var warningsByRule: [String: Int] = [:]
    /// Table → value → count of values a table did not know.
    public var unknownValues: [String: [String: Int]] = [:]
    public var rounded: [String: Int] = [:]
    public var roundedExamples: [String: [String]] = [:]
    public var dropped: [String: Int] = [:]
    public var truncated: [String: Int] = [:]
    /// Field → how many times a mapping `default` supplied the value.
    public var defaulted: [String: Int] = [:]
    /// Seconds per stage.
    public var timings: [(String, Double)] = []
    public var bytesRead = 0

    public init(toolVersion: String, input: String, mapping: String, oicpVersion: OICPVersion) {
        self.toolVersion = toolVersion
        self.input = input
        self.mapping = mapping
        self.oicpVersion = oicpVersion
    }

    /// The report as indented JSON, keys in a fixed order and maps sorted by key.
    public func json() -> [UInt8] {
        var w = JSONWriter(capacity: 4096)
        w.beginObject()
        w.key("tool"); w.string(tool)
        w.key("tool_version"); w.string(toolVersion)
        w.key("input"); w.string(input)
        w.key("mapping"); w.string(mapping)
        w.key("oicp_version"); w.string(oicpVersion.rawValue)
        if let encoding { w.key("input_encoding"); w.string(encoding) }
        w.key("records")
        w.beginObject()
        w.key("read"); w.int(read)
        w.key("expanded"); w.int(expanded)
        w.key("excluded"); w.int(excluded)
        w.key("merged"); w.int(merged)
        w.key("written"); w.int(written)
        w.key("rejected"); w.int(rejected)
        w.key("balanced"); w.bool(isBalanced)
        w.endObject()
        w.key("operators")
        w.beginArray()
        for o in operators {
            w.beginObject()
            w.key("OperatorID"); w.string(o.operatorID)
            if let n = o.operatorName { w.key("OperatorName"); w.string(n) }
            w.key("files")
            w.beginArray()
            for f in o.files { w.string(f) }
            w.endArray()
            w.key("written"); w.int(o.written)
            if o.keptFromBaseline > 0 { w.key("kept_from_baseline"); w.int(o.keptFromBaseline) }
            w.key("rejected"); w.int(o.rejected)
            Self.counts(o.rejectedByRule, key: "rejected_by_rule", &w)
            w.endObject()
        }
        w.endArray()
        if let delta {
            w.key("delta")
            w.beginObject()
            w.key("push_order")
            w.beginArray()
            for f in deltaFiles { w.string(f) }
            w.endArray()
            w.key("operators")
            w.beginArray()
            for d in delta {
                w.beginObject()
                w.key("OperatorID"); w.string(d.operatorID)
                w.key("inserted"); w.int(d.inserted)
                w.key("updated"); w.int(d.updated)
                w.key("deleted"); w.int(d.deleted)
                w.key("unchanged"); w.int(d.unchanged)
                w.key("kept_rejected"); w.int(d.kept)
                w.key("deletions_held_back"); w.int(d.deletionsHeldBack)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        Self.counts(rejectedByRule, key: "rejected_by_rule", &w)
        Self.counts(reasonsByRule, key: "reasons_by_rule", &w)
        Self.counts(warningsByRule, key: "warnings_by_rule", &w)
        w.key("unknown_values")
        w.beginObject()
        for table in unknownValues.keys.sorted() {
            Self.counts(unknownValues[table]!, key: table, &w)
        }
        w.endObject()
        Self.counts(rounded, key: "rounded_values", &w)
        w.key("rounded_examples")
        w.beginObject()
        for field in roundedExamples.keys.sorted() {
            w.key(text: field)
            w.beginArray()
            for e in roundedExamples[field]! { w.string(e) }
            w.endArray()
        }
        w.endObject()
        Self.counts(dropped, key: "dropped_values", &w)
        Self.counts(truncated, key: "truncated_values", &w)
        Self.counts(defaulted, key: "defaulted_values", &w)
        w.key("bytes_read"); w.int(bytesRead)
        w.key("timings_seconds")
        w.beginObject()
        for (stage, seconds) in timings {
            w.key(text: stage)
            w.raw(Array(FixedDecimal.format(seconds, decimals: 3).utf8))
        }
        w.endObject()
        w.endObject()
        return JSONIndent.indent(w.bytes)
    }

    private static func counts(_ map: [String: Int], key: String, _ w: inout JSONWriter) {
        w.key(text: key)
        w.beginObject()
        for k in map.keys.sorted() {
            w.key(text: k)
            w.int(map[k]!)
        }
        w.endObject()
    }
}
