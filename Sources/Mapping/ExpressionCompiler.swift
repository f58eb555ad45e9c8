import Foundation
import OICP

/// Turns the YAML of one value (`{ column: power_kw, number: true, round: true }`) into an
/// ``Expression``.
///
/// A plain scalar is a constant; a list is the concatenation of its items' values; a mapping
/// names its source with one of ``sourceKeys`` and lists transforms, applied in the order written.
struct ExpressionCompiler {
    var scope: CompileScope
    let tables: [String: ValueTable]
    /// The decimal separator `number: true` uses (`input.decimal`).
    let decimal: NumberParser.DecimalSeparator

    static let sourceKeys = ["column", "path", "const", "template", "param", "first", "product"]
    static let stepKeys = [
        "upper", "lower", "replace", "remove", "prefix", "suffix", "split", "join", "table", "number", "multiply", "divide",
        "round", "range", "when", "default", "required", "distinct", "equals", "matches", "bool", "opening_hours",
        "coordinates", "phone", "country", "evse_id", "operator_id", "pool_id", "hash", "date", "capture", "truncate", "max_length",
        "each", "utc_offset", "kilowatts",
    ]
    static let modifierKeys = ["on_error", "description"]

    /// Whether a YAML mapping is an expression (names a source) rather than an object of fields.
    static func isExpression(_ node: MappingNode) -> Bool {
        guard let m = try? node.members() else { return false }
        return m.contains { sourceKeys.contains($0.key) }
    }

    func compile(_ node: MappingNode) throws -> Expression { try compile(node, excluding: []) }

    /// Compiles a value, leaving out the given keys of a mapping (the caller handles them).
    func compile(_ node: MappingNode, excluding: Set<String>) throws -> Expression {
        if let scalar = node.scalar {
            return .constant(Self.value(of: scalar))
        }
        if node.isSequence {
            return .list(try node.items().map(compile))
        }
        let members = try node.members().filter { !excluding.contains($0.key) }
        let sources = members.filter { Self.sourceKeys.contains($0.key) }
        guard sources.count == 1 else {
            if sources.isEmpty {
                if let unknown = members.first(where: { !Self.stepKeys.contains($0.key) && !Self.modifierKeys.contains($0.key) }) {
                    throw node.unknownKey(unknown.key, at: unknown.value, allowed: Self.sourceKeys + Self.stepKeys + Self.modifierKeys)
                }
                throw node.error("no source for this value: give one of \(Self.sourceKeys.joined(separator: ", "))", rule: "mapping.no-source")
            }
            throw node.error("more than one source (\(sources.map(\.key).joined(separator: ", "))); use 'first: [...]' to take the first that has a value",
                rule: "mapping.invalid")
        }
        let source = try compileSource(sources[0].key, sources[0].value)
        var steps: [Step] = []
        var onError = Step.FailurePolicy.reject
        for (key, value) in members where key != sources[0].key {
            if key == "description" { continue }
            if key == "on_error" {
                let s = try value.string()
                guard let p = Step.FailurePolicy(rawValue: s) else {
                    throw value.error("on_error must be one of \(Step.FailurePolicy.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                onError = p
                continue
            }
            guard Self.stepKeys.contains(key) else {
                throw node.unknownKey(key, at: value, allowed: Self.sourceKeys + Self.stepKeys + Self.modifierKeys)
            }
            if let step = try compileStep(key, value) { steps.append(step.isMemoizable ? .memo(step, StepCache()) : step) }
        }
        if steps.isEmpty {
            // A bare CSV column is remembered too: a value seen before (a city, an operator's
            // name) then costs a lookup by its bytes instead of a new string.
            if case .column = source { return .remembering(RememberedPipeline(source: source, steps: [], onError: onError)) }
            return source
        }
        let pipeline = Expression.pipeline(source, steps, onError: onError)
        switch source {
        case .column, .path: return steps.allSatisfy(\.dependsOnTextOnly) ? .remembering(RememberedPipeline(source: source, steps: steps, onError: onError)) : pipeline
        default: return pipeline
        }
    }

    static func value(of scalar: MappingNode.Scalar) -> Value {
        switch scalar {
        case .null: .absent
        case .bool(let b): .bool(b)
        case .int(let i): .number(Double(i))
        case .double(let d): .number(d)
        // An OICP spelling is kept as the literal (see EnumerationLiterals).
        case .string(let s): s.isEmpty ? .absent : .text(EnumerationLiterals.canonical(s))
        }
    }

    private func compileSource(_ key: String, _ node: MappingNode) throws -> Expression {
        switch key {
        case "column", "path":
            if case .int(let n)? = node.scalar { return try scope.column(String(n), at: node) }
            return try scope.column(try node.string(), at: node)
        case "const":
            if node.isSequence { return .constant(.list(try node.items().map { Self.value(of: try scalarOf($0)) })) }
            return .constant(Self.value(of: try scalarOf(node)))
        case "template":
            return try ReferenceParser(scope: scope, node: node).template(try node.string())
        case "param":
            return try scope.variable(try node.string(), at: node)
        case "first":
            return .first(try node.items().map(compile))
        case "product":
            return .product(try node.items().map(compile))
        default:
            fatalError("unreachable: \(key)")
        }
    }

    /// A dialling code: digits, or a parameter (`"{$country_code}"`) whose value is digits.
    private func countryCode(_ node: MappingNode) throws -> String {
        var text = try node.string()
        if text.contains("{") {
            guard case .constant(let v) = try ReferenceParser(scope: scope, node: node).template(text), let t = v.text else {
                throw node.error("the country code must be digits, a country or a parameter such as {$country_code}")
            }
            text = t
        }
        if text.contains(where: \.isLetter) {
            guard let alpha3 = CountryResolver.alpha3(text) else {
                throw node.error("'\(text)' is neither a dialling code such as 49 or +33 nor a country")
            }
            guard let code = DiallingCodes.code(alpha3: alpha3) else {
                throw node.error("the dialling code of \(alpha3) is not known here; write it in digits, such as 49 or +33")
            }
            return code
        }
        let digits = text.filter { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 4 else { throw node.error("'\(text)' is not a dialling code such as 49 or +33") }
        return digits
    }

    private func scalarOf(_ node: MappingNode) throws -> MappingNode.Scalar {
        guard let s = node.scalar else { throw node.error("expected a single value, found \(node.shapeName)") }
        return s
    }

    private func textPattern(_ node: MappingNode, _ pattern: String) throws -> TextPattern {
        do {
            return try TextPattern(pattern)
        } catch {
            throw node.error("'\(pattern)' is not a valid regular expression", rule: "mapping.syntax")
        }
    }

    /// A pattern for the steps that run on ICU throughout (`replace`, `remove`, `split`).
    private func regex(_ node: MappingNode, _ pattern: String) throws -> NSRegularExpression {
        try textPattern(node, pattern).regex
    }

    /// The flag value of `upper: true`; false leaves the step out.
    private func flag(_ node: MappingNode) throws -> Bool { try node.bool() }

    private func compileStep(_ key: String, _ node: MappingNode) throws -> Step? {
        switch key {
        case "upper": return try flag(node) ? .upper : nil
        case "lower": return try flag(node) ? .lower : nil
        case "distinct": return try flag(node) ? .distinct : nil
        case "bool": return try flag(node) ? .bool : nil
        case "evse_id": return try flag(node) ? .evseID : nil
        case "operator_id": return try flag(node) ? .operatorID : nil
        case "pool_id": return try flag(node) ? .poolID : nil
        case "hash":
            if case .bool(let b)? = node.scalar { return b ? .hash(length: 12, repeats: nil) : nil }
            var length = 12
            var repeats: RepeatCounter?
            for (k, v) in try node.members(allowed: ["length", "repeats"]) {
                if k == "length" {
                    length = try v.int()
                    guard (4...16).contains(length) else { throw v.error("hash length must be 4 to 16") }
                } else {
                    switch try v.string() {
                    case "number":
                        repeats = RepeatCounter()
                        scope.usage.noteCountAcrossRecords()
                    case "same": repeats = nil
                    default: throw v.error("repeats must be number (a repeated value gets *2, *3, …) or same")
                    }
                }
            }
            return .hash(length: length, repeats: repeats)
        case "date":
            let pattern = try node.string()
            guard let parser = DateParser(pattern: pattern) else {
                throw node.error("'\(pattern)' is not a date pattern (use dd, MM, yy or yyyy, and optionally HH, mm, ss)")
            }
            return .date(parser)
        case "country":
            if case .bool(let b)? = node.scalar { return b ? .country : nil }
            guard try node.string() == "alpha3" else { throw node.error("country takes true (or alpha3): it gives ISO 3166-1 alpha-3 codes") }
            return .country
        case "opening_hours":
            if case .bool(let b)? = node.scalar { return b ? .openingHours : nil }
            switch try node.string() {
            case "osm": return .openingHours
            case "ocpi": return .ocpiOpeningHours
            default: throw node.error("opening_hours takes true (or osm), or ocpi for OCPI opening_times objects")
            }
        case "each":
            let e = try compile(node)
            return .each(e, ItemMemo.make(e.inputs))
        case "utc_offset": return try flag(node) ? .utcOffset : nil
        case "kilowatts": return try flag(node) ? .kilowatts : nil
        case "replace":
            let m = try node.members(allowed: ["pattern", "with"])
            guard let p = m.first(where: { $0.key == "pattern" }) else { throw node.error("replace needs a 'pattern'") }
            let with = try m.first(where: { $0.key == "with" })?.value.string() ?? ""
            return .replace(try regex(p.value, try p.value.string()), with: with)
        case "remove":
            return .replace(try regex(node, try node.string()), with: "")
        case "prefix": return .prefix(try ReferenceParser(scope: scope, node: node).template(try node.string()))
        case "suffix": return .suffix(try ReferenceParser(scope: scope, node: node).template(try node.string()))
        case "split":
            if node.isMapping {
                let m = try node.members(allowed: ["pattern"])
                guard let p = m.first else { throw node.error("split needs a separator text or { pattern: regex }") }
                return .splitPattern(try regex(p.value, try p.value.string()))
            }
            let s = try node.string()
            guard !s.isEmpty else { throw node.error("split needs a non-empty separator") }
            return .split(s)
        case "join": return .join(try node.string())
        case "table":
            let name = try node.string()
            guard let table = tables[name] else {
                var message = "unknown table '\(name)'"
                if let s = Suggest.closest(to: name, in: tables.keys.sorted()) { message += "; did you mean '\(s)'?" }
                throw node.error(message, rule: "mapping.unknown-table")
            }
            return .table(table)
        case "number":
            var parser = NumberParser(decimal: decimal)
            if case .bool(let b)? = node.scalar { return b ? .number(parser) : nil }
            for (k, v) in try node.members(allowed: ["decimal", "unit", "assume"]) {
                switch k {
                case "decimal":
                    let s = try v.string()
                    guard let d = NumberParser.DecimalSeparator(rawValue: s) else { throw v.error("decimal must be '.', ',' or auto") }
                    parser.decimal = d
                case "unit", "assume":
                    let s = try v.string()
                    guard let u = NumberParser.Unit.named(s) else {
                        throw v.error("unknown unit '\(s)'; known: \(NumberParser.Unit.all.map(\.name).joined(separator: ", "))")
                    }
                    if k == "unit" { parser.unit = u } else { parser.assumedUnit = u }
                default: break
                }
            }
            if parser.assumedUnit != nil && parser.unit == nil { throw node.error("'assume' needs a 'unit' to convert to") }
            if let a = parser.assumedUnit, let u = parser.unit, a.quantity != u.quantity {
                throw node.error("cannot assume \(a.name) for values converted to \(u.name)")
            }
            return .number(parser)
        case "multiply": return .multiply(try node.number())
        case "divide":
            let d = try node.number()
            guard d != 0 else { throw node.error("cannot divide by 0") }
            return .multiply(1 / d)
        case "round":
            switch node.scalar {
            case .bool(let b)?: return b ? .round(decimals: 0, mode: .halfUp) : nil
            case .int(let n)?:
                guard (0...9).contains(n) else { throw node.error("round takes 0 to 9 decimals") }
                return .round(decimals: n, mode: .halfUp)
            case .string(let s)?:
                guard let mode = RoundingMode(rawValue: s) else {
                    throw node.error("rounding mode must be one of \(RoundingMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return .round(decimals: 0, mode: mode)
            default:
                var decimals = 0
                var mode = RoundingMode.halfUp
                for (k, v) in try node.members(allowed: ["decimals", "mode"]) {
                    if k == "decimals" {
                        decimals = try v.int()
                        guard (0...9).contains(decimals) else { throw v.error("round takes 0 to 9 decimals") }
                    } else {
                        guard let m = RoundingMode(rawValue: try v.string()) else {
                            throw v.error("rounding mode must be one of \(RoundingMode.allCases.map(\.rawValue).joined(separator: ", "))")
                        }
                        mode = m
                    }
                }
                return .round(decimals: decimals, mode: mode)
            }
        case "range":
            var min: Double?
            var max: Double?
            var outside = Step.OutsidePolicy.reject
            for (k, v) in try node.members(allowed: ["min", "max", "outside"]) {
                switch k {
                case "min": min = try v.number()
                case "max": max = try v.number()
                default:
                    guard let p = Step.OutsidePolicy(rawValue: try v.string()) else {
                        throw v.error("outside must be one of \(Step.OutsidePolicy.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    outside = p
                }
            }
            guard min != nil || max != nil else { throw node.error("range needs a min, a max or both") }
            return .range(min: min, max: max, outside: outside)
        case "when":
            return .when(try ReferenceParser(scope: scope, node: node).condition(try node.string()))
        case "default":
            let e = try compile(node)
            guard case .constant(let v) = e else { throw node.error("default must be a constant value") }
            return .defaultValue(v)
        case "required":
            if case .bool(let b)? = node.scalar { return b ? .required(nil) : nil }
            return .required(try node.string())
        case "equals":
            guard let s = node.scalar else { throw node.error("equals takes a single value") }
            return .equals(Self.value(of: s))
        case "matches":
            return .matches(try textPattern(node, try node.string()))
        case "coordinates":
            if case .bool(let b)? = node.scalar { return b ? .coordinates(.latLon) : nil }
            let s = try node.string()
            guard let order = CoordinateParser.Order(rawValue: s) else {
                throw node.error("coordinates takes lat-lon or lon-lat (the order the two numbers are written in)")
            }
            return .coordinates(order)
        case "phone":
            switch node.scalar {
            case .bool(let b)?: return b ? .phone(countryCode: nil) : nil
            case .int(let n)?: return .phone(countryCode: String(n))
            case .string?: return .phone(countryCode: try countryCode(node))
            default:
                let m = try node.members(allowed: ["country"])
                return .phone(countryCode: try m.first.map { try countryCode($0.value) })
            }
        case "capture":
            if node.isMapping {
                var pattern: TextPattern?
                var group: String?
                for (k, v) in try node.members(allowed: ["pattern", "group"]) {
                    if k == "pattern" { pattern = try textPattern(v, try v.string()) } else { group = try v.string() }
                }
                guard let pattern else { throw node.error("capture needs a 'pattern'") }
                if let group, !pattern.pattern.contains("(?<\(group)>") {
                    throw node.error("the pattern has no group named '\(group)' (write (?<\(group)>...))")
                }
                return .capture(pattern, group: group)
            }
            return .capture(try textPattern(node, try node.string()), group: nil)
        case "truncate":
            let n = try node.int()
            guard n > 0 else { throw node.error("truncate takes a positive length") }
            return .truncate(n)
        case "max_length":
            let n = try node.int()
            guard n > 0 else { throw node.error("max_length takes a positive length") }
            return .maxLength(n)
        default:
            fatalError("unreachable step \(key)")
        }
    }
}
