import ETLCore

/// What a field (a leaf or a whole object) made of the last row, and the bytes of the columns it
/// read there. A flattened export repeats the station's data on every row of the station (its
/// address, position, names, operator), so the next row usually gives the same bytes, and the
/// field is then the one made before: one comparison instead of the expressions, the remembered
/// pipelines and the conversions.
///
/// Only for fields whose value depends on nothing but the bytes of their columns (see
/// `Expression.inputColumns`). A result is remembered only when computing it reported nothing (a
/// warning or a reason to reject must recur); what it counted (unknown values, rounded numbers) is
/// recorded and counted again on each hit, as the computation would have counted it. Each compiled
/// mapping is used by one thread, so the state needs no lock.
final class ColumnMemo<Output>: @unchecked Sendable {
    /// The columns read, in order, without repeats.
    let columns: [Int]
    /// The bytes of each column at the last row, one after another.
    @exclusivity(unchecked) private var key: [UInt8] = []
    /// The length of each column's bytes at the last row; -1 when the row had no such column.
    @exclusivity(unchecked) private var lengths: [Int]
    @exclusivity(unchecked) private var valid = false
    @exclusivity(unchecked) private var output: Output?
    @exclusivity(unchecked) private var events: [MappingStatistics.Event] = []

    init(columns: [Int]) {
        var unique: [Int] = []
        for c in columns where !unique.contains(c) { unique.append(c) }
        self.columns = unique
        lengths = Array(repeating: -1, count: unique.count)
    }

    /// Lookups and hits so far: a memo that serves fewer than half its lookups (fields that change
    /// on every row) costs more than it saves and is switched off.
    @exclusivity(unchecked) private var lookups = 0
    @exclusivity(unchecked) private var hits = 0
    @exclusivity(unchecked) private var enabled = true
    private static var trial: Int { 256 }

    /// A memo for a field reading these columns, or nil when the field depends on more than
    /// columns (`nil` input).
    static func make(_ columns: [Int]?) -> ColumnMemo? { columns.map(ColumnMemo.init) }

    /// A memo for a leaf field only when it reads no column at all (a constant): a leaf reading
    /// one column is remembered by its pipeline and conversion already.
    static func constant(_ columns: [Int]?) -> ColumnMemo? { columns == [] ? ColumnMemo(columns: []) : nil }

    /// The field's output for the record in `ctx`: remembered when the columns hold the bytes they
    /// held last time, else computed by `compute`.
    @inline(__always) func callAsFunction(_ ctx: inout EvalContext, _ compute: (inout EvalContext) -> Output?) -> Output? {
        guard enabled else { return compute(&ctx) }
        let row = ctx.row
        lookups &+= 1
        if valid && (columns.isEmpty || (row.map(matches) ?? false)) {
            hits &+= 1
            if !events.isEmpty { ctx.statistics.replay(events) }
            return output
        }
        if lookups == Self.trial && hits * 2 < lookups {
            enabled = false
            valid = false
            output = nil
            return compute(&ctx)
        }
        return miss(row, &ctx, compute)
    }

    private func miss(_ row: CSVRow?, _ ctx: inout EvalContext, _ compute: (inout EvalContext) -> Output?) -> Output? {
        let issues = ctx.issues.count
        let rejections = ctx.rejections
        let outer = ctx.statistics.startRecording()
        let result = compute(&ctx)
        let recorded = ctx.statistics.stopRecording(restoring: outer)
        guard ctx.issues.count == issues, ctx.rejections == rejections, columns.isEmpty || row != nil else {
            valid = false
            return result
        }
        if let row { store(row) }
        output = result
        events = recorded
        valid = true
        return result
    }

    /// Whether the row's columns hold the remembered bytes.
    private func matches(_ row: CSVRow) -> Bool {
        row.withStorage { bytes, bounds in
            key.withUnsafeBufferPointer { key in
                lengths.withUnsafeBufferPointer { lengths in
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

    /// Remembers the bytes of the row's columns.
    private func store(_ row: CSVRow) {
        key.removeAll(keepingCapacity: true)
        row.withStorage { bytes, bounds in
            for j in columns.indices {
                let c = columns[j]
                guard 2 * c + 1 < bounds.count else {
                    lengths[j] = -1
                    continue
                }
                let start = Int(bounds[2 * c])
                let end = Int(bounds[2 * c + 1])
                lengths[j] = end - start
                key.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            }
        }
    }
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
            var out: [Int] = []
            for case .expression(let e, _) in parts {
                guard let c = e.inputColumns else { return nil }
                out += c
            }
            return out
        case .first(let list), .list(let list), .product(let list):
            var out: [Int] = []
            for e in list {
                guard let c = e.inputColumns else { return nil }
                out += c
            }
            return out
        case .pipeline(let source, let steps, _):
            return steps.allSatisfy(\.dependsOnTextOnly) ? source.inputColumns : nil
        case .remembered(let r):
            return r.steps.allSatisfy(\.dependsOnTextOnly) ? r.source.inputColumns : nil
        }
    }
}
