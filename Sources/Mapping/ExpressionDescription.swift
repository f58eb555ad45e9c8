import Foundation

extension Expression {
    /// A one-line account of where a value comes from, for `mapping check`:
    /// `column 'power_kw' → number → round`.
    var summary: String {
        switch self {
        case .constant(let v):
            switch v {
            case .absent: return "nothing"
            case .list(let items): return "constants [" + items.compactMap(\.text).joined(separator: ", ") + "]"
            default: return "constant '\(v.text ?? "")'"
            }
        case .column(_, let name): return "column '\(name)'"
        case .path(let p): return "path '\(p.text)'"
        case .variable(let v): return "$\(v.rawValue)"
        case .template(let parts):
            return "template \"" + parts.map { part -> String in
                switch part {
                case .literal(let s): return s
                case .expression(let e, let optional):
                    switch e {
                    case .column(_, let name): return "{" + name + (optional ? "?" : "") + "}"
                    case .path(let p): return "{" + p.text + (optional ? "?" : "") + "}"
                    case .variable(let v): return "{$" + v.rawValue + "}"
                    case .constant(let v): return v.text ?? ""
                    default: return "{" + e.summary + (optional ? "?" : "") + "}"
                    }
                }
            }.joined() + "\""
        case .first(let options): return "first of (" + options.map(\.summary).joined(separator: " | ") + ")"
        case .product(let factors): return "product of (" + factors.map(\.summary).joined(separator: " × ") + ")"
        case .list(let items): return "[" + items.map(\.summary).joined(separator: ", ") + "]"
        case .pipeline(let source, let steps, let onError):
            return ([source.summary] + steps.map(\.summary)).joined(separator: " → ") + (onError == .drop ? " (on error: drop)" : "")
        case .remembered(let r, _): return r.pipeline.summary
        }
    }

    /// The source columns and paths the expression reads.
    var columns: [String] {
        switch self {
        case .column(_, let name): return [name]
        case .path(let p): return [p.text]
        case .template(let parts):
            return parts.flatMap { part -> [String] in
                if case .expression(let e, _) = part { return e.columns }
                return []
            }
        case .first(let list), .list(let list), .product(let list): return list.flatMap(\.columns)
        case .pipeline(let source, let steps, _): return source.columns + steps.flatMap(\.columns)
        case .remembered(let r, _): return r.pipeline.columns
        default: return []
        }
    }
}

extension Step {
    var summary: String {
        switch self {
        case .upper: "upper"
        case .lower: "lower"
        case .replace(let r, let with): with.isEmpty ? "remove /\(r.pattern)/" : "replace /\(r.pattern)/"
        case .prefix(let e): "prefix \(e.summary)"
        case .suffix(let e): "suffix \(e.summary)"
        case .split(let s): "split '\(s)'"
        case .splitPattern(let r): "split /\(r.pattern)/"
        case .join(let s): "join '\(s)'"
        case .table(let t): "table \(t.name)"
        case .number(let p): "number" + (p.unit.map { " in \($0.name)" } ?? "")
        case .multiply(let f): "× \(f)"
        case .round(let d, let m): "round \(m.rawValue)" + (d > 0 ? " to \(d) decimals" : "")
        case .range(let min, let max, let o): "range \(min.map { "\($0)" } ?? "…")..\(max.map { "\($0)" } ?? "…") (outside: \(o.rawValue))"
        case .when: "when …"
        case .defaultValue(let v): "default '\(v.text ?? v.kindName)'"
        case .required: "required"
        case .distinct: "distinct"
        case .equals(let v): "equals '\(v.text ?? "")'"
        case .matches(let r): "matches /\(r.pattern)/"
        case .bool: "bool"
        case .openingHours: "opening hours"
        case .coordinates(let o): "coordinates \(o.rawValue)"
        case .phone(let cc): "phone" + (cc.map { " (+\($0))" } ?? "")
        case .country: "country"
        case .evseID: "EvseID form"
        case .operatorID: "OperatorID form"
        case .poolID: "ChargingPoolID form"
        case .hash(let length, let repeats): "hash (\(length))" + (repeats == nil ? "" : " numbering repeats")
        case .date(let p): "date \(p.pattern)"
        case .capture(let r, let group): "capture " + (group.map { "\($0) of " } ?? "") + "/\(r.pattern)/"
        case .truncate(let n): "truncate \(n)"
        case .maxLength(let n): "at most \(n)"
        case .memo(let inner, _): inner.summary
        case .each(let e, _): "each (\(e.summary))"
        case .utcOffset: "UTC offset"
        case .kilowatts: "W → kW"
        case .ocpiOpeningHours: "OCPI opening times"
        }
    }

    var columns: [String] {
        switch self {
        case .prefix(let e), .suffix(let e): e.columns
        case .memo(let inner, _): inner.columns
        case .each(let e, _): e.columns
        default: []
        }
    }
}
