import ETLCore

/// What a field (a leaf or a whole object) made of the last few rows, with the bytes of the
/// columns it read there. A flattened export repeats the station's data on every row of the
/// station (its address, position, names), and a few kinds of charging facility on every
/// station, so a row usually gives bytes seen shortly before, and the field is then the one made
/// before: a comparison instead of the expressions, the remembered pipelines and the conversions.
///
/// Only for fields whose value depends on nothing but the bytes of their columns (see
/// `Expression.inputColumns`). A result is remembered only when computing it reported nothing (a
/// warning or a reason to reject must recur); what it counted (unknown values, rounded numbers) is
/// recorded and counted again on each hit, as the computation would have counted it. Each compiled
/// mapping is used by one thread, so the state needs no lock.
final class ColumnMemo<Output>: @unchecked Sendable {
    /// The columns read, in order, without repeats.
    let columns: [Int]

    // The remembered results, at most `ways`, replaced in turn; `last` is the one found or made
    // last. Entry `e`: the bytes of each column one after another (`keys[e]`), the length of
    // each (-1 when the row had no such column), the output and what computing it counted.
    @exclusivity(unchecked) private var keys: [[UInt8]] = []
    @exclusivity(unchecked) private var lengths: [[Int]] = []
    @exclusivity(unchecked) private var outputs: [Output?] = []
    @exclusivity(unchecked) private var events: [[MappingStatistics.Event]] = []
    @exclusivity(unchecked) private var last = 0
    @exclusivity(unchecked) private var next = 0
    /// One entry first (a station's fields repeat on the rows next to each other); eight when one
    /// serves under half the lookups (values that recur a few rows apart, such as the kinds of
    /// charging facility); off when eight do not serve half either.
    @exclusivity(unchecked) private var ways = 1

    /// Lookups and hits in the present trial.
    @exclusivity(unchecked) private var lookups = 0
    @exclusivity(unchecked) private var hits = 0
    @exclusivity(unchecked) private var enabled = true
    private static var trial: Int { 256 }

    init(columns: [Int]) {
        var unique: [Int] = []
        for c in columns where !unique.contains(c) { unique.append(c) }
        self.columns = unique
    }

    /// A memo for a field reading these columns, or nil when the field depends on more than
    /// columns (`nil` input).
    static func make(_ columns: [Int]?) -> ColumnMemo? { columns.map(ColumnMemo.init) }

    /// A memo for a leaf field only when it reads no column at all (a constant): a leaf reading
    /// one column is remembered by its pipeline and conversion already.
    static func constant(_ columns: [Int]?) -> ColumnMemo? { columns == [] ? ColumnMemo(columns: []) : nil }

    /// The field's output for the record in `ctx`: remembered when the columns hold bytes they
    /// held in a row shortly before, else computed by `compute`.
    @inline(__always) func callAsFunction(_ ctx: inout EvalContext, _ compute: (inout EvalContext) -> Output?) -> Output? {
        guard enabled else { return compute(&ctx) }
        lookups &+= 1
        if let e = find(ctx.row) {
            hits &+= 1
            last = e
            if !events[e].isEmpty { ctx.statistics.replay(events[e]) }
            return outputs[e]
        }
        if lookups == Self.trial && hits * 2 < lookups { widen() }
        guard enabled else { return compute(&ctx) }
        return miss(ctx.row, &ctx, compute)
    }

    /// After a trial that served under half the lookups: eight entries, or off.
    private func widen() {
        lookups = 0
        hits = 0
        if ways == 1 && !columns.isEmpty {
            ways = 8
            return
        }
        enabled = false
        keys = []
        lengths = []
        outputs = []
        events = []
    }

    /// The entry for the row's bytes: the last one first.
    @inline(__always) private func find(_ row: CSVRow?) -> Int? {
        guard !outputs.isEmpty else { return nil }
        if columns.isEmpty { return 0 }
        guard let row else { return nil }
        if matches(row, last) { return last }
        if outputs.count == 1 { return nil }
        for e in outputs.indices where e != last && matches(row, e) { return e }
        return nil
    }

    private func miss(_ row: CSVRow?, _ ctx: inout EvalContext, _ compute: (inout EvalContext) -> Output?) -> Output? {
        let issues = ctx.issues.count
        let rejections = ctx.rejections
        let outer = ctx.statistics.startRecording()
        let result = compute(&ctx)
        let recorded = ctx.statistics.stopRecording(restoring: outer)
        guard ctx.issues.count == issues, ctx.rejections == rejections, columns.isEmpty || row != nil else { return result }
        let e: Int
        if outputs.count < ways {
            e = outputs.count
            keys.append([])
            lengths.append([])
            outputs.append(result)
            events.append(recorded)
        } else {
            e = next
            next = (next + 1) % ways
            outputs[e] = result
            events[e] = recorded
        }
        if let row { store(row, in: e) }
        last = e
        return result
    }

    /// Whether the row's columns hold the bytes of entry `e`.
    private func matches(_ row: CSVRow, _ e: Int) -> Bool {
        row.withStorage { bytes, bounds in
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
                            guard StepCache.equal(field, UnsafeBufferPointer(rebasing: key[k..<(k + length)])) else { return false }
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
        keys[e].removeAll(keepingCapacity: true)
        lengths[e].removeAll(keepingCapacity: true)
        row.withStorage { bytes, bounds in
            for c in columns {
                guard 2 * c + 1 < bounds.count else {
                    lengths[e].append(-1)
                    continue
                }
                let start = Int(bounds[2 * c])
                let end = Int(bounds[2 * c + 1])
                lengths[e].append(end - start)
                keys[e].append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            }
        }
    }
}

/// The columns of all the parts together, or nil when a part depends on more than columns.
func allColumns(_ parts: some Sequence<[Int]?>) -> [Int]? {
    var out: [Int] = []
    for part in parts {
        guard let c = part else { return nil }
        out += c
    }
    return out
}

extension Expression {
    /// The CSV columns the value depends on, when it depends on nothing else (constants, columns
    /// and steps that look at nothing but their input); nil when it may depend on more: a path,
    /// the record number, a condition or a prefix reading other fields.
    var inputColumns: [Int]? {
        switch self {
        case .constant: return []
        case .column(let index, _): return [index]
        case .path, .variable: return nil
        case .template(let parts):
            return allColumns(parts.lazy.map { part -> [Int]? in
                if case .expression(let e, _) = part { return e.inputColumns }
                return []
            })
        case .first(let list), .list(let list), .product(let list): return allColumns(list.lazy.map(\.inputColumns))
        case .pipeline(let source, let steps, _): return steps.allSatisfy(\.dependsOnTextOnly) ? source.inputColumns : nil
        case .remembered(let r, _): return r.pipeline.inputColumns
        }
    }
}
