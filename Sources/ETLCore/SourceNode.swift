/// A value of a tree-shaped source record (JSON or XML).
/// Not `indirect`: arrays already hold the children, so a node needs no box of its own (a box per
/// node was an allocation per value of the input).
public enum SourceNode: Sendable, Equatable {
    case null
    case text(String)
    /// A number exactly as written in the source.
    case number(String)
    case bool(Bool)
    case object(SourceObject)
    case array([SourceNode])
    /// Value `index` of a tape (a JSON item, an XML record or scope element, read flat): the same
    /// tree, held without a string or list per value. ``materialized`` gives it as the cases above.
    case tape(SourceTape, Int)

    /// The node with a tape value given as objects, arrays and scalars (the node itself when it
    /// is no tape value).
    public var materialized: SourceNode {
        if case .tape(let t, let i) = self { return t.node(i) }
        return self
    }

    /// Trees compare by their content, whether held as a tape or not.
    public static func == (a: SourceNode, b: SourceNode) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.text(let x), .text(let y)), (.number(let x), .number(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.object(let x), .object(let y)): x == y
        case (.array(let x), .array(let y)): x == y
        // A materialized node holds no tape value: one step of recursion.
        case (.tape, _), (_, .tape): a.materialized == b.materialized
        default: false
        }
    }

    /// The value as text, for scalars.
    public var scalarText: String? {
        switch self {
        case .text(let s), .number(let s): s
        case .bool(let b): b ? "true" : "false"
        case .tape(let t, let i):
            switch t.entries[i].kind {
            case .text, .number: t.scalarText(i)
            case .true: "true"
            case .false: "false"
            default: nil
            }
        default: nil
        }
    }

    public subscript(key: String) -> SourceNode? {
        switch self {
        case .object(let o): return o[key]
        case .tape(let t, let i): return t.member(i, named: key).map { .tape(t, $0) }
        default: return nil
        }
    }
}

/// The members of an object, in source order. Keys may repeat (XML elements do).
public struct SourceObject: Sendable, Equatable {
    public var keys: [String]
    public var values: [SourceNode]
    /// The line each member starts on, when the reader knows it.
    public var line: Int?

    public init(keys: [String] = [], values: [SourceNode] = [], line: Int? = nil) {
        self.keys = keys
        self.values = values
        self.line = line
    }

    public subscript(key: String) -> SourceNode? {
        guard let i = keys.firstIndex(where: { Self.sameKey($0, key) }) else { return nil }
        return values[i]
    }

    /// Whether two keys are the same name, their lengths compared first: the keys of an object
    /// mostly differ in length, and a length is read without a call (comparing two texts is one).
    /// A name spelled with a decomposed accent is another name than the composed spelling (JSON
    /// and XML compare names as written, without Unicode normalization).
    @inlinable public static func sameKey(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }

    public mutating func append(_ key: String, _ value: SourceNode) {
        // Room for four members at the first: growing from none reallocates at the 1st, 2nd, 3rd
        // and 5th member, and most objects of an export have two to four.
        if keys.isEmpty {
            keys.reserveCapacity(4)
            values.reserveCapacity(4)
        }
        keys.append(key)
        values.append(value)
    }
}
