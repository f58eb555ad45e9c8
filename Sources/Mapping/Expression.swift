import ETLCore
import OICP

/// A compiled mapping expression: where a value comes from and the steps applied to it.
indirect enum Expression: @unchecked Sendable {
    case constant(Value)
    /// A CSV column, by position (resolved against the header when the mapping is compiled).
    case column(Int, name: String)
    /// A path into a tree record (JSON, XML).
    case path(SourcePath)
    case variable(Variable)
    case template([TemplatePart])
    /// The first of the expressions that has a value.
    case first([Expression])
    /// The product of the expressions' numbers (no value when one has none).
    case product([Expression])
    /// Every expression's value, concatenated into one list.
    case list([Expression])
    case pipeline(Expression, [Step], onError: Step.FailurePolicy)
    /// A pipeline over one column or path whose steps depend on nothing but the text: its
    /// results are remembered per text (exports repeat a few values in most columns). Made by
    /// ``remembering(_:)``; the second value is the same object, unmanaged, which evaluation
    /// calls without counting a reference to it (an atomic operation per field and record).
    case remembered(RememberedPipeline, Unmanaged<RememberedPipeline>)

    static func remembering(_ pipeline: RememberedPipeline) -> Expression {
        .remembered(pipeline, .passUnretained(pipeline))
    }

    enum Variable: String, CaseIterable {
        /// The record number in the file.
        case row
        /// The line the record starts on.
        case line
        /// The input file name.
        case file
        /// The value being transformed (in `when` conditions of a step).
        case value
    }

    enum TemplatePart {
        case literal(String)
        /// A reference; an optional one (`{name?}`) reads as empty text when it has no value.
        case expression(Expression, optional: Bool)
    }

    /// Whether the expression reads the source record (as opposed to constants only).
    var readsSource: Bool {
        switch self {
        case .constant: false
        case .column, .path: true
        case .variable(let v): v != .value
        case .template(let parts):
            parts.contains { if case .expression(let e, _) = $0 { e.readsSource } else { false } }
        case .first(let list), .list(let list), .product(let list): list.contains(where: \.readsSource)
        case .pipeline(let source, _, _): source.readsSource
        case .remembered(let r, _): r.source.readsSource
        }
    }
}

/// Evaluation state for one record.
struct EvalContext {
    let record: SourceRecord
    /// The record's row, taken out once (reading a column then costs no reference counting).
    let row: CSVRow?
    let version: OICPVersion
    let statistics: MappingStatistics
    /// Values of `$scope` paths for the current scope objects.
    let cache: PathCache?
    /// The value being transformed, for `{$value}` in step conditions.
    var current: Value = .absent
    /// The object an `each` is at: paths without a `$scope` start from it.
    var item: SourceNode?
    var issues: [RecordIssue] = []
    var rejected = false
    /// How many reasons to reject were recorded (a pipeline stops at its own first one).
    var rejections = 0

    init(record: SourceRecord, version: OICPVersion, statistics: MappingStatistics, cache: PathCache? = nil) {
        self.record = record
        if case .row(let r) = record.content { row = r } else { row = nil }
        self.version = version
        self.statistics = statistics
        self.cache = cache
    }

    /// Calls `body` with the bytes of column `index` of the record's row (nil without one).
    func withField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        row?.withField(index, body) ?? nil
    }

    mutating func reject(_ rule: String, field: String, _ message: String, value: String? = nil) {
        rejected = true
        rejections += 1
        issues.append(RecordIssue(.reject, rule: rule, field: field, message: message, value: value))
    }

    mutating func warn(_ rule: String, field: String, _ message: String, value: String? = nil) {
        issues.append(RecordIssue(.warning, rule: rule, field: field, message: message, value: value))
    }

    /// How much the record has reported and counted so far. A computation after which it is
    /// unchanged added no warning, no reason to reject and no count: its result may be remembered
    /// and given again without one.
    struct Reports: Equatable {
        let issues: Int
        let rejections: Int
        let events: Int
    }

    var reports: Reports { Reports(issues: issues.count, rejections: rejections, events: statistics.eventCount) }

    /// Runs `compute`, recording what it counts: its result, and the counts when it reported
    /// nothing (nil when it warned or rejected — a memo keeps no such result, so that its messages
    /// recur; what it counted is counted again on each hit).
    @inline(__always) mutating func recordingCounts<T>(_ compute: (inout EvalContext) -> T) -> (result: T, counts: [MappingStatistics.Event]?) {
        let issuesBefore = issues.count
        let rejectionsBefore = rejections
        let outer = statistics.startRecording()
        let result = compute(&self)
        let recorded = statistics.stopRecording(restoring: outer)
        guard issues.count == issuesBefore, rejections == rejectionsBefore else { return (result, nil) }
        return (result, recorded)
    }
}

extension Expression {
    /// Evaluates the expression for the record in `context`. `field` names the target in messages.
    func evaluate(_ context: inout EvalContext, field: String) -> Value {
        switch self {
        case .constant(let v):
            return v
        case .column(let index, _):
            guard let row = context.row else { return .absent }
            // Most fields need no trimming: decided on the bytes, before any text is made.
            let plain = row.withField(index) { b -> Value? in
                guard let first = b.first else { return .absent }
                guard Self.isPlainEdge(first) && Self.isPlainEdge(b[b.count - 1]) else { return nil }
                return .text(String(decoding: b, as: UTF8.self))
            }
            guard let plain else { return .absent }
            if let plain { return plain }
            return row.text(at: index).map(Self.cleaned) ?? .absent
        case .path(let path):
            return path.evaluate(context)
        case .variable(let v):
            switch v {
            case .row: return .number(Double(context.record.provenance.recordNumber))
            case .line: return .number(Double(context.record.provenance.line))
            case .file: return .text(context.record.provenance.file)
            case .value: return context.current
            }
        case .template(let parts):
            var out = ""
            for part in parts {
                switch part {
                case .literal(let s): out += s
                case .expression(let e, let optional):
                    let v = e.evaluate(&context, field: field)
                    if v.isAbsent {
                        if optional { continue }
                        return .absent  // a template with a missing part has no value
                    }
                    if let t = v.text {
                        out += t
                    } else {
                        out += v.items.compactMap(\.text).joined(separator: ",")
                    }
                }
            }
            return out.isEmpty ? .absent : .text(out)
        case .first(let options):
            for option in options {
                let v = option.evaluate(&context, field: field)
                if !v.isAbsent { return v }
            }
            return .absent
        case .product(let factors):
            var result = 1.0
            for f in factors {
                let v = f.evaluate(&context, field: field)
                switch v {
                case .number(let n): result *= n
                case .text(let t):
                    guard let n = Double(t.replacingOccurrences(of: ",", with: ".")), n.isFinite else {
                        context.reject("mapping.number", field: field, "'\(t)' is not a number", value: t)
                        return .absent
                    }
                    result *= n
                default: return .absent
                }
            }
            return .number(result)
        case .list(let items):
            var out: [Value] = []
            for item in items { out.append(contentsOf: item.evaluate(&context, field: field).items) }
            return out.isEmpty ? .absent : .list(out)
        case .pipeline(let source, let steps, let onError):
            let rejections = context.rejections
            let input = source.evaluate(&context, field: field)
            return Self.run(steps, on: input, onError, since: rejections, &context, field)
        case .remembered(_, let r):
            return r._withUnsafeGuaranteedRef { $0.evaluate(&context, field: field) }
        }
    }

    /// The steps of a pipeline applied to its source's value; no value once a step (or the
    /// source) has added a reason to reject since `rejections`.
    static func run(_ steps: [Step], on input: Value, _ onError: Step.FailurePolicy, since rejections: Int, _ context: inout EvalContext,
                            _ field: String) -> Value {
        var value = input
        for step in steps {
            value = step.apply(value, &context, field: field, onError: onError)
            if context.rejections != rejections { return .absent }
        }
        return value
    }

    /// Whether a first or last byte shows the text needs no trimming: a visible ASCII character.
    /// Anything else (a space, a control character, any byte of a multi-byte character, which
    /// could be a no-break or ideographic space) goes to the full Unicode trim.
    @inline(__always) static func isPlainEdge(_ b: UInt8) -> Bool { b > 0x20 && b < 0x7F }

    /// Source text trimmed of surrounding white space; empty text is no value.
    static func cleaned(_ text: String) -> Value {
        let utf8 = text.utf8
        guard let first = utf8.first else { return .absent }
        if isPlainEdge(first) && isPlainEdge(utf8[utf8.index(before: utf8.endIndex)]) { return .text(text) }
        let trimmed = text.trimmingWhitespace()
        return trimmed.isEmpty ? .absent : .text(trimmed)
    }
}

extension StringProtocol {
    /// Without leading and trailing white space (including no-break spaces).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
