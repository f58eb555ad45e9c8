import ETLCore
import Yams

/// A node of a mapping file with the key path and line it was found at, for error messages.
///
/// Scalars follow YAML 1.2's core schema, not YAML 1.1: only `true`/`false` are booleans, so
/// `Country: NO` stays the text `NO`, and quoted scalars are always text.
struct MappingNode {
    let node: Node
    /// The key path, such as `evse.Address.City` or `tables.plugs.values`.
    let path: String
    let file: String

    var line: Int? { node.mark?.line }

    func error(_ message: String, rule: String = "mapping.invalid") -> Diagnostic {
        Diagnostic(.error, rule: rule, message, file: file, line: line, field: path.isEmpty ? nil : path)
    }

    func child(_ key: String, _ node: Node) -> MappingNode {
        MappingNode(node: node, path: path.isEmpty ? key : "\(path).\(key)", file: file)
    }

    func item(_ index: Int, _ node: Node) -> MappingNode {
        MappingNode(node: node, path: "\(path)[\(index)]", file: file)
    }

    // MARK: - Shapes

    var isMapping: Bool { node.mapping != nil }
    var isSequence: Bool { node.sequence != nil }
    var isScalar: Bool { node.scalar != nil }

    /// The members of a mapping, in file order.
    func members() throws -> [(key: String, value: MappingNode)] {
        guard let mapping = node.mapping else { throw error("expected a mapping of keys to values, found \(shapeName)") }
        var out: [(String, MappingNode)] = []
        for (k, v) in mapping {
            guard let key = k.scalar?.string else { throw error("keys must be plain text") }
            out.append((key, child(key, v)))
        }
        return out
    }

    /// The members, checking that each key is one of `allowed`.
    func members(allowed: [String]) throws -> [(key: String, value: MappingNode)] {
        let m = try members()
        for (key, value) in m where !allowed.contains(key) {
            throw unknownKey(key, at: value, allowed: allowed)
        }
        return m
    }

    func unknownKey(_ key: String, at value: MappingNode, allowed: [String]) -> Diagnostic {
        var message = "unknown key '\(key)'"
        if let suggestion = Suggest.closest(to: key, in: allowed) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; allowed here: \(allowed.joined(separator: ", "))"
        }
        let line = (node.mapping?.first(where: { $0.key.scalar?.string == key })?.key.mark?.line) ?? value.line
        return Diagnostic(.error, rule: "mapping.unknown-key", message, file: file, line: line, field: value.path)
    }

    subscript(key: String) -> MappingNode? {
        guard let mapping = node.mapping else { return nil }
        for (k, v) in mapping where k.scalar?.string == key { return child(key, v) }
        return nil
    }

    func items() throws -> [MappingNode] {
        guard let seq = node.sequence else { throw error("expected a list, found \(shapeName)") }
        return seq.enumerated().map { item($0, $1) }
    }

    var shapeName: String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar: "'\(node.scalar?.string ?? "")'"
        case .alias: "an alias"
        }
    }

    // MARK: - Scalars

    enum Scalar: Equatable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
    }

    /// The scalar under YAML 1.2 core rules.
    var scalar: Scalar? {
        guard let s = node.scalar else { return nil }
        if s.style != .plain { return .string(s.string) }
        switch s.string {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let i = Int(s.string) { return .int(i) }
        if s.string.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true, let d = Double(s.string), d.isFinite {
            return .double(d)
        }
        return .string(s.string)
    }

    /// The scalar as text (numbers and booleans as written).
    func string() throws -> String {
        guard let s = node.scalar else { throw error("expected a text value, found \(shapeName)") }
        return s.string
    }

    func bool() throws -> Bool {
        guard case .bool(let b) = scalar else { throw error("expected true or false, found \(shapeName)") }
        return b
    }

    func int() throws -> Int {
        guard case .int(let i) = scalar else { throw error("expected a whole number, found \(shapeName)") }
        return i
    }

    func number() throws -> Double {
        switch scalar {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: throw error("expected a number, found \(shapeName)")
        }
    }

    /// A single character such as a delimiter (`\t` and `tab` name the tab).
    func character() throws -> UInt8 {
        let s = try string()
        switch s {
        case "\t", "\\t", "tab", "TAB": return 0x09
        default:
            guard s.utf8.count == 1, let b = s.utf8.first else { throw error("expected a single ASCII character, found '\(s)'") }
            return b
        }
    }
}

/// Spelling suggestions for unknown keys and names.
enum Suggest {
    /// The candidate nearest to `word` (edit distance ≤ 2, or equal ignoring case and separators).
    static func closest(to word: String, in candidates: [String]) -> String? {
        let key = normalized(word)
        if let same = candidates.first(where: { normalized($0) == key }) { return same }
        var best: (String, Int)?
        for c in candidates {
            let d = distance(word.lowercased(), c.lowercased())
            if d <= max(1, min(2, word.count / 3)), best == nil || d < best!.1 { best = (c, d) }
        }
        return best?.0
    }

    static func normalized(_ s: String) -> String {
        s.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " }
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = prev
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
