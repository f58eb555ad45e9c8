import ETLCore
import OICP
import Readers

/// The XML side of `mapping init`: which element is one record, which enclosing elements to
/// name, and the records' values laid out as columns (`connector.@type`, `$site.name`) so that
/// `MappingDraft` can recognise them as it recognises CSV columns.
public enum XMLDraft {
    public struct Plan: Sendable, Equatable {
        public var recordPath: String
        public var scopes: [XMLOptions.Scope]
    }

    /// The record element: the most frequent element that carries an EvseID (in an attribute or
    /// a child's text), else the most frequent element with several children or attributes.
    public static func plan(_ survey: XMLSurvey) -> Plan? {
        let elements = survey.order.compactMap { survey.elements[$0] }
        guard let root = elements.first else { return nil }
        func carriesEvseID(_ e: XMLSurvey.Element) -> Bool {
            let own = e.attributes.values.joined()
            let children = e.children.compactMap { survey.elements[e.path + "/" + $0] }.flatMap(\.texts)
            return (own + children).contains { v in
                v.contains(where: \.isNumber) && !v.contains(" ") && Patterns.isEvseID(EvseIDNormalizer.normalize(v), allowLowercase: true)
            }
        }
        func depth(_ e: XMLSurvey.Element) -> Int { e.path.split(separator: "/").count }
        let candidates = elements.filter { $0.path != root.path }
        let record = candidates.filter(carriesEvseID).max { ($0.count, -depth($0)) < ($1.count, -depth($1)) }
            ?? candidates.filter { $0.children.count + $0.attributes.count >= 3 && $0.count > 1 }.max { ($0.count, -depth($0)) < ($1.count, -depth($1)) }
        guard let record else { return nil }
        var steps = record.path.split(separator: "/").map(String.init)
        let name = steps.removeLast()
        var scopes: [XMLOptions.Scope] = []
        // Enclosing elements, the nearest first; the root is left out.
        var prefix = steps
        while prefix.count > 1 {
            let path = prefix.joined(separator: "/")
            let element = prefix.removeLast()
            guard let e = survey.elements[path] else { continue }
            // energyInfrastructureStation → station
            let words = element.split(whereSeparator: { $0 == "_" || $0 == "-" }).last.map(String.init) ?? element
            let lastWord = words.lastIndex(where: \.isUppercase).map { String(words[$0...]) } ?? words
            var scopeName = lastWord.prefix(1).lowercased() + lastWord.dropFirst()
            if scopes.contains(where: { $0.name == scopeName }) { scopeName += String(scopes.count) }
            scopes.append(XMLOptions.Scope(name: scopeName, element: shortPath(path, in: survey), partial: e.count <= 1))
        }
        _ = name
        return Plan(recordPath: shortPath(record.path, in: survey), scopes: scopes)
    }

    /// The element's own name when no other element has it, else its parent's and its own.
    static func shortPath(_ path: String, in survey: XMLSurvey) -> String {
        let steps = path.split(separator: "/").map(String.init)
        for n in 1...steps.count {
            let tail = steps.suffix(n).joined(separator: "/")
            let matches = survey.order.filter { $0 == tail || $0.hasSuffix("/" + tail) }
            if matches.count == 1 { return tail }
        }
        return "/" + path
    }

    /// A record's values as (path, value) pairs: its own, then each scope's under `$name.`.
    public static func flatten(_ record: SourceRecord, scopes: [String]) -> [(path: String, value: String)] {
        var out: [(String, String)] = []
        if case .tree(let node) = record.content { walk(node, "", &out) }
        for name in scopes {
            if let node = record.scopes[name] { walk(node, "$" + name + ".", &out) }
        }
        return out
    }

    private static func walk(_ node: SourceNode, _ prefix: String, _ out: inout [(String, String)]) {
        switch node {
        case .object(let o):
            for (k, v) in zip(o.keys, o.values) {
                if k == "#text" {
                    if let t = v.scalarText { out.append((prefix.isEmpty ? "#text" : String(prefix.dropLast()), t)) }
                } else {
                    walk(v, prefix + k + ".", &out)
                }
            }
        case .text(let t), .number(let t):
            out.append((String(prefix.dropLast()), t))
        case .tape:
            walk(node.materialized, prefix, &out)
        default:
            break
        }
    }

    /// The name a path is recognised by: its last step that is not a wrapper (`values.value`,
    /// `#text`), without `@` and namespace prefix: `$site.city.values.value` → `city`.
    public static func matchName(_ path: String) -> String {
        let generic: Set<String> = ["value", "values", "#text", "text", "string"]
        var steps = path.split(separator: ".").map { s -> String in
            var t = String(s)
            if t.hasPrefix("$") { t.removeFirst() }
            if t.hasPrefix("@") { t.removeFirst() }
            if let colon = t.lastIndex(of: ":") { t = String(t[t.index(after: colon)...]) }
            return t
        }
        while steps.count > 1, let last = steps.last, generic.contains(last.lowercased()) { steps.removeLast() }
        // `connector.@type`, `$site.name`, `address.@number`: the step before says what it is.
        let vague: Set<String> = ["type", "name", "id", "code", "number", "format", "kind", "standard"]
        if steps.count > 1, let last = steps.last, vague.contains(last.lowercased()) {
            return steps[steps.count - 2] + last
        }
        return steps.last ?? path
    }
}
