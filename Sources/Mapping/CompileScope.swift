import ETLCore

/// What the compiler knows while it turns mapping text into expressions: the input's columns,
/// the parameter values and the current explode variable.
struct CompileScope {
    enum InputFormat: String, CaseIterable {
        case csv
        case json
        case xml
    }

    let format: InputFormat
    /// The CSV header, when the input is known; columns then resolve to positions.
    let header: CSVHeader?
    /// Parameter values (`--set name=value` or declared defaults).
    let parameters: [String: String]
    /// Explode variables and their value for the plan being compiled (`i` → `2`).
    var variables: [String: String] = [:]
    /// Columns and paths the mapping reads, with the mapping key that reads them.
    let usage: ColumnUsage

    /// `{$name}`: a variable, an explode variable or a parameter.
    func variable(_ name: String, at node: MappingNode) throws -> Expression {
        if let v = variables[name] { return .constant(.text(v)) }
        if let p = parameters[name] { return p.isEmpty ? .constant(.absent) : .constant(.text(p)) }
        if let builtin = Expression.Variable(rawValue: name) { return .variable(builtin) }
        var known = Expression.Variable.allCases.map { "$" + $0.rawValue }
        known += parameters.keys.sorted().map { "$" + $0 }
        known += variables.keys.sorted().map { "$" + $0 }
        var message = "unknown variable '$\(name)'"
        if let s = Suggest.closest(to: "$" + name, in: known) { message += "; did you mean '\(s)'?" }
        message += " (declare parameters under 'parameters:')"
        throw node.error(message, rule: "mapping.unknown-variable")
    }

    /// Replaces `{$name}` inside a column name or path (`Steckertypen{$i}` → `Steckertypen2`).
    func expandName(_ name: String, at node: MappingNode) throws -> String {
        guard name.contains("{$") else { return name }
        var out = ""
        var rest = Substring(name)
        while let open = rest.range(of: "{$") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                throw node.error("'{$' without '}' in '\(name)'", rule: "mapping.syntax")
            }
            let v = String(rest[open.upperBound..<close])
            guard let value = variables[v] ?? parameters[v] else {
                throw node.error("unknown variable '$\(v)' in '\(name)'", rule: "mapping.unknown-variable")
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// A column (CSV) or a path (JSON, XML) by name.
    func column(_ rawName: String, at node: MappingNode) throws -> Expression {
        let name = try expandName(rawName, at: node)
        if format == .csv && !name.hasPrefix("$") {
            if let header {
                if let i = header.position(of: name) {
                    if header.duplicates.contains(name) {
                        throw node.error("column '\(name)' appears more than once in the header; the mapping cannot tell which one is meant",
                            rule: "mapping.ambiguous-column")
                    }
                    usage.add(name, node.path)
                    return .column(i, name: name)
                }
                if let n = Int(name), n >= 1, n <= header.names.count {
                    usage.add(header.names[n - 1], node.path)
                    return .column(n - 1, name: header.names[n - 1])
                }
                var message = "unknown column '\(name)'"
                if let s = Suggest.closest(to: name, in: header.names) {
                    message += "; did you mean '\(s)'?"
                } else {
                    message += "; the file's columns are: \(header.names.prefix(40).joined(separator: ", "))"
                }
                throw node.error(message, rule: "mapping.unknown-column")
            }
            usage.add(name, node.path)
            return .path(try path(name, at: node, literalKey: true))
        }
        usage.add(name, node.path)
        return .path(try path(name, at: node, literalKey: false))
    }

    private func path(_ text: String, at node: MappingNode, literalKey: Bool) throws -> SourcePath {
        if literalKey { return SourcePath(key: text) }
        return try parsePath(text, at: node)
    }

    private func parsePath(_ text: String, at node: MappingNode) throws -> SourcePath {
        do {
            return try SourcePath(parsing: text)
        } catch {
            throw node.error(error.message, rule: "mapping.syntax")
        }
    }
}

/// Which columns the mapping reads, and from which keys (for `mapping check`).
public final class ColumnUsage: @unchecked Sendable {
    public private(set) var keysByColumn: [String: [String]] = [:]
    public private(set) var order: [String] = []
    /// Whether a step counts across the records of the run (`hash: { repeats: number }`): such a
    /// mapping must see the records in input order on one thread.
    public private(set) var countsAcrossRecords = false

    func noteCountAcrossRecords() { countsAcrossRecords = true }

    func add(_ column: String, _ key: String) {
        if keysByColumn[column] == nil { order.append(column) }
        if !(keysByColumn[column]?.contains(key) ?? false) { keysByColumn[column, default: []].append(key) }
    }
}
