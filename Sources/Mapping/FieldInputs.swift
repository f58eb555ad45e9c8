/// What a field's value depends on, when that is nothing but CSV columns, scope objects
/// (`$station.…`, `$location.…`) and paths from the object it is evaluated at: the key under which
/// a `FieldMemo` (columns and scopes) or an `ItemMemo` (the items of an `each`: paths and scopes)
/// remembers it. A field that reads anything else (the record number, the line) has no such inputs
/// (nil).
struct FieldInputs: Equatable {
    /// CSV columns, by position, without repeats.
    var columns: [Int] = []
    /// Scope objects, by name, without repeats.
    var scopes: [String] = []
    /// Paths without a scope, by their text, without repeats: they start at the item of an
    /// `each` (or at the record, outside one).
    var paths: [SourcePath] = []

    static func == (a: FieldInputs, b: FieldInputs) -> Bool {
        a.columns == b.columns && a.scopes == b.scopes && a.paths.map(\.text) == b.paths.map(\.text)
    }

    /// Whether a `FieldMemo` can key the value: it reads no path from the record or item.
    var readsNoPath: Bool { paths.isEmpty }

    /// Nothing: a constant.
    static let none = FieldInputs()

    /// The inputs of both.
    func union(_ other: FieldInputs) -> FieldInputs {
        var out = self
        for c in other.columns where !out.columns.contains(c) { out.columns.append(c) }
        for s in other.scopes where !out.scopes.contains(s) { out.scopes.append(s) }
        for p in other.paths where !out.paths.contains(where: { $0.text == p.text }) { out.paths.append(p) }
        return out
    }

    /// The inputs of all the parts together, or nil when a part depends on more.
    static func all(_ parts: some Sequence<FieldInputs?>) -> FieldInputs? {
        var out = FieldInputs.none
        for part in parts {
            guard let p = part else { return nil }
            out = out.union(p)
        }
        return out
    }
}

extension Expression {
    /// What the value depends on, when it depends on nothing but constants, CSV columns, scope
    /// objects, paths from the item or record, and steps that look at nothing else; nil when it
    /// may depend on more: the record number, the line or the file.
    var inputs: FieldInputs? { inputs(inItem: false, value: false) }

    /// `inItem`: evaluated for the items of an `each` step, whose paths start at the item (which
    /// the step's input gives: they are not inputs of the field). `value`: inside a step's `when`
    /// condition, where `$value` is the step's input.
    func inputs(inItem: Bool, value: Bool) -> FieldInputs? {
        switch self {
        case .constant: return FieldInputs.none
        case .column(let index, _): return FieldInputs(columns: [index])
        case .path(let path):
            guard let scope = path.scope else { return inItem ? FieldInputs.none : FieldInputs(paths: [path]) }
            return scope == "record" ? nil : FieldInputs(scopes: [scope])
        case .variable(let v): return v == .value && value ? FieldInputs.none : nil
        case .template(let parts):
            return FieldInputs.all(parts.lazy.map { part -> FieldInputs? in
                if case .expression(let e, _) = part { return e.inputs(inItem: inItem, value: value) }
                return FieldInputs.none
            })
        case .first(let list), .list(let list), .product(let list):
            return FieldInputs.all(list.lazy.map { $0.inputs(inItem: inItem, value: value) })
        case .pipeline(let source, let steps, _):
            return FieldInputs.all([source.inputs(inItem: inItem, value: value)] + steps.map { $0.inputs(inItem: inItem) })
        case .remembered(let r, _): return r.pipeline.inputs(inItem: inItem, value: value)
        }
    }
}

extension Step {
    /// What the step reads besides its input (see `Expression.inputs`); nil when it may read the
    /// record or depend on earlier records (`hash` numbering repeats).
    func inputs(inItem: Bool) -> FieldInputs? {
        switch self {
        case .prefix(let e), .suffix(let e): return e.inputs(inItem: inItem, value: false)
        case .when(let condition): return condition.inputs(inItem: inItem)
        case .each(let e, _): return e.inputs(inItem: true, value: false)
        case .hash(_, let repeats): return repeats == nil ? FieldInputs.none : nil
        case .memo(let inner, _): return inner.inputs(inItem: inItem)
        default: return dependsOnTextOnly || isPureOnNodes ? FieldInputs.none : nil
        }
    }

    /// Steps that read their input only, which may be an object (`ocpiOpeningHours`).
    private var isPureOnNodes: Bool {
        if case .ocpiOpeningHours = self { return true }
        return false
    }
}

extension Condition {
    /// What the condition reads, with `$value` as the step's input (see `Expression.inputs`).
    func inputs(inItem: Bool) -> FieldInputs? {
        switch self {
        case .truthy(let e), .matches(let e, _, _), .isEmpty(let e, _): return e.inputs(inItem: inItem, value: true)
        case .compare(let a, _, let b): return FieldInputs.all([a, b].map { $0.inputs(inItem: inItem, value: true) })
        case .isIn(let e, let options): return FieldInputs.all(([e] + options).map { $0.inputs(inItem: inItem, value: true) })
        case .not(let c): return c.inputs(inItem: inItem)
        case .and(let a, let b), .or(let a, let b): return FieldInputs.all([a.inputs(inItem: inItem), b.inputs(inItem: inItem)])
        }
    }
}
