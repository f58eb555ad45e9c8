import ETLCore
import Mapping
import OICP

/// Source records read in a row, cut where no group of rows spans the cut.
struct SourceBatch: @unchecked Sendable {
    var records: [SourceRecord]
    /// Whether the groups still open at the end are complete (always, except when groups may
    /// gather rows from anywhere in the file: then only the last batch finishes them).
    var finishesGroups: Bool
}

/// What a worker made of a batch: the records, checked and encoded, and the mapping's
/// statistics for these records.
struct CheckedBatch: @unchecked Sendable {
    var records: [CheckedRecord]
    var statistics: MappingStatistics
}

/// Maps and checks batches on one thread. Each worker has its own compiled mapping (tables and
/// memoized steps keep caches) and its own checker.
final class MappingWorker: @unchecked Sendable {  // used by one thread at a time: its own, then (after the join) the run
    let mapper: Mapper
    private var check: RecordCheck

    init(mapping: CompiledMapping, version: OICPVersion) {
        mapper = Mapper(mapping: mapping, version: version)
        check = RecordCheck(version: version)
    }

    func process(_ batch: SourceBatch) -> CheckedBatch {
        var mapped: [MappedRecord] = []
        mapped.reserveCapacity(batch.records.count)
        for record in batch.records { mapper.process(record, into: &mapped) }
        if batch.finishesGroups { mapped += mapper.finish() }
        var out: [CheckedRecord] = []
        out.reserveCapacity(mapped.count)
        // Taken out of the array one by one rather than copied.
        mapped.reverse()
        while let m = mapped.popLast() { out.append(check.check(m)) }
        return CheckedBatch(records: out, statistics: mapper.takeStatistics())
    }
}
