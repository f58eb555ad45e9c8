/// One record read from an input file: a CSV row or a tree (JSON, XML), with its provenance.
///
/// Readers know nothing of OICP; they produce these and the mapping reads them.
public struct SourceRecord: Sendable {
    public enum Content: Sendable {
        case row(CSVRow)
        case tree(SourceNode)
    }

    public var content: Content
    public var provenance: Provenance
    /// Enclosing objects reachable from the record, by name (`location` for an OCPI EVSE).
    public var scopes: [String: SourceNode] {
        get { extras?.values.scopes.dictionary ?? [:] }
        set { update { $0.scopes = SmallMap(newValue) } }
    }
    /// For each scope, a number that changes when the enclosing object does (records of one
    /// station share their `$station`): what depends only on a scope is computed once per value.
    public var scopeIDs: [String: Int] {
        get { extras?.values.scopeIDs.dictionary ?? [:] }
        set { update { $0.scopeIDs = SmallMap(newValue) } }
    }
    /// A defect the reader found in this record (a ragged row, invalid text). The record is
    /// rejected with this diagnostic; it is not lost.
    public var defect: Diagnostic? {
        get { extras?.values.defect }
        set { update { $0.defect = newValue } }
    }
    /// Scopes and defect, kept out of line and absent when empty: a CSV row has neither, and a
    /// record is copied several times on its way, each reference in it counted on every copy.
    private var extras: Extras?

    /// A record without scope objects or a defect (a CSV row, mostly): no table to build or test.
    public init(content: Content, provenance: Provenance) {
        self.content = content
        self.provenance = provenance
    }

    public init(content: Content, provenance: Provenance, scopes: [String: SourceNode] = [:], defect: Diagnostic? = nil) {
        self.content = content
        self.provenance = provenance
        if !scopes.isEmpty || defect != nil { extras = Extras(Extras.Values(scopes: SmallMap(scopes), defect: defect)) }
    }

    /// The record's tree (nil for a CSV row).
    public var treeRoot: SourceNode? {
        if case .tree(let node) = content { return node }
        return nil
    }

    /// The scope object `name`, read without copying the table.
    public func scope(_ name: String) -> SourceNode? { extras?.values.scopes[name] }

    /// The number of the scope object `name`, read without copying the table.
    public func scopeID(_ name: String) -> Int? { extras?.values.scopeIDs[name] }

    /// The numbers of all the record's scope objects together: two records with equal keys come
    /// with the same scope objects (a reader numbers each scope object once). Nil when a scope
    /// object has no number: nothing can be remembered for it.
    public var scopeKey: ScopeKey? {
        guard let values = extras?.values else { return ScopeKey(ids: SmallMap()) }
        for name in values.scopes.names where values.scopeIDs[name] == nil { return nil }
        return ScopeKey(ids: values.scopeIDs)
    }

    /// Whether the record has scope objects or numbers for them (a CSV row has neither).
    public var hasScopes: Bool { extras.map { !$0.values.scopes.isEmpty || !$0.values.scopeIDs.isEmpty } ?? false }

    /// See ``scopeKey``.
    public struct ScopeKey: Equatable, Sendable {
        fileprivate var ids: SmallMap<Int>
    }

    /// Sets the scope `name` (and its number, when given) in one change.
    public mutating func setScope(_ name: String, to node: SourceNode, id: Int? = nil) {
        update {
            $0.scopes.set(name, node)
            if let id { $0.scopeIDs.set(name, id) }
        }
    }

    /// Changes the out-of-line parts: in place when this record alone holds them, else in a copy.
    private mutating func update(_ change: (inout Extras.Values) -> Void) {
        if isKnownUniquelyReferenced(&extras) {
            change(&extras!.values)
            if extras!.values.isEmpty { extras = nil }
            return
        }
        var values = extras?.values ?? Extras.Values()
        change(&values)
        extras = values.isEmpty ? nil : Extras(values)
    }
}

/// The rarely present parts of a `SourceRecord`. Changed only while one record alone holds it
/// (`SourceRecord.update`), so sharing it between records and threads is safe.
private final class Extras: @unchecked Sendable {
    struct Values {
        var scopes = SmallMap<SourceNode>()
        var scopeIDs = SmallMap<Int>()
        var defect: Diagnostic?
        var isEmpty: Bool { scopes.isEmpty && scopeIDs.isEmpty && defect == nil }
    }

    @exclusivity(unchecked) var values: Values

    init(_ values: Values) { self.values = values }
}

/// A few values by name (a record's scopes: one to three), found by comparing the names in
/// turn: cheaper than hashing a name, and the mapping reads scopes many times per record.
struct SmallMap<Value> {
    // Compared in order (`==` below): the same names set in another order compare unequal, which
    // only costs a remembered value.
    private(set) var names: [String] = []
    private var values: [Value] = []

    init() {}

    init(_ dictionary: [String: Value]) {
        names = Array(dictionary.keys)
        values = Array(dictionary.values)
    }

    var isEmpty: Bool { names.isEmpty }

    var dictionary: [String: Value] { Dictionary(uniqueKeysWithValues: zip(names, values)) }

    subscript(name: String) -> Value? {
        guard let i = names.firstIndex(where: { SourceObject.sameKey($0, name) }) else { return nil }
        return values[i]
    }

    /// Sets the value of `name`, replacing the one it had.
    mutating func set(_ name: String, _ value: Value) {
        if let i = names.firstIndex(where: { SourceObject.sameKey($0, name) }) {
            values[i] = value
        } else {
            names.append(name)
            values.append(value)
        }
    }
}

extension SmallMap: Equatable where Value: Equatable {}
extension SmallMap: Sendable where Value: Sendable {}
