import ETLCore
import Foundation
import Readers
import Yams

/// A mapping file, read and checked, before it is compiled against an input.
///
/// Loading checks everything that does not depend on the input file: the `version` key,
/// unknown keys (with their line and key path), the input options, parameters and tables.
/// Compiling (``MappingCompiler``) checks the rest once the input's columns are known, still
/// before the first record is read.
public struct MappingDocument: @unchecked Sendable {
    public let file: String
    public let name: String?
    public let description: String?
    public let input: InputSpec
    public let parameters: [ParameterSpec]
    let records: MappingNode?
    /// `records.path`: where records are inside each item of a tree input (`evses[*]`).
    public let recordPath: String?
    /// `records.enclosing`: the scope name records reach their item by (`location`).
    public let enclosing: String
    /// `records.enclosing` for XML: scope names and the enclosing elements they stand for.
    public let enclosingElements: [XMLOptions.Scope]
    let operatorNode: MappingNode?
    /// Per-operator defaults (`operators:`).
    let operatorsNode: MappingNode?
    let evse: MappingNode
    let tables: [String: ValueTable]

    /// The mapping language version this build reads.
    public static let supportedVersion = 1
    static let topLevelKeys = ["version", "name", "description", "input", "parameters", "records", "operator", "operators", "evse", "tables"]
    static let maxFileBytes = 4 << 20
    static let maxNodes = 200_000

    public static func load(path: String) throws -> MappingDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw Diagnostic.error(exists ? (isDirectory.boolValue ? "the mapping is a directory, not a file" : "cannot read the mapping file")
                : "the mapping file does not exist", rule: "mapping.unreadable", file: path)
        }
        guard data.count <= maxFileBytes else {
            throw Diagnostic.error("the mapping file is larger than \(maxFileBytes >> 20) MiB", rule: "mapping.too-large", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic.error("the mapping file is not UTF-8 text", rule: "mapping.encoding", file: path)
        }
        return try parse(yaml: text, file: path)
    }

    public static func parse(yaml: String, file: String) throws -> MappingDocument {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw Diagnostic.error("the mapping file is empty", rule: "mapping.invalid", file: file, line: 1)
            }
            root = node
        } catch let error as Diagnostic {
            throw error
        } catch let error as YamlError {
            throw yamlDiagnostic(error, file: file)
        } catch {
            throw Diagnostic.error("not valid YAML: \(error)", rule: "mapping.yaml", file: file)
        }
        var budget = maxNodes
        guard countNodes(root, budget: &budget) else {
            throw Diagnostic.error("the mapping file expands to more than \(maxNodes) nodes (YAML aliases?)", rule: "mapping.too-large", file: file)
        }
        let top = MappingNode(node: root, path: "", file: file)
        let members = try top.members(allowed: topLevelKeys)
        guard let versionNode = top["version"] else {
            throw Diagnostic(.error, rule: "mapping.version", "the mapping file has no 'version:' key; add 'version: 1' at the top", file: file, line: 1)
        }
        guard case .int(let version)? = versionNode.scalar, version == supportedVersion else {
            throw versionNode.error("unsupported mapping version \(versionNode.shapeName); this oicp-etl reads version \(supportedVersion)",
                rule: "mapping.version")
        }
        guard let evse = top["evse"] else {
            throw Diagnostic(.error, rule: "mapping.invalid", "the mapping file has no 'evse:' section (the OICP fields to fill)", file: file, line: 1)
        }
        _ = members
        let input = try InputSpec(top["input"])
        if input.format == .xml && top["records"]?["path"] == nil {
            throw Diagnostic(.error, rule: "mapping.invalid", "XML input needs records.path: the element that is one record (such as refillPoint)",
                file: file, line: top["input"]?.line ?? 1)
        }
        return MappingDocument(
            file: file,
            name: try top["name"]?.string(),
            description: try top["description"]?.string(),
            input: input,
            parameters: try ParameterSpec.list(top["parameters"]),
            records: top["records"],
            recordPath: try top["records"]?["path"]?.string(),
            enclosing: try top["records"]?["enclosing"].map { $0.isMapping ? "parent" : try $0.string() } ?? "parent",
            enclosingElements: try enclosingElements(top["records"]?["enclosing"], format: input.format),
            operatorNode: top["operator"],
            operatorsNode: top["operators"],
            evse: evse,
            tables: try TableLoader.tables(top["tables"]))
    }

    /// `enclosing: { station: energyInfrastructureStation, site: energyInfrastructureSite }`: XML
    /// records reach enclosing elements by name; JSON takes one name for the item.
    private static func enclosingElements(_ node: MappingNode?, format: InputSpec.Format) throws -> [XMLOptions.Scope] {
        guard let node else { return [] }
        if format == .xml {
            guard node.isMapping else {
                throw node.error("for XML, name each enclosing element: enclosing: { station: energyInfrastructureStation }")
            }
            return try node.members().map { name, value in
                if !value.isMapping { return XMLOptions.Scope(name: name, element: try value.string()) }
                var element: String?
                var partial = false
                for (k, v) in try value.members(allowed: ["element", "partial"]) {
                    if k == "element" { element = try v.string() } else { partial = try v.bool() }
                }
                guard let element else { throw value.error("the scope '\(name)' needs its element: { element: Operator, partial: true }") }
                return XMLOptions.Scope(name: name, element: element, partial: partial)
            }
        }
        guard !node.isMapping else { throw node.error("enclosing takes one name for the item (such as location); element names are for XML input") }
        return []
    }

    /// Counts nodes (following aliases) up to `budget`; false when there are more.
    private static func countNodes(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch node {
        case .mapping(let m):
            for (k, v) in m where !countNodes(k, budget: &budget) || !countNodes(v, budget: &budget) { return false }
        case .sequence(let s):
            for v in s where !countNodes(v, budget: &budget) { return false }
        default: break
        }
        return true
    }

    private static func yamlDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(.error, rule: "mapping.yaml", "not valid YAML: \(problem)", file: file, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(.error, rule: "mapping.yaml", "the key '\(duplicates.joined(separator: "', '"))' appears twice in one mapping",
                file: file, line: context.mark.line, column: context.mark.column)
        default:
            return Diagnostic.error("not valid YAML: \(error)", rule: "mapping.yaml", file: file)
        }
    }
}

/// The `input:` section: which reader and how it reads.
public struct InputSpec: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case csv
        case json
        case xml
    }

    public var format: Format = .csv
    public var csv = CSVOptions()
    /// (JSON) `keys: snake_case`: camelCase keys are read in snake_case.
    public var snakeCaseKeys = false
    /// Limits that apply to JSON (and XML) input: nesting, text and item size.
    public var maxDepth: Int?
    public var maxTextBytes: Int?
    public var maxRecordBytes: Int?
    /// A larger input file stops the run (`input.too-large`).
    public var maxFileBytes: Int = 1 << 40
    /// Namespaces and limits of XML input (the record path and scopes come from `records`).
    public var xml = XMLOptions()
    /// The decimal separator `number: true` uses.
    var decimal: NumberParser.DecimalSeparator = .point
    static let keys = ["format", "delimiter", "quote", "encoding", "skip_lines", "header", "ragged", "max_field_bytes", "decimal", "namespaces",
                       "max_depth", "max_text_bytes", "keys", "max_record_bytes", "max_record_nodes", "max_file_bytes"]

    init(_ node: MappingNode?) throws {
        guard let node else { return }
        for (key, value) in try node.members(allowed: Self.keys) {
            switch key {
            case "format":
                guard let f = Format(rawValue: try value.string().lowercased()) else {
                    throw value.error("format must be one of \(Format.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                format = f
            case "delimiter": csv.delimiter = try value.character()
            case "quote": csv.quote = try value.character()
            case "encoding":
                let s = try value.string()
                guard let e = TextEncoding(name: s) else {
                    throw value.error("unknown encoding '\(s)'; use one of \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                csv.encoding = e
            case "skip_lines":
                csv.skipLines = try value.int()
                guard csv.skipLines >= 0 else { throw value.error("skip_lines cannot be negative") }
            case "header": csv.hasHeader = try value.bool()
            case "ragged":
                guard let p = CSVOptions.RaggedPolicy(rawValue: try value.string()) else {
                    throw value.error("ragged must be one of \(CSVOptions.RaggedPolicy.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                csv.raggedRows = p
            case "max_field_bytes":
                csv.maxFieldBytes = try value.int()
                guard csv.maxFieldBytes > 0 else { throw value.error("max_field_bytes must be positive") }
            case "namespaces":
                for (prefix, uri) in try value.members() {
                    let u = try uri.string()
                    guard !u.isEmpty else { throw uri.error("the namespace of '\(prefix)' is empty; give its URI") }
                    guard !xml.namespaces.values.contains(u) else { throw uri.error("the namespace \(u) has two prefixes") }
                    xml.namespaces[prefix] = u
                }
            case "keys":
                let v = try value.string()
                guard v == "snake_case" || v == "as_written" else {
                    throw value.error("keys takes snake_case (camelCase keys are read as snake_case) or as_written")
                }
                snakeCaseKeys = v == "snake_case"
            case "max_depth":
                xml.maxDepth = try value.int()
                guard xml.maxDepth > 0 else { throw value.error("max_depth must be positive") }
                maxDepth = xml.maxDepth
            case "max_text_bytes":
                xml.maxTextBytes = try value.int()
                guard xml.maxTextBytes > 0 else { throw value.error("max_text_bytes must be positive") }
                maxTextBytes = xml.maxTextBytes
            case "max_record_bytes":
                let n = try value.int()
                guard n > 0 else { throw value.error("max_record_bytes must be positive") }
                maxRecordBytes = n
                csv.maxRecordBytes = n
            case "max_record_nodes":
                xml.maxNodes = try value.int()
                guard xml.maxNodes > 0 else { throw value.error("max_record_nodes must be positive") }
            case "max_file_bytes":
                maxFileBytes = try value.int()
                guard maxFileBytes > 0 else { throw value.error("max_file_bytes must be positive") }
            case "decimal":
                guard let d = NumberParser.DecimalSeparator(rawValue: try value.string()) else {
                    throw value.error("decimal must be '.', ',' or auto")
                }
                decimal = d
            default: break
            }
        }
    }
}

/// A parameter the mapping takes (`--set name=value`).
public struct ParameterSpec: Sendable {
    public let name: String
    public let required: Bool
    public let defaultValue: String?
    public let description: String?
    let line: Int?

    static func list(_ node: MappingNode?) throws -> [ParameterSpec] {
        guard let node else { return [] }
        return try node.members().map { name, value in
            if value.isScalar {
                return ParameterSpec(name: name, required: false, defaultValue: try value.string(), description: nil, line: value.line)
            }
            var required = false
            var defaultValue: String?
            var description: String?
            for (k, v) in try value.members(allowed: ["required", "default", "description"]) {
                switch k {
                case "required": required = try v.bool()
                case "default": defaultValue = try v.string()
                default: description = try v.string()
                }
            }
            return ParameterSpec(name: name, required: required, defaultValue: defaultValue, description: description, line: value.line)
        }
    }
}
