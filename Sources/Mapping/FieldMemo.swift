import ETLCore

/// What a field (a leaf or a whole object) made of the last few records, with what it read there:
/// the bytes of its CSV columns, the numbers of its scope objects (`$station`, `$location`). A
/// flattened export repeats the station's data on every row of the station (its address, position,
/// names), a tree export gives the records of one station the same scope object, and a few kinds
/// of charging facility recur on every station; so a record usually gives what was read shortly
/// before, and the field is then the one made before: a comparison instead of the expressions,
/// the remembered pipelines and the conversions.
///
/// Only for fields whose value depends on nothing but their columns and scope objects (see
/// `Expression.inputs`). A result is remembered only when computing it reported nothing (a
/// warning or a reason to reject must recur); what it counted (unknown values, rounded numbers) is
/// recorded and counted again on each hit, as the computation would have counted it. Each compiled
/// mapping is used by one thread, so the state needs no lock.
final class FieldMemo<Output>: DeferredCounts, @unchecked Sendable {
    /// The columns read, in order, without repeats.
    let columns: [Int]
    /// Whether the field reads columns, scope objects (kept apart from the lists: testing a list
    /// for emptiness counted a reference to it).
    private let readsColumns: Bool
    private let readsScopes: Bool

    // The remembered results, at most `ways`, replaced in turn; `last` is the one found or made
    // last. Entry `e`: the bytes of each column one after another (at the start of `keys[e]`,
    // which may be longer), the length of each (-1 when the row had no such column), the
    // record's combination of scope objects (`generations[e]`, see `PathCache`), the output and
    // what computing it counted.
    @exclusivity(unchecked) private var keys: [[UInt8]] = []
    @exclusivity(unchecked) private var lengths: [[Int]] = []
    @exclusivity(unchecked) private var generations: [Int] = []
    @exclusivity(unchecked) private var outputs: [Output?] = []
    @exclusivity(unchecked) private var events: [[MappingStatistics.Event]] = []
    @exclusivity(unchecked) private var last = 0
    @exclusivity(unchecked) private var next = 0
    /// One entry first (a station's fields repeat on the rows next to each other); eight when one
    /// serves under half the lookups of a trial (values that recur a few rows apart, such as the
    /// kinds of charging facility); off when eight do not serve half either. Trials follow one
    /// another, so a memo that served well and stops serving is judged again.
    @exclusivity(unchecked) private var ways = 1

    /// Lookups and hits in the present trial.
    @exclusivity(unchecked) private var lookups = 0
    @exclusivity(unchecked) private var hits = 0
    @exclusivity(unchecked) private var enabled = true
    private static var trial: Int { 256 }

    init(_ inputs: FieldInputs) {
        columns = inputs.columns
        readsColumns = !inputs.columns.isEmpty
        readsScopes = !inputs.scopes.isEmpty
    }

    /// A memo for a field with these inputs, or nil when the field depends on more (`nil`).
    static func make(_ inputs: FieldInputs?) -> FieldMemo? {
        guard let inputs, inputs.readsNoPath else { return nil }
        return FieldMemo(inputs)
    }

    /// A memo for a leaf field only when it reads no column (a constant, or scope objects only):
    /// a leaf reading one column is remembered by its pipeline and conversion already.
    static func leaf(_ inputs: FieldInputs?) -> FieldMemo? {
        guard let inputs, inputs.columns.isEmpty, inputs.readsNoPath else { return nil }
        return FieldMemo(inputs)
    }

    /// The field's output for the record in `ctx`: remembered when it read there what it read in
    /// a record shortly before, else computed by `compute`.
    @inline(__always) func callAsFunction(_ ctx: inout EvalContext, _ compute: (inout EvalContext) -> Output?) -> Output? {
        guard enabled else { return compute(&ctx) }
        lookups &+= 1
        if let e = find(ctx.row, readsScopes ? Self.generation(ctx) : 0) {
            hits &+= 1
            last = e
            if !events[e].isEmpty { countLater(e, ctx.statistics) }
            return outputs[e]
        }
        // Judged at the first miss of a full trial (a hit on the trial's last lookup must not
        // spare it): under half served widens or switches off, else another trial begins.
        if lookups >= Self.trial {
            if hits * 2 < lookups {
                widen()
            } else {
                lookups = 0
                hits = 0
            }
        }
        guard enabled else { return compute(&ctx) }
        return miss(ctx.row, &ctx, compute)
    }

    /// The number of the record's combination of scope objects; -1 outside a mapper.
    private static func generation(_ ctx: borrowing EvalContext) -> Int { ctx.cache?.generation ?? -1 }

    /// After a trial that served under half the lookups: eight entries, or off.
    private func widen() {
        lookups = 0
        hits = 0
        if ways == 1 && (readsColumns || readsScopes) {
            ways = 8
            return
        }
        if let owner { settle(into: owner) }
        enabled = false
        pending = []
        keys = []
        lengths = []
        generations = []
        outputs = []
        events = []
    }

    /// The entry for the record: the last one first.
    @inline(__always) private func find(_ row: CSVRow?, _ generation: Int) -> Int? {
        guard !outputs.isEmpty else { return nil }
        guard readsColumns else {
            if !readsScopes || generations[last] == generation { return last }
            return outputs.count == 1 ? nil : generations.firstIndex(of: generation)
        }
        guard let row else { return nil }
        if matches(row, generation, last) { return last }
        if outputs.count == 1 { return nil }
        for e in outputs.indices where e != last && matches(row, generation, e) { return e }
        return nil
    }

    private func miss(_ row: CSVRow?, _ ctx: inout EvalContext, _ compute: (inout EvalContext) -> Output?) -> Output? {
        let (result, counts) = ctx.recordingCounts(compute)
        // Outside a mapper records have no scope generation (-1): nothing is remembered for them.
        let generation = Self.generation(ctx)
        guard let recorded = counts, !readsColumns || row != nil, !readsScopes || generation >= 0 else { return result }
        let e: Int
        if outputs.count < ways {
            e = outputs.count
            keys.append([])
            lengths.append([])
            generations.append(generation)
            outputs.append(result)
            events.append(recorded)
            pending.append(0)
        } else {
            e = next
            next = (next + 1) % ways
            generations[e] = generation
            if pending[e] > 0 { settleEntry(e) }
            outputs[e] = result
            events[e] = recorded
        }
        if readsColumns, let row { store(row, in: e) }
        last = e
        return result
    }

    // Hits on entries that counted something, not counted yet: how many per entry, and the
    // statistics they belong to (see `DeferredCounts`; a hit replayed at once cost a statistics
    // update per event, on every record whose list of facilities was a rounded or dropped one).
    @exclusivity(unchecked) private var pending: [Int] = []
    @exclusivity(unchecked) private var owner: MappingStatistics?

    private func countLater(_ e: Int, _ statistics: MappingStatistics) {
        if statistics.isRecording {
            statistics.replay(events[e])
            return
        }
        if owner !== statistics {
            if let owner { settle(into: owner) }
            owner = statistics
            statistics.settleLater(self)
        }
        pending[e] += 1
    }

    /// Counts the deferred hits of entry `e`, before it is replaced.
    private func settleEntry(_ e: Int) {
        owner?.replay(events[e], times: pending[e])
        pending[e] = 0
    }

    func settle(into statistics: MappingStatistics) {
        guard owner === statistics else { return }
        for e in pending.indices where pending[e] > 0 { settleEntry(e) }
        owner = nil
    }

    /// Whether the row's columns (and the record's scope objects) are entry `e`'s.
    private func matches(_ row: CSVRow, _ generation: Int, _ e: Int) -> Bool {
        if readsScopes && generations[e] != generation { return false }
        return row.withStorage { bytes, bounds in
            keys[e].withUnsafeBufferPointer { key in
                lengths[e].withUnsafeBufferPointer { lengths in
                    var k = 0
                    for j in columns.indices {
                        let c = columns[j]
                        let length = lengths[j]
                        guard 2 * c + 1 < bounds.count else {
                            if length != -1 { return false }
                            continue
                        }
                        let start = Int(bounds[2 * c])
                        guard Int(bounds[2 * c + 1]) - start == length else { return false }
                        if length > 0 {
                            let field = UnsafeBufferPointer(rebasing: bytes[start..<(start + length)])
                            guard ByteKey.equal(field, UnsafeBufferPointer(rebasing: key[k..<(k + length)])) else { return false }
                            k += length
                        }
                    }
                    return true
                }
            }
        }
    }

    /// Remembers the bytes of the row's columns as entry `e`'s.
    private func store(_ row: CSVRow, in e: Int) {
        // Taken out of the lists while they are filled: writing through `keys[e]` checked the
        // outer list's uniqueness and looked the entry up for every column.
        var key: [UInt8] = []
        var length: [Int] = []
        swap(&key, &keys[e])
        swap(&length, &lengths[e])
        row.withStorage { bytes, bounds in
            var total = 0
            for c in columns where 2 * c + 1 < bounds.count { total += Int(bounds[2 * c + 1] &- bounds[2 * c]) }
            // Written in place, the key only ever grown (`matches` reads it by the lengths):
            // emptied and appended to column by column, the lists were checked and grown at each
            // step (a tenth of a station's first record).
            if key.count < total { key.append(contentsOf: repeatElement(0, count: total - key.count)) }
            if length.count != columns.count { length = Array(repeating: 0, count: columns.count) }
            key.withUnsafeMutableBufferPointer { key in
                length.withUnsafeMutableBufferPointer { length in
                    var at = 0
                    for j in columns.indices {
                        let c = columns[j]
                        guard 2 * c + 1 < bounds.count else {
                            length[j] = -1
                            continue
                        }
                        let start = Int(bounds[2 * c])
                        let n = Int(bounds[2 * c + 1]) - start
                        length[j] = n
                        if n > 0 { (key.baseAddress! + at).update(from: bytes.baseAddress! + start, count: n) }
                        at += n
                    }
                }
            }
        }
        swap(&key, &keys[e])
        swap(&length, &lengths[e])
    }
}

