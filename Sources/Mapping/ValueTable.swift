import Foundation
import OICP

/// A lookup table from source spellings to OICP values (`tables:` in a mapping file).
///
/// Matching is exact first, then (by default) normalised: case, spaces, dashes (also `–` and
/// `—`), underscores and dots are ignored, so `type-2 SOCKET` finds `Type 2 socket`. Then the
/// table's regular-expression `patterns` are tried in order. A value may map to several OICP
/// values (a list) or to none (`~`, for a known value without an OICP counterpart).
final class ValueTable: @unchecked Sendable {
    enum Matching: String, CaseIterable {
        case exact
        case normalized
    }

    /// What happens to a value the table does not know.
    enum UnknownPolicy: Equatable {
        /// The record is rejected (rule `mapping.table`).
        case reject
        /// The value is left out with a warning.
        case drop
        /// The value passes through unchanged (OICP validation then judges it).
        case keep
        /// The value is replaced by these.
        case substitute([String])
    }

    enum Lookup {
        case found([String])
        case unknown
    }

    let name: String
    let matching: Matching
    let unknown: UnknownPolicy
    /// With `collect: true`, every pattern that matches somewhere in the text adds its values
    /// (free text that names several plugs); otherwise the first matching pattern wins.
    let collect: Bool
    private var exact: [String: [String]] = [:]
    private var normalized: [String: [String]] = [:]
    private let patterns: [(regex: NSRegularExpression, values: [String])]
    private var cache: [String: Lookup] = [:]

    init(name: String, matching: Matching, unknown: UnknownPolicy, values: [(String, [String])], patterns: [(NSRegularExpression, [String])],
         collect: Bool = false) {
        self.name = name
        self.matching = matching
        self.unknown = unknown
        self.collect = collect
        for (key, value) in values {
            exact[key] = value
            let n = EnumNormalizer.key(key)
            if normalized[n] == nil { normalized[n] = value }
        }
        self.patterns = patterns
    }

    private init(copying table: ValueTable) {
        name = table.name
        matching = table.matching
        unknown = table.unknown
        collect = table.collect
        exact = table.exact
        normalized = table.normalized
        patterns = table.patterns
    }

    /// The same table with a cache of its own: each mapping thread compiles the mapping with its
    /// own copies, as the cache is written on every new value (the rest is only read).
    func withOwnCache() -> ValueTable { ValueTable(copying: self) }

    /// The table's values, for documentation and `mapping check`.
    var entryCount: Int { exact.count }

    /// The last few texts looked up and what they gave, compared before hashing: the records of
    /// one station, the connectors of one kind, repeat their values.
    private var recent: [(text: String, result: Lookup)] = []
    private var nextRecent = 0

    func lookup(_ text: String) -> Lookup {
        for r in recent.indices where recent[r].text == text { return recent[r].result }
        let result = lookupHashed(text)
        if recent.count < 4 {
            recent.append((text, result))
        } else {
            recent[nextRecent] = (text, result)
            nextRecent = (nextRecent + 1) & 3
        }
        return result
    }

    private func lookupHashed(_ text: String) -> Lookup {
        if let v = exact[text] { return .found(v) }
        if let cached = cache[text] { return cached }
        var result = Lookup.unknown
        if matching == .normalized, let v = normalized[EnumNormalizer.key(text)] {
            result = .found(v)
        } else {
            let range = NSRange(text.startIndex..., in: text)
            var collected: [String] = []
            var matched = false
            for (regex, values) in patterns where regex.firstMatch(in: text, range: range) != nil {
                matched = true
                guard collect else {
                    collected = values
                    break
                }
                for v in values where !collected.contains(v) { collected.append(v) }
            }
            if matched { result = .found(collected) }
        }
        if cache.count < 10_000 { cache[text] = result }
        return result
    }
}
