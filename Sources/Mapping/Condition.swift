import Foundation

/// A compiled condition (`when:` and `records.select`), such as
/// `{status} != 'REMOVED' and {power_kw} >= 3.7`.
indirect enum Condition: @unchecked Sendable {
    case truthy(Expression)
    case compare(Expression, Comparison, Expression)
    case matches(Expression, TextPattern, negated: Bool)
    case isIn(Expression, [Expression])
    case isEmpty(Expression, negated: Bool)
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)

    enum Comparison: String {
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
    }

    func evaluate(_ context: inout EvalContext, field: String) -> Bool {
        switch self {
        case .truthy(let e):
            return Self.truthiness(e.evaluate(&context, field: field))
        case .compare(let a, let op, let b):
            return Self.compare(a.evaluate(&context, field: field), op, b.evaluate(&context, field: field))
        case .matches(let e, let regex, let negated):
            let v = e.evaluate(&context, field: field)
            let texts = v.items.compactMap(\.text)
            let hit = texts.contains { regex.matches($0) }
            return hit != negated
        case .isIn(let e, let options):
            let v = e.evaluate(&context, field: field)
            for o in options where Self.compare(v, .equal, o.evaluate(&context, field: field)) { return true }
            return false
        case .isEmpty(let e, let negated):
            return e.evaluate(&context, field: field).isAbsent != negated
        case .not(let c):
            return !c.evaluate(&context, field: field)
        case .and(let a, let b):
            return a.evaluate(&context, field: field) && b.evaluate(&context, field: field)
        case .or(let a, let b):
            return a.evaluate(&context, field: field) || b.evaluate(&context, field: field)
        }
    }

    static let trueWords: Set<String> = ["true", "t", "yes", "y", "1", "oui", "vrai", "ja", "wahr", "x", "si", "sí", "on"]
    static let falseWords: Set<String> = ["false", "f", "no", "n", "0", "non", "faux", "nein", "falsch", "off", "-"]

    /// Nothing is false; booleans are themselves; numbers are true unless 0; text is false when it
    /// is a word for false (`false`, `no`, `0`, `non`, `nein`, …), true otherwise.
    static func truthiness(_ v: Value) -> Bool {
        switch v {
        case .absent: return false
        case .bool(let b): return b
        case .number(let n): return n != 0
        case .text(let t): return !falseWords.contains(t.lowercased())
        case .list(let items): return items.contains(where: truthiness)
        case .coordinates, .hours, .node: return true
        }
    }

    /// Numbers compare as numbers (when both sides read as numbers), everything else as text.
    static func compare(_ a: Value, _ op: Comparison, _ b: Value) -> Bool {
        if case .list(let items) = a { return items.contains { compare($0, op, b) } }
        if let x = number(a), let y = number(b) {
            switch op {
            case .equal: return x == y
            case .notEqual: return x != y
            case .less: return x < y
            case .lessOrEqual: return x <= y
            case .greater: return x > y
            case .greaterOrEqual: return x >= y
            }
        }
        let x = a.text ?? ""
        let y = b.text ?? ""
        switch op {
        case .equal: return x == y
        case .notEqual: return x != y
        case .less: return x < y
        case .lessOrEqual: return x <= y
        case .greater: return x > y
        case .greaterOrEqual: return x >= y
        }
    }

    static func number(_ v: Value) -> Double? {
        switch v {
        case .number(let n): return n
        case .text(let t): return Double(t)
        default: return nil
        }
    }
}
