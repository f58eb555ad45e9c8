import ETLCore
import OICP

/// Paths over a tape (a JSON item read flat): the same results as over a tree of `SourceNode`s
/// (see `value(at:_:)` and `resolve(_:_:)`), found by stepping over the entries and comparing key
/// bytes, without copying a node on the way. `keys` holds the UTF-8 of each key component, at the
/// components' own indexes.
extension SourcePath {
    static func keyBytes(_ components: [Component]) -> [[UInt8]] {
        components.map { if case .key(let k) = $0 { Array(k.utf8) } else { [] } }
    }

    static func value(in t: SourceTape, at i: Int, _ components: ArraySlice<Component>, keys: [[UInt8]]) -> Value {
        var i = i
        var next = components.startIndex
        guard followSingleKeys(t, &i, components, &next, keys) else { return .absent }
        guard next < components.endIndex else { return value(in: t, i) }
        let found = resolve(in: t, at: i, components[next...], keys: keys)
        switch found.count {
        case 0: return .absent
        case 1: return value(in: t, found[0])
        default:
            var values: [Value] = []
            for j in found {
                let v = value(in: t, j)
                if !v.isAbsent { values.append(v) }
            }
            return values.isEmpty ? .absent : .list(values)
        }
    }

    /// Follows the leading keys from `next` that each match one member of an object (as the tree
    /// version does), leaving `i` at the entry reached and `next` at the first component not
    /// followed: false when a key matches none; stops at repeated keys, an index or `[*]`, or an
    /// entry that is no object.
    static func followSingleKeys(_ t: SourceTape, _ i: inout Int, _ components: ArraySlice<Component>, _ next: inout Int,
                                         _ keys: [[UInt8]]) -> Bool {
        let entries = t.entries
        while next < components.endIndex, case .key = components[next], entries[i].kind == .object {
            let found = keys[next].withUnsafeBufferPointer { k -> Int in
                var found = -1
                var j = i + 1
                let end = Int(entries[i].end)
                while j < end {
                    if t.key(j, is: k) {
                        if found >= 0 { return -2 }  // repeated keys: the general way
                        found = j
                    }
                    j = Int(entries[j].end)
                }
                return found
            }
            if found == -2 { return true }
            guard found >= 0 else { return false }
            i = found
            next += 1
        }
        return true
    }

    /// The entries the components lead to from entry `i`.
    static func resolve(in t: SourceTape, at i: Int, _ components: ArraySlice<Component>, keys: [[UInt8]]) -> [Int] {
        var i = i
        var next = components.startIndex
        guard followSingleKeys(t, &i, components, &next, keys) else { return [] }
        guard next < components.endIndex else { return [i] }
        let rest = components[(next + 1)...]
        let kind = t.entries[i].kind
        switch components[next] {
        case .key:
            switch kind {
            case .object:
                // Repeated keys all match; an index after them picks one of them.
                let matches = keys[next].withUnsafeBufferPointer { k in t.children(i).filter { t.key($0, is: k) } }
                if matches.count > 1, case .index(let n)? = rest.first {
                    return n < matches.count ? resolve(in: t, at: matches[n], rest.dropFirst(), keys: keys) : []
                }
                return matches.flatMap { resolve(in: t, at: $0, rest, keys: keys) }
            case .array:
                // A key applied to an array reaches into each item.
                return t.children(i).flatMap { resolve(in: t, at: $0, components[next...], keys: keys) }
            default:
                return []
            }
        case .index(let n):
            if kind == .array {
                let items = t.children(i)
                return n < items.count ? resolve(in: t, at: items[n], rest, keys: keys) : []
            }
            return n == 0 ? resolve(in: t, at: i, rest, keys: keys) : []
        case .all:
            if kind == .array { return t.children(i).flatMap { resolve(in: t, at: $0, rest, keys: keys) } }
            return resolve(in: t, at: i, rest, keys: keys)
        }
    }

    /// The value of entry `i`, as `value(of:)` gives it for the same node held as a tree.
    static func value(in t: SourceTape, _ i: Int) -> Value {
        withExtendedLifetime(t) { value(t, t.entries, t.bytes, i) }
    }

    private static func value(_ t: SourceTape, _ entries: UnsafeBufferPointer<SourceTape.Entry>, _ bytes: UnsafeBufferPointer<UInt8>,
                              _ i: Int) -> Value {
        let e = entries[i]
        switch e.kind {
        case .null:
            return .absent
        case .text:
            // Most texts need no trimming: decided on the bytes, before the text is made.
            let count = Int(e.textCount)
            guard count > 0 else { return .absent }
            let s = UnsafeBufferPointer(rebasing: bytes[Int(e.textStart)..<(Int(e.textStart) + count)])
            let text = String(decoding: s, as: UTF8.self)
            return Expression.isPlainEdge(s[0]) && Expression.isPlainEdge(s[count - 1]) ? .text(text) : Expression.cleaned(text)
        case .number:
            let s = UnsafeBufferPointer(rebasing: bytes[Int(e.textStart)..<(Int(e.textStart) + Int(e.textCount))])
            if let n = DecimalParser.plain(s) { return .number(n) }
            let text = String(decoding: s, as: UTF8.self)
            return Double(text).map(Value.number) ?? .text(text)
        case .false:
            return .bool(false)
        case .true:
            return .bool(true)
        case .array:
            var values: [Value] = []
            var j = i + 1
            let end = Int(e.end)
            while j < end {
                let v = value(t, entries, bytes, j)
                if !v.isAbsent { values.append(v) }
                j = Int(entries[j].end)
            }
            return values.isEmpty ? .absent : .list(values)
        case .object:
            // An object with only a "#text" member and attributes reads as that text (XML's rule,
            // kept for any tree); decided on the keys as texts, as for a tree.
            var j = i + 1
            let end = Int(e.end)
            while j < end {
                if t.key(j, isText: "#text") {
                    let members = t.children(i)
                    let keys = members.map(t.keyText)
                    if let k = keys.firstIndex(of: "#text"), keys.allSatisfy({ $0 == "#text" || $0.hasPrefix("@") }) {
                        return value(t, entries, bytes, members[k])
                    }
                    break
                }
                j = Int(entries[j].end)
            }
            return .node(.tape(t, i))
        }
    }
}

extension SourceTape {
    /// Whether the key of entry `i` is `text` (as bytes).
    func key(_ i: Int, isText text: StaticString) -> Bool {
        key(i, is: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
