import ETLCore

/// A path into a tree record: `address.city`, `connectors[0].standard`, `connectors[*].standard`,
/// `$location.coordinates.latitude` (an enclosing object), `@id` (an XML attribute).
///
/// A class: an expression reads its path for every record, and taking a struct of five
/// references out of the expression counted each of them.
final class SourcePath: @unchecked Sendable, CustomStringConvertible {
    enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
        case all
    }

    /// The enclosing object the path starts from (`location` for `$location.…`), nil for the record.
    let scope: String?
    let components: [Component]
    /// The UTF-8 of each key of `components` (empty for the others), for paths over a tape.
    let keyBytes: [[UInt8]]
    let text: String
    /// The last value of a `$scope` path, for the scope object it was read from. Each compiled
    /// mapping (one per mapping thread) has its own paths, so its own memos.
    let memo = PathMemo()

    var description: String { text }

    /// A path of one key, taken literally (a CSV column name may hold dots or brackets).
    init(key: String) {
        text = key
        scope = nil
        components = [.key(key)]
        keyBytes = [Array(key.utf8)]
    }

    /// Parses the path syntax; throws a message on malformed paths.
    init(parsing text: String) throws(PathError) {
        self.text = text
        var rest = Substring(text)
        var scope: String?
        if rest.hasPrefix("$") {
            rest = rest.dropFirst()
            let name = rest.prefix(while: { $0 != "." && $0 != "[" })
            guard !name.isEmpty else { throw PathError(message: "'$' must be followed by a scope name such as $location") }
            scope = String(name)
            rest = rest.dropFirst(name.count)
            if rest.hasPrefix(".") { rest = rest.dropFirst() }
        }
        var components: [Component] = []
        var key = ""
        var i = rest.startIndex
        func flush() {
            if !key.isEmpty { components.append(.key(key)) }
            key = ""
        }
        while i < rest.endIndex {
            let c = rest[i]
            if c == "." {
                flush()
            } else if c == "[" {
                flush()
                guard let close = rest[i...].firstIndex(of: "]") else { throw PathError(message: "'[' without ']' in path '\(text)'") }
                let inner = rest[rest.index(after: i)..<close]
                if inner == "*" {
                    components.append(.all)
                } else if let n = Int(inner), n >= 0 {
                    components.append(.index(n))
                } else if inner.hasPrefix("\"") && inner.hasSuffix("\"") && inner.count >= 2 {
                    components.append(.key(String(inner.dropFirst().dropLast())))
                } else {
                    throw PathError(message: "'[\(inner)]' in path '\(text)' must be a number, * or a quoted key")
                }
                i = close
            } else {
                key.append(c)
            }
            i = rest.index(after: i)
        }
        flush()
        self.scope = scope
        self.components = components
        keyBytes = Self.keyBytes(components)
        if components.isEmpty && scope == nil { throw PathError(message: "empty path") }
    }

    struct PathError: Error {
        let message: String
    }

    /// The value at the path: from the item of an `each` when there is one, from the scope
    /// named by `$name`, else from the record (`$record` names the record itself).
    func evaluate(_ context: EvalContext) -> Value {
        // Most paths start at a tape (an item of `each`, or the record read flat): read where it
        // is, without copying the node or the record.
        if scope == nil {
            if case .tape(let t, let i)? = context.item { return Self.value(in: t, at: i, components[...], keys: keyBytes) }
            if context.item == nil, case .tree(.tape(let t, let i)) = context.record.content {
                return Self.value(in: t, at: i, components[...], keys: keyBytes)
            }
        }
        let record = context.record
        // Records of one station share its `$station`: its paths are resolved once.
        if let scope, let cache = context.cache, let id = record.scopeID(scope) {
            if memo.owner === cache && memo.scopeID == id { return memo.value }
            if let node = record.scope(scope) {
                let value = Self.value(at: node, components[...], keys: keyBytes)
                memo.owner = cache
                memo.scopeID = id
                memo.value = value
                return value
            }
        }
        let root: SourceNode
        if let scope {
            if scope == "record", case .tree(let node) = record.content {
                root = node
            } else {
                guard let node = record.scope(scope) else { return .absent }
                root = node
            }
        } else if let item = context.item {
            root = item
        } else {
            switch record.content {
            case .tree(let node): root = node
            case .row(let row):
                // A path over a CSV row reads the column of that name.
                guard components.count == 1, case .key(let name) = components[0], let i = row.header.position(of: name),
                    let text = row.text(at: i)
                else { return .absent }
                return Expression.cleaned(text)
            }
        }
        return Self.value(at: root, components[...], keys: keyBytes)
    }

    /// The value at the components from `node`: `value(of: resolve(node, components))`, without
    /// the list when the path is keys that each match one member (most paths).
    static func value(at node: SourceNode, _ components: ArraySlice<Component>, keys: [[UInt8]]? = nil) -> Value {
        if case .tape(let t, let i) = node {
            if let keys { return value(in: t, at: i, components, keys: keys) }
            let c = Array(components)
            return value(in: t, at: i, c[...], keys: keyBytes(c))
        }
        var node = node
        var components = components
        guard followSingleKeys(&node, &components) else { return .absent }
        return components.isEmpty ? value(of: node) : value(of: resolve(node, components))
    }

    /// Follows the leading keys that each match one member of an object; false when a key
    /// matches none. Stops at repeated keys, an index or `[*]`, or a node that is no object.
    static func followSingleKeys(_ node: inout SourceNode, _ components: inout ArraySlice<Component>) -> Bool {
        while case .key(let key)? = components.first, case .object(let o) = node {
            var found = -1
            for i in o.keys.indices where SourceObject.sameKey(o.keys[i], key) {
                if found >= 0 { return true }  // repeated keys: the general way
                found = i
            }
            guard found >= 0 else { return false }
            node = o.values[found]
            components = components.dropFirst()
        }
        return true
    }

    static func resolve(_ node: SourceNode, _ components: ArraySlice<Component>) -> [SourceNode] {
        if case .tape(let t, let i) = node {
            let c = Array(components)
            return resolve(in: t, at: i, c[...], keys: keyBytes(c)).map { .tape(t, $0) }
        }
        // Fast path: keys that each match one member, without building lists.
        var node = node
        var components = components
        guard followSingleKeys(&node, &components) else { return [] }
        guard let first = components.first else { return [node] }
        let rest = components.dropFirst()
        switch first {
        case .key(let key):
            switch node {
            case .object(let o):
                // Repeated keys (XML siblings) all match; an index after them picks one of them.
                var matches: [SourceNode] = []
                for (i, k) in o.keys.enumerated() where SourceObject.sameKey(k, key) { matches.append(o.values[i]) }
                if matches.count > 1, case .index(let n)? = rest.first {
                    return n < matches.count ? resolve(matches[n], rest.dropFirst()) : []
                }
                return matches.flatMap { resolve($0, rest) }
            case .array(let items):
                // A key applied to an array reaches into each item.
                return items.flatMap { resolve($0, components) }
            default:
                return []
            }
        case .index(let n):
            if case .array(let items) = node { return n < items.count ? resolve(items[n], rest) : [] }
            return n == 0 ? resolve(node, rest) : []
        case .all:
            if case .array(let items) = node { return items.flatMap { resolve($0, rest) } }
            return resolve(node, rest)
        }
    }

    static func value(of nodes: [SourceNode]) -> Value {
        switch nodes.count {
        case 0: return .absent
        case 1: return value(of: nodes[0])
        default:
            let values = nodes.map(value(of:)).filter { !$0.isAbsent }
            return values.isEmpty ? .absent : .list(values)
        }
    }

    static func value(of node: SourceNode) -> Value {
        switch node {
        case .null: return .absent
        case .text(let s): return Expression.cleaned(s)
        case .number(let s): return Double(s).map(Value.number) ?? .text(s)
        case .bool(let b): return .bool(b)
        case .array(let items):
            let values = items.map(value(of:)).filter { !$0.isAbsent }
            return values.isEmpty ? .absent : .list(values)
        case .object(let o):
            // An XML element with only text reads as that text.
            if let i = o.keys.firstIndex(of: "#text"), o.keys.allSatisfy({ $0 == "#text" || $0.hasPrefix("@") }) {
                return value(of: o.values[i])
            }
            return .node(node)
        case .tape(let t, let i):
            return value(in: t, i)
        }
    }
}
