import Foundation
import OICP

/// Reads the `tables:` section.
enum TableLoader {
    static let keys = ["values", "patterns", "collect", "unknown", "default", "match", "description"]

    static func tables(_ node: MappingNode?) throws -> [String: ValueTable] {
        guard let node else { return [:] }
        var out: [String: ValueTable] = [:]
        for (name, value) in try node.members() {
            out[name] = try table(name, value)
        }
        return out
    }

    /// A table's values; OICP spellings are kept as the literals (copying them counts nothing).
    static func targets(_ node: MappingNode) throws -> [String] {
        if node.isSequence { return try node.items().map { EnumerationLiterals.canonical(try $0.string()) } }
        if case .null? = node.scalar { return [] }
        return [EnumerationLiterals.canonical(try node.string())]
    }

    static func table(_ name: String, _ node: MappingNode) throws -> ValueTable {
        var matching = ValueTable.Matching.normalized
        var unknown = ValueTable.UnknownPolicy.reject
        var defaultValues: [String]?
        var values: [(String, [String])] = []
        var patterns: [(NSRegularExpression, [String])] = []
        var collect = false
        for (key, value) in try node.members(allowed: keys) {
            switch key {
            case "collect":
                collect = try value.bool()
            case "values":
                for (k, v) in try value.members() { values.append((k, try targets(v))) }
            case "patterns":
                for item in try value.items() {
                    var pattern: NSRegularExpression?
                    var to: [String] = []
                    for (k, v) in try item.members(allowed: ["match", "value"]) {
                        if k == "match" {
                            let p = try v.string()
                            do { pattern = try NSRegularExpression(pattern: p) } catch {
                                throw v.error("'\(p)' is not a valid regular expression", rule: "mapping.syntax")
                            }
                        } else {
                            to = try targets(v)
                        }
                    }
                    guard let pattern else { throw item.error("a pattern needs 'match' (a regular expression) and 'value'") }
                    patterns.append((pattern, to))
                }
            case "unknown":
                switch try value.string() {
                case "reject": unknown = .reject
                case "drop": unknown = .drop
                case "keep": unknown = .keep
                case "default": unknown = .substitute([])
                default: throw value.error("unknown must be reject, drop, keep or default")
                }
            case "default":
                defaultValues = try targets(value)
            case "match":
                guard let m = ValueTable.Matching(rawValue: try value.string()) else { throw value.error("match must be exact or normalized") }
                matching = m
            default: break
            }
        }
        if case .substitute = unknown {
            guard let defaultValues else { throw node.error("unknown: default needs a 'default:' value") }
            unknown = .substitute(defaultValues)
        } else if defaultValues != nil, unknown == .reject {
            unknown = .substitute(defaultValues!)
        }
        if values.isEmpty && patterns.isEmpty { throw node.error("table '\(name)' has no values and no patterns") }
        if collect && patterns.isEmpty { throw node.error("collect: true needs patterns") }
        return ValueTable(name: name, matching: matching, unknown: unknown, values: values, patterns: patterns, collect: collect)
    }
}
