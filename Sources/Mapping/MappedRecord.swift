import ETLCore
import OICP

/// The result of mapping one EVSE: the OICP record, its operator and what went wrong.
public struct MappedRecord: Sendable {
    public var evse: EvseDataRecord
    public var operatorID: String?
    public var operatorName: String?
    /// Where the (first) source record came from.
    public var provenance: Provenance
    /// Lines of the other rows merged into this record.
    public var mergedLines: [Int] = []
    public var issues: [RecordIssue] = []
    /// Whether the mapping rejected the record (the issues say why).
    public var rejected: Bool

    public init(evse: EvseDataRecord, operatorID: String?, operatorName: String?, provenance: Provenance, issues: [RecordIssue], rejected: Bool) {
        self.evse = evse
        self.operatorID = operatorID
        self.operatorName = operatorName
        self.provenance = provenance
        self.issues = issues
        self.rejected = rejected
    }

    /// An empty record to fill in place (made here, the EVSE is not copied in).
    init(provenance: Provenance) {
        evse = EvseDataRecord()
        self.provenance = provenance
        rejected = false
    }
}

/// How many records the mapping saw and what became of them before validation.
public struct MappingCounts: Sendable, Equatable {
    /// Source records read.
    public var read = 0
    /// Extra records created by `explode` (records beyond the first of each source record).
    public var expanded = 0
    /// Records left out by `records.select`.
    public var excluded = 0
    /// Records merged into another record by `records.group`.
    public var merged = 0

    public init() {}

    /// Adds the counts of another part of the same run.
    public mutating func add(_ other: MappingCounts) {
        read += other.read
        expanded += other.expanded
        excluded += other.excluded
        merged += other.merged
    }
}
