import ETLCore
import OICP
import Readers

/// Compiles a ``MappingDocument`` against an input's columns and the parameter values.
public enum MappingCompiler {
    /// - Parameters:
    ///   - header: the CSV header (nil for tree inputs, or to check a mapping without a file).
    ///   - parameters: `--set` values; each must be declared, and required ones must be given.
    public static func compile(_ document: MappingDocument, header: CSVHeader?, parameters given: [String: String]) throws -> CompiledMapping {
        let file = document.file
        var parameters: [String: String] = [:]
        for p in document.parameters {
            if let v = given[p.name] {
                parameters[p.name] = v
            } else if let d = p.defaultValue {
                parameters[p.name] = d
            } else if p.required {
                throw Diagnostic(.error, rule: "mapping.parameter",
                    "the mapping needs the parameter '\(p.name)'\(p.description.map { " (\($0))" } ?? ""); give it with --set \(p.name)=VALUE",
                    file: file, line: p.line, field: "parameters.\(p.name)")
            } else {
                parameters[p.name] = ""
            }
        }
        for name in given.keys.sorted() where !document.parameters.contains(where: { $0.name == name }) {
            var message = "--set \(name): the mapping declares no parameter '\(name)'"
            if let s = Suggest.closest(to: name, in: document.parameters.map(\.name)) { message += "; did you mean '\(s)'?" }
            if document.parameters.isEmpty { message += " (it declares none)" }
            throw Diagnostic(.error, rule: "mapping.parameter", message, file: file)
        }

        let format: CompileScope.InputFormat = switch document.input.format {
        case .csv: .csv
        case .json: .json
        case .xml: .xml
        }
        let usage = ColumnUsage()
        // Tables keep a cache of the values they looked up: each compiled mapping (one per mapping
        // thread) has its own.
        let tables = document.tables.mapValues { $0.withOwnCache() }
        let baseScope = CompileScope(format: format, header: header, parameters: parameters, usage: usage)

        var select: Condition?
        var explodeVariable: String?
        var explodeValues: [String] = []
        var explodeWhen: MappingNode?
        var groupBy: MappingNode?
        var adjacent = true
        var mergePolicies: [String: MergePolicy] = [:]
        if let records = document.records {
            for (key, value) in try records.members(allowed: ["path", "enclosing", "select", "explode", "group"]) {
                switch key {
                case "select":
                    select = try ReferenceParser(scope: baseScope, node: value).condition(try value.string())
                case "explode":
                    explodeVariable = "i"
                    var from: Int?
                    var to: Int?
                    for (k, v) in try value.members(allowed: ["var", "values", "from", "to", "when"]) {
                        switch k {
                        case "var": explodeVariable = try v.string()
                        case "values": explodeValues = try v.items().map { try $0.string() }
                        case "from": from = try v.int()
                        case "to": to = try v.int()
                        default: explodeWhen = v
                        }
                    }
                    if let from, let to {
                        guard from <= to, to - from < 1000 else { throw value.error("explode from/to must give 1 to 1000 values") }
                        explodeValues = (from...to).map(String.init)
                    }
                    guard !explodeValues.isEmpty else { throw value.error("explode needs 'values: [...]' or 'from' and 'to'") }
                case "group":
                    for (k, v) in try value.members(allowed: ["by", "adjacent", "merge"]) {
                        switch k {
                        case "by": groupBy = v
                        case "adjacent": adjacent = try v.bool()
                        default:
                            for (field, policyNode) in try v.members() {
                                guard TargetCatalog.record.contains(where: { $0.name == field }) else {
                                    throw unknownFieldError(policyNode, "unknown field '\(field)' in group.merge")
                                }
                                guard let p = MergePolicy(rawValue: try policyNode.string()) else {
                                    throw policyNode.error("merge policy must be one of \(MergePolicy.allCases.map(\.rawValue).joined(separator: ", "))")
                                }
                                if p != .first && TargetCatalog.merger(for: field) == nil {
                                    throw policyNode.error("\(field) is not a list; only 'first' applies to it")
                                }
                                mergePolicies[field] = p
                            }
                        }
                    }
                    guard groupBy != nil else { throw value.error("group needs 'by' (the value that identifies one EVSE)") }
                default:
                    // path and enclosing are the reader's.
                    if format == .csv { throw value.error("records.\(key) applies to JSON and XML input, not CSV") }
                }
            }
        }

        let variableValues: [String?] = explodeValues.isEmpty ? [nil] : explodeValues
        var slots: [CompiledMapping.Slot] = []
        for v in variableValues {
            var scope = baseScope
            if let name = explodeVariable, let v { scope.variables[name] = v }
            let expressions = ExpressionCompiler(scope: scope, tables: tables, decimal: document.input.decimal)
            let compiler = TargetCompiler(expressions: expressions)
            let references = ReferenceParser(scope: scope, node: explodeWhen ?? document.evse)
            let when = try explodeWhen.map { try references.condition(try $0.string()) }
            let groupKey = try groupBy.map { node -> Expression in
                if let s = node.scalar, case .string(let text) = s { return try ReferenceParser(scope: scope, node: node).template(text) }
                return try expressions.compile(node)
            }
            var operatorID: Expression?
            var operatorName: Expression?
            if let op = document.operatorNode {
                for (k, value) in try op.members(allowed: ["id", "name"]) {
                    if k == "id" { operatorID = try expressions.compile(value) } else { operatorName = try expressions.compile(value) }
                }
            }
            guard operatorID != nil else {
                throw Diagnostic(.error, rule: "mapping.invalid", "the mapping has no 'operator: { id: … }' (the OperatorID of each record's bundle)",
                    file: file, line: document.operatorNode?.line ?? 1, field: "operator.id")
            }
            let fields = try compiler.fields(document.evse, targets: TargetCatalog.record, path: "")
            var mergeFields: [(field: CompiledField<EvseDataRecord>, policy: MergePolicy, merge: MergeRun.Merge)] = []
            for f in fields {
                let policy = mergePolicies[f.name] ?? TargetCatalog.defaultMerge(f.name)
                if policy != .first, let m = TargetCatalog.merger(for: f.name) { mergeFields.append((f, policy, m)) }
            }
            slots.append(CompiledMapping.Slot(variable: v, when: when, groupKey: groupKey, operatorID: operatorID, operatorName: operatorName,
                fields: fields, mergeFields: mergeFields))
        }
        let compiled = CompiledMapping(document: document, parameters: parameters, select: select, slots: slots,
            grouping: groupBy == nil ? nil : .init(adjacent: adjacent), columnUsage: usage)
        if let operators = document.operatorsNode {
            let expressions = ExpressionCompiler(scope: baseScope, tables: tables, decimal: document.input.decimal)
            for (id, node) in try operators.members() {
                guard Patterns.isOperatorID(id) else {
                    throw node.error("'\(id)' is not an OperatorID (such as DE*ABC)", rule: "mapping.invalid")
                }
                var name: String?
                var fields: [CompiledField<EvseDataRecord>] = []
                for (k, v) in try node.members(allowed: ["name", "evse"]) {
                    if k == "name" {
                        name = try v.string()
                    } else {
                        fields = try TargetCompiler(expressions: expressions).fields(v, targets: TargetCatalog.record, path: "")
                    }
                }
                compiled.operatorDefaults[Patterns.operatorKey(id)] = .init(name: name, fields: fields)
            }
        }
        return compiled
    }
}
