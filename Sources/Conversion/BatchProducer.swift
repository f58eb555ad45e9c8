import ETLCore
import Mapping
import Readers

/// The reading half of a run, on its own thread: reads records and cuts them into batches that
/// can be mapped independently, in parallel.
///
/// Rows grouped into one EVSE must stay in one batch, so with `records.group` a batch ends only
/// before a record whose first group key differs from the last key before it. When groups may
/// take rows from anywhere in the file (`adjacent: false`), there is one worker and only the last
/// batch finishes the groups. A group larger than 64 batches is handed on in parts to the first
/// worker, which keeps it open from one part to the next, so memory stays bounded.
final class BatchProducer: @unchecked Sendable {
    let batchSize: Int
    let reader: RecordReader
    /// Evaluates group keys; its own copy of the mapping (the workers' caches are theirs).
    let keyer: Mapper
    let diagnostics: DiagnosticCollector
    let progress: (@Sendable (Int, Int) -> Void)?
    let size: Int
    let queue: OrderedWorkQueue<SourceBatch, CheckedBatch>

    init(reader: RecordReader, batchSize: Int, keyer: Mapper, diagnostics: DiagnosticCollector, progress: (@Sendable (Int, Int) -> Void)?, size: Int,
         queue: OrderedWorkQueue<SourceBatch, CheckedBatch>) {
        self.reader = reader
        self.batchSize = max(1, batchSize)
        self.keyer = keyer
        self.diagnostics = diagnostics
        self.progress = progress
        self.size = size
        self.queue = queue
    }

    func run() {
        do {
            try produce()
            queue.closeInput()
        } catch {
            queue.fail(error)
        }
    }

    /// The last group key before the next record: unknown, none (no open group), or a key.
    private enum Tail {
        case unknown
        case known(String?)
    }

    private func produce() throws {
        let grouping = keyer.mapping.groupsRows
        let anywhere = grouping && !keyer.mapping.groupsAdjacentRowsOnly
        var batch: [SourceRecord] = []
        batch.reserveCapacity(batchSize)
        var tail = Tail.unknown
        // Whether the first worker holds an open group from the batch before.
        var pinned = false
        let maxBatch = 64 * batchSize
        var lastProgress = 0
        let csv = reader as? CSVReader
        while let record = try reader.next() {
            if let csv { for w in csv.takeWarnings() { diagnostics.emit(w) } }
            if batch.count >= batchSize {
                if !grouping || anywhere {
                    guard queue.submit(SourceBatch(records: batch, finishesGroups: !anywhere)) else { return }
                    batch.removeAll(keepingCapacity: true)
                } else {
                    let before: String?
                    if case .known(let k) = tail { before = k } else { before = lastKey(of: batch) }
                    let keys = keyer.groupKeys(record)
                    if let keys, keys.first == nil || before == nil || keys.first != before {
                        // After a group too large for one batch, the worker holding it finishes it.
                        guard queue.submit(SourceBatch(records: batch, finishesGroups: true), for: pinned ? 0 : nil) else { return }
                        batch.removeAll(keepingCapacity: true)
                        tail = .unknown
                        pinned = false
                    } else {
                        // A record outside every group leaves the open group open.
                        tail = .known(keys.map(\.last) ?? before)
                        if batch.count >= maxBatch {
                            // One group spans more rows than a batch may hold: hand on what there
                            // is to the first worker, which keeps the group open for the next batch.
                            guard queue.submit(SourceBatch(records: batch, finishesGroups: false), for: 0) else { return }
                            batch.removeAll(keepingCapacity: true)
                            tail = .unknown
                            pinned = true
                        }
                    }
                }
            }
            batch.append(consume record)
            if let progress, reader.bytesRead - lastProgress > 8 << 20 {
                lastProgress = reader.bytesRead
                progress(reader.bytesRead, size)
            }
        }
        if !batch.isEmpty || anywhere || pinned { queue.submit(SourceBatch(records: batch, finishesGroups: true), for: pinned ? 0 : nil) }
    }

    /// The last group key of the records of a batch (nil when none is in a group).
    private func lastKey(of batch: [SourceRecord]) -> String? {
        for record in batch.reversed() {
            if let keys = keyer.groupKeys(record) { return keys.last }
        }
        return nil
    }
}
