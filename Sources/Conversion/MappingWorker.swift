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
    /// The JSON of the records that passed, one after the other (``CheckedRecord/json``),
    /// written there by the encoder.
    var bytes: JSONWriter
    var statistics: MappingStatistics
}

/// Maps and checks batches on one thread. Each worker has its own compiled mapping (tables and
/// memoized steps keep caches) and its own checker.
final class MappingWorker: @unchecked Sendable {  // used by one thread at a time: its own, then (after the join) the run
    let mapper: Mapper
    private var check: RecordCheck
    /// The size of the last batch's bytes: the next batch reserves as much.
    private var lastBytes = 0

    /// - Parameter keepRecords: whether the checked records keep the whole EVSE (an output such
    ///   as the GeoJSON map needs it); else only what the writing end uses.
    init(mapping: CompiledMapping, version: OICPVersion, keepRecords: Bool = false) {
        mapper = Mapper(mapping: mapping, version: version)
        check = RecordCheck(version: version, keepRecords: keepRecords)
    }

    func process(_ batch: SourceBatch) -> CheckedBatch {
        var out: [CheckedRecord] = []
        out.reserveCapacity(batch.records.count)
        // Each source record finishes none, one or a few records: they are checked at once, in
        // the scratch list.
        var mapped: [MappedRecord] = []
        var bytes = JSONWriter(capacity: lastBytes + lastBytes / 8)
        for i in batch.records.indices {
            mapper.process(batch.records[i], into: &mapped)
            drain(&mapped, into: &out, &bytes)
        }
        if batch.finishesGroups {
            mapped = mapper.finish()
            drain(&mapped, into: &out, &bytes)
        }
        lastBytes = bytes.count
        return CheckedBatch(records: out, bytes: bytes, statistics: mapper.takeStatistics())
    }

    /// Checks the finished records where the list holds them (taking one out moved some three
    /// hundred bytes, and `check` moved them again), then empties the list.
    private func drain(_ mapped: inout [MappedRecord], into out: inout [CheckedRecord], _ bytes: inout JSONWriter) {
        for i in mapped.indices { out.append(check.check(&mapped[i], bytes: &bytes)) }
        mapped.removeAll(keepingCapacity: true)
    }
}
