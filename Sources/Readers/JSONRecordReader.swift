import ETLCore
import Foundation

/// Reads JSON exports item by item: a bare array, a single object, an envelope
/// (`{"data": [...], "status_code": …}`, `{"items": [...]}`, `{"content": [...]}`), or JSON Lines.
///
/// The file's bytes are held in memory, but only one item (an OCPI Location) is parsed into a
/// tree at a time. Each item yields the records at `recordPath` inside it (`evses[*]`), with the
/// item reachable from each record as the scope `enclosing` (`$location.address`); without a
/// record path the item is the record.
public final class JSONRecordReader: RecordReader {
    public let path: String
    /// The path as records carry it.
    private let fileID: FileID
    public let options: JSONOptions
    public var header: CSVHeader? { nil }
    public var bytesRead: Int { scanner.position }
    public var fileSize: Int { scanner.bytes.count }

    private var scanner: JSONScanner
    /// The file, mapped; pages already parsed are given back as the reader goes.
    private let file: MappedFile
    private var pending: [SourceRecord] = []
    private var pendingIndex = 0
    private var recordNumber = 0
    private var itemNumber = 0
    private var state: State = .start
    private let recordPath: RecordPath?

    /// Where the reader is in the file's structure.
    private enum State: Equatable {
        case start
        /// Inside an array of items (the top level, or an envelope's list); the flag says
        /// whether the array is an envelope member (members may follow it).
        case inArray(inEnvelope: Bool)
        /// After the array of an envelope: the rest of the object is skipped.
        case afterEnvelope
        /// Between top-level values (JSON Lines, or after a single object).
        case betweenValues
        case finished
    }

    public init(path: String, options: JSONOptions = JSONOptions()) throws {
        self.path = path
        fileID = FileID(path)
        self.options = options
        file = try MappedFile(path: path)
        scanner = JSONScanner(bytes: file.bytes, file: path, maxDepth: options.maxDepth, maxStringBytes: options.maxStringBytes)
        scanner.snakeCaseKeys = options.snakeCaseKeys
        recordPath = try options.recordPath.map { try RecordPath(parsing: $0, file: path) }
    }

    public func next() throws -> SourceRecord? {
        while pendingIndex >= pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
            let start = scanner.position
            guard let (item, line) = try nextItem() else { return nil }
            if scanner.position - start > options.maxItemBytes {
                throw Diagnostic.error("the item that starts on line \(line) is larger than \(options.maxItemBytes) bytes; raise input.max_record_bytes if it is real",
                    rule: "json.item-too-large", file: path, line: line)
            }
            file.release(before: scanner.position)
            records(of: item, line: line)
        }
        defer { pendingIndex += 1 }
        return pending[pendingIndex]
    }

    /// The records of one item, or one defect record when it holds none.
    private func records(of item: SourceNode, line: Int) {
        guard let recordPath else {
            recordNumber += 1
            pending.append(SourceRecord(content: .tree(item), provenance: Provenance(file: fileID, line: line, recordNumber: recordNumber)))
            return
        }
        let nodes = recordPath.resolve(item)
        var scopes: [String: SourceNode] = [:]
        scopes[options.enclosing] = item
        itemNumber += 1
        let scopeIDs = [options.enclosing: itemNumber]
        if nodes.isEmpty {
            recordNumber += 1
            let id = item["id"]?.scalarText.map { " '\($0)'" } ?? ""
            let defect = Diagnostic(.error, rule: "json.no-records",
                "the item\(id) holds no records at '\(recordPath.text)' (for OCPI: a Location without EVSEs)", file: path, line: line,
                field: recordPath.text)
            pending.append(SourceRecord(content: .tree(.null), provenance: Provenance(file: fileID, line: line, recordNumber: recordNumber),
                scopes: scopes, defect: defect))
            pending[pending.count - 1].scopeIDs = scopeIDs
            return
        }
        for node in nodes {
            recordNumber += 1
            var recordLine = line
            if case .object(let o) = node, let l = o.line { recordLine = l }
            if case .tape(let t, let i) = node, t.entries[i].kind == .object { recordLine = Int(t.entries[i].line) }
            pending.append(SourceRecord(content: .tree(node), provenance: Provenance(file: fileID, line: recordLine, recordNumber: recordNumber),
                scopes: scopes))
            pending[pending.count - 1].scopeIDs = scopeIDs
        }
    }

    /// Envelope keys whose array holds the items.
    static let envelopeKeys: Set<String> = ["data", "items", "content", "results", "locations", "records"]

    /// The next item and the line it starts on.
    private func nextItem() throws -> (SourceNode, Int)? {
        while true {
            switch state {
            case .finished:
                return nil
            case .start, .betweenValues:
                scanner.skipWhitespace()
                if state == .start { scanner.skipByteOrderMark() }
                if scanner.atEnd {
                    if state == .start { throw scanner.error("the file is empty", rule: "json.empty") }
                    state = .finished
                    return nil
                }
                let byte = scanner.peek
                if byte == UInt8(ascii: "[") {
                    scanner.advance()
                    state = .inArray(inEnvelope: false)
                    continue
                }
                guard byte == UInt8(ascii: "{") else {
                    throw scanner.error("expected an object or an array at the top level", rule: "json.syntax")
                }
                // An object: an envelope whose list we stream, or an item itself.
                let line = scanner.line
                scanner.advance()
                var members = SourceObject(line: line)
                var first = true
                while true {
                    scanner.skipWhitespace()
                    if scanner.peek == UInt8(ascii: "}") {
                        scanner.advance()
                        break
                    }
                    if !first { try scanner.expect(UInt8(ascii: ",")) }
                    first = false
                    scanner.skipWhitespace()
                    let key = try scanner.parseString()
                    scanner.skipWhitespace()
                    try scanner.expect(UInt8(ascii: ":"))
                    scanner.skipWhitespace()
                    if Self.envelopeKeys.contains(key) && scanner.peek == UInt8(ascii: "[") {
                        scanner.advance()
                        state = .inArray(inEnvelope: true)
                        break
                    }
                    members.append(key, try scanner.parseValue(depth: 1))
                }
                if case .inArray = state { continue }
                state = .betweenValues
                // `{"data": {...}}`: a single item in an envelope.
                if let data = members["data"], case .object = data, members["evses"] == nil { return (data, line) }
                return (.object(members), line)
            case .inArray(let inEnvelope):
                scanner.skipWhitespace()
                if scanner.peek == UInt8(ascii: "]") {
                    scanner.advance()
                    state = inEnvelope ? .afterEnvelope : .betweenValues
                    continue
                }
                if scanner.peek == UInt8(ascii: ",") {
                    scanner.advance()
                    scanner.skipWhitespace()
                }
                guard !scanner.atEnd else { throw scanner.error("the file ends inside a list", rule: "json.syntax") }
                let line = scanner.line
                let item = SourceNode.tape(try scanner.parseTape(depth: 1), 0)
                scanner.skipWhitespace()
                guard scanner.peek == UInt8(ascii: ",") || scanner.peek == UInt8(ascii: "]") else {
                    throw scanner.error("expected ',' or ']' after an item", rule: "json.syntax")
                }
                return (item, line)
            case .afterEnvelope:
                // The envelope's other members (status_code, timestamp) are read and dropped.
                while true {
                    scanner.skipWhitespace()
                    if scanner.peek == UInt8(ascii: "}") {
                        scanner.advance()
                        break
                    }
                    try scanner.expect(UInt8(ascii: ","))
                    scanner.skipWhitespace()
                    _ = try scanner.parseString()
                    scanner.skipWhitespace()
                    try scanner.expect(UInt8(ascii: ":"))
                    scanner.skipWhitespace()
                    _ = try scanner.parseValue(depth: 1)
                }
                state = .betweenValues
            }
        }
    }
}

/// How to read a JSON file.
public struct JSONOptions: Sendable, Equatable {
    /// Where the records are inside each item (`evses[*]`); nil: the item is the record.
    public var recordPath: String?
    /// The scope name under which records reach their item (`location` → `$location.address`).
    public var enclosing: String = "parent"
    /// Keys in camelCase are read in snake_case (`postalCode` as `postal_code`).
    public var snakeCaseKeys = false
    public var maxDepth: Int = 64
    /// An item (an OCPI Location) larger than this stops the run (`json.item-too-large`).
    public var maxItemBytes: Int = 64 << 20
    public var maxStringBytes: Int = 1 << 20

    public init() {}
}

/// The part of a path the reader needs to find records: keys, indexes and `[*]`.
struct RecordPath {
    enum Component {
        case key(String)
        case index(Int)
        case all
    }

    let components: [Component]
    let text: String

    init(parsing text: String, file: String) throws {
        self.text = text
        var out: [Component] = []
        for part in text.split(separator: ".") {
            var p = Substring(part)
            let key = p.prefix { $0 != "[" }
            if !key.isEmpty { out.append(.key(String(key))) }
            p = p.dropFirst(key.count)
            while p.hasPrefix("[") {
                guard let close = p.firstIndex(of: "]") else {
                    throw Diagnostic.error("'[' without ']' in records.path '\(text)'", rule: "mapping.syntax", file: file)
                }
                let inner = p[p.index(after: p.startIndex)..<close]
                if inner == "*" {
                    out.append(.all)
                } else if let n = Int(inner) {
                    out.append(.index(n))
                } else {
                    throw Diagnostic.error("'[\(inner)]' in records.path must be a number or *", rule: "mapping.syntax", file: file)
                }
                p = p[p.index(after: close)...]
            }
        }
        components = out
    }

    func resolve(_ node: SourceNode) -> [SourceNode] { Self.resolve(node, components[...]) }

    static func resolve(_ node: SourceNode, _ components: ArraySlice<Component>) -> [SourceNode] {
        if case .tape(let t, let i) = node { return resolve(t, i, components).map { .tape(t, $0) } }
        guard let first = components.first else {
            if case .null = node { return [] }
            return [node]
        }
        let rest = components.dropFirst()
        switch first {
        case .key(let k):
            if case .object(let o) = node, let v = o[k] { return resolve(v, rest) }
            return []
        case .index(let n):
            if case .array(let a) = node, n < a.count { return resolve(a[n], rest) }
            return []
        case .all:
            if case .array(let a) = node { return a.flatMap { resolve($0, rest) } }
            return []
        }
    }

    /// The same over a tape: the entries the components lead to from entry `i`.
    static func resolve(_ t: SourceTape, _ i: Int, _ components: ArraySlice<Component>) -> [Int] {
        let kind = t.entries[i].kind
        guard let first = components.first else { return kind == .null ? [] : [i] }
        let rest = components.dropFirst()
        switch first {
        case .key(let k):
            if let j = t.member(i, named: k) { return resolve(t, j, rest) }
            return []
        case .index(let n):
            guard kind == .array else { return [] }
            let items = t.children(i)
            return n < items.count ? resolve(t, items[n], rest) : []
        case .all:
            guard kind == .array else { return [] }
            return t.children(i).flatMap { resolve(t, $0, rest) }
        }
    }
}
