import ETLCore
import Foundation

/// Reads XML exports with libxml2's SAX parser: every element that matches the record
/// path becomes a tree record (`SourceNode`); nothing else of the document is kept, except the
/// enclosing elements the mapping names as scopes, so memory does not grow with the file.
///
/// Trees: an element is an object whose keys are its attributes (`@id`), its child elements (by
/// local name, or `prefix:name` for a namespace the mapping declares; repeated children keep
/// every occurrence) and its text (`#text`); an element with neither attributes nor children
/// is its text. Records inside a scope element (`$station`, `$site`) are handed on when the
/// outermost scope element ends, each with the complete scope trees (without the records).
public final class XMLRecordReader: RecordReader, LibXML2Handler {
    public let path: String
    /// The path as records carry it.
    private let fileID: FileID
    public let options: XMLOptions
    public var header: CSVHeader? { nil }
    public var bytesRead: Int { done ? fileSize : xml.bytesConsumed }
    public let fileSize: Int

    private let fd: Int32
    // Set once in init; the parser calls back into this reader (it holds it unowned).
    private var xml: LibXML2Parser!
    private let recordPath: ElementPath
    private let scopePaths: [(name: String, path: ElementPath, partial: Bool)]
    private let prefixByURI: [String: String]
    // The reader is used by one thread (the reading one): its state needs no run-time
    // exclusivity checks, which cost more than the work of most callbacks.
    @exclusivity(unchecked) private var names: XMLNameTable
    /// `xsi:type` values as the file spells them → as records hold them, while the namespace
    /// declarations in scope stay the same.
    @exclusivity(unchecked) private var xsiTypes: [String: String] = [:]
    @exclusivity(unchecked) private var xsiTypesGeneration = 0
    @exclusivity(unchecked) private var frames: [Frame] = []
    /// Open elements that are complete scopes (records wait while one is open).
    @exclusivity(unchecked) private var openCompleteScopes = 0
    @exclusivity(unchecked) private var ready: [SourceRecord] = []
    @exclusivity(unchecked) private var readyIndex = 0
    /// Records waiting for their scope elements to end.
    @exclusivity(unchecked) private var waiting: [SourceRecord] = []
    @exclusivity(unchecked) private var recordNumber = 0
    /// Numbers the scope objects (`SourceRecord.scopeIDs`).
    @exclusivity(unchecked) private var scopeCounter = 0
    @exclusivity(unchecked) private var done = false
    @exclusivity(unchecked) private var sawRoot = false
    /// The tapes being filled (see `Frame.entry`), innermost last: a record's, or an outermost
    /// scope element's (which holds the scope elements inside it, not the records). For each: the
    /// frame it began with, whether that is a record, and the scope objects of waiting records
    /// that are its entries (set once it is complete).
    @exclusivity(unchecked) private var tapes: [OpenTape] = []
    /// Whether scope elements are read flat too: not with partial scopes (records see them while
    /// they are open), nor when a record element may be a scope element as well.
    private let scopeTapes: Bool
    /// The innermost tape.
    private var tape: SourceTape.Builder {
        get { tapes[tapes.count - 1].builder }
        _modify { yield &tapes[tapes.count - 1].builder }
    }

    private struct OpenTape {
        var builder: SourceTape.Builder
        /// The index of the frame it began with.
        let root: Int
        let isRecord: Bool
        /// Scope objects of waiting records that are entries of this tape.
        var pending: [(record: Int, name: String, entry: Int, id: Int)] = []
    }
    /// The sizes of the last record's tape: the next is made with room for as much.
    @exclusivity(unchecked) private var tapeEntries = 64
    @exclusivity(unchecked) private var tapeBytes = 1024

    /// An open element.
    private struct Frame {
        let key: String
        let line: Int
        /// Whether its content is kept (it is a record or a scope, or inside one).
        let building: Bool
        let isRecord: Bool
        /// The scopes this element is, as bits of `scopePaths`' indices: complete ones (records
        /// wait for the element's end) and partial ones (records see what precedes them).
        let scopes: UInt64
        let partialScopes: UInt64
        /// A partial scope stops keeping children once a record has ended inside it.
        var frozen = false
        /// The number of a partial scope's object, once frozen.
        var scopeID = 0
        /// Where the records inside it begin in `waiting`.
        let waitingStart: Int
        var object = SourceObject()
        /// Its entry in the record's tape, when the record it is in (or is) is read flat: its
        /// attributes and children follow it there instead of going into `object`; -1 otherwise.
        var entry = -1
        /// Attributes and children it holds in the tape (none: it is its text).
        var members = 0
        /// Its text in the tape's bytes, when read flat (else in `text`).
        var textStart = 0
        var textCount = 0
        var text = ""
        var nodes = 0
        /// Records (and defects) that ended inside it.
        var records = 0
    }

    public convenience init(path: String, options: XMLOptions) throws {
        try self.init(path: path, options: options, chunkSize: 256 << 10)
    }

    /// `chunkSize`: the bytes read and parsed at a time (small in tests: texts and tags then
    /// span chunks).
    init(path: String, options: XMLOptions, chunkSize: Int) throws {
        self.path = path
        fileID = FileID(path)
        self.options = options
        guard let recordPathText = options.recordPath else {
            throw Diagnostic.error("XML input needs records.path: the element that is one record (such as refillPoint)", rule: "mapping.invalid",
                file: path)
        }
        recordPath = try ElementPath(parsing: recordPathText, file: path)
        scopePaths = try options.scopes.map { ($0.name, try ElementPath(parsing: $0.element, file: path), $0.partial) }
        guard scopePaths.count <= 64 else {
            throw Diagnostic.error("more than 64 enclosing elements (records.enclosing)", rule: "mapping.invalid", file: path)
        }
        prefixByURI = Dictionary(options.namespaces.map { ($0.value, $0.key) }, uniquingKeysWith: { a, _ in a })
        names = XMLNameTable(prefixByURI: prefixByURI, recordPath: recordPath, scopePaths: scopePaths.map(\.path))
        let recordLast = recordPath.steps.last
        scopeTapes = !scopePaths.contains { $0.partial || $0.path.steps.last == recordLast }

        var st = stat()
        guard stat(path, &st) == 0 else {
            throw Diagnostic.error("cannot read the input file: \(String(cString: strerror(errno)))", rule: "input.unreadable", file: path)
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw Diagnostic.error("the input is a directory, not a file", rule: "input.unreadable", file: path)
        }
        fileSize = Int(st.st_size)
        guard fileSize > 0 else { throw Diagnostic.error("the file is empty", rule: "xml.empty", file: path, line: 1) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw Diagnostic.error("cannot open the input file: \(String(cString: strerror(errno)))", rule: "input.unreadable", file: path)
        }
        self.fd = fd
        var head = [UInt8](repeating: 0, count: min(fileSize, XMLPrologCheck.maxPrologBytes))
        let n = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        head.removeLast(head.count - max(0, n))
        do {
            try XMLPrologCheck.check(head, file: path, fileSize: fileSize)
        } catch {
            close(fd)
            throw error
        }
        guard let parser = LibXML2Parser(fd: fd, url: path, encoding: XMLPrologCheck.unmarkedUTF16(head), handler: self,
            maxTextBytes: options.maxTextBytes, chunkSize: chunkSize)
        else {
            close(fd)
            throw Diagnostic.error("libxml2 could not open a parser", rule: "input.unreadable", file: path)
        }
        xml = parser
    }

    deinit {
        close(fd)
        // Tapes left open by an error.
        for t in tapes { t.builder.discard() }
    }

    public func next() throws -> SourceRecord? {
        while readyIndex >= ready.count {
            ready.removeAll(keepingCapacity: true)
            readyIndex = 0
            if done { return nil }
            try advance()
        }
        defer { readyIndex += 1 }
        return ready[readyIndex]
    }

    /// Parses chunks until a record is ready or the document ends.
    private func advance() throws {
        while ready.isEmpty {
            let more: Bool
            do {
                more = try xml.parseChunk()
            } catch let f as LibXML2Parser.Failure {
                throw diagnostic(f)
            }
            guard more else {
                if !sawRoot { throw Diagnostic.error("the document has no element", rule: "xml.empty", file: path, line: xml.line) }
                done = true
                return
            }
        }
    }

    func entityReference() throws {
        throw Diagnostic.error("an entity reference; oicp-etl does not expand DTD entities", rule: "xml.entity", file: path, line: xml.line)
    }

    func entityDeclaration() throws {
        throw Diagnostic.error("the document type declares entities; oicp-etl does not read DTD entities", rule: "xml.entity", file: path,
            line: xml.line)
    }

    private func diagnostic(_ f: LibXML2Parser.Failure) -> Diagnostic {
        let rule = switch f.kind {
        case .empty: "xml.empty"
        case .encoding: "xml.encoding"
        case .entity: "xml.entity"
        case .limit: "xml.limit"
        case .syntax: "xml.syntax"
        }
        return Diagnostic.error("the XML is not well-formed: \(f.message)", rule: rule, file: path, line: max(1, f.line))
    }

    // MARK: - Elements

    func startElement(local: UnsafePointer<UInt8>?, uri: UnsafePointer<UInt8>?, attributes: LibXML2Parser.Attributes) throws {
        sawRoot = true
        let depth = frames.count + 1
        guard depth <= options.maxDepth else {
            throw Diagnostic.error("elements nested deeper than \(options.maxDepth) levels", rule: "xml.too-deep", file: path, line: xml.line)
        }
        let name = names.name(local: local, uri: uri)
        let isRecord = name.endsRecordPath && matches(recordPath, name.key)
        var scopes: UInt64 = 0
        var partialScopes: UInt64 = 0
        if name.endsScopePath {
            for (i, scope) in scopePaths.enumerated() where matches(scope.path, name.key) {
                if scope.partial { partialScopes |= 1 << i } else { scopes |= 1 << i }
            }
        }
        var parentEntry = frames.indices.last.map { frames[$0].entry } ?? -1
        // A record or scope inside a record read flat: that record goes on as a tree (rare; a
        // record of records or scopes cannot be one tape).
        if parentEntry >= 0 && tapes[tapes.count - 1].isRecord && (isRecord || scopes | partialScopes != 0) {
            leaveTape()
            parentEntry = -1
        }
        // Read through the index: `frames.last` would copy the whole frame (its object and text).
        let parentBuilding = frames.indices.last.map { frames[$0].building && !frames[$0].frozen } ?? false
        var frame = Frame(key: name.key, line: xml.line, building: parentBuilding || isRecord || scopes != 0 || partialScopes != 0,
            isRecord: isRecord, scopes: scopes, partialScopes: partialScopes, waitingStart: waiting.count)
        if isRecord && scopes | partialScopes == 0 {
            // A record is read flat: one tape instead of a tree of strings and lists.
            beginTape(record: true)
            frame.entry = appendEntry(key: nil)
        } else if parentEntry >= 0 {
            frame.entry = appendEntry(key: name.keyBytes)
        } else if scopeTapes && scopes != 0 && !parentBuilding {
            // An outermost scope element: read flat with the scope elements inside it.
            beginTape(record: false)
            frame.entry = appendEntry(key: nil)
        }
        if frame.building { read(attributes, into: &frame) }
        if frame.entry >= 0 { try checkTapeRoom() }
        if scopes != 0 { openCompleteScopes += 1 }
        frames.append(consume frame)
    }

    private func read(_ attributes: LibXML2Parser.Attributes, into frame: inout Frame) {
        for a in attributes {
            let attribute = names.name(local: a.local, uri: a.uri)
            var value = a.text
            if attribute.isXSIType { value = xsiType(value) }
            if frame.entry >= 0 {
                let e = appendEntry(key: attribute.attributeKeyBytes)
                setText(e, value)
                frame.members += 1
            } else {
                frame.object.append(attribute.attributeKey, .text(value))
            }
            frame.nodes += 1
        }
    }

    // MARK: - Records read flat

    private func beginTape(record: Bool) {
        tapes.append(OpenTape(builder: SourceTape.Builder(entryCapacity: tapeEntries, byteCapacity: tapeBytes), root: frames.count,
            isRecord: record))
    }

    /// Throws when the innermost tape has grown past what it can address (its offsets and indexes
    /// are 32 bits): checked once per start tag, text and end tag, before anything reads it.
    private func checkTapeRoom() throws {
        guard tape.byteTotal > SourceTape.maxBytes || tape.count >= Int(UInt32.max) else { return }
        let key = frames.indices.last.map { "<\(frames[$0].key)>" } ?? "an element"
        throw Diagnostic.error("\(key) and what holds it are more than 4 GiB of names and texts; records.path and records.enclosing "
            + "should name smaller elements", rule: "xml.too-large", file: path, line: xml.line)
    }

    /// Appends an entry (an object until its end says otherwise) to the innermost tape.
    private func appendEntry(key: [UInt8]?) -> Int {
        var entry = SourceTape.Entry(kind: .object, line: UInt32(truncatingIfNeeded: xml.line), keyStart: 0, keyCount: 0)
        if let key {
            key.withUnsafeBufferPointer { k in
                entry.keyStart = UInt32(truncatingIfNeeded: tape.append(k))
                entry.keyCount = UInt32(truncatingIfNeeded: k.count)
            }
        }
        return tape.append(entry)
    }

    private static let textKey = Array("#text".utf8)

    /// Makes entry `e` a text, appended to the tape's bytes.
    private func setText(_ e: Int, _ text: String) {
        var text = text
        text.withUTF8 { t in setText(e, start: tape.append(t), count: t.count) }
    }

    /// Ends the element of `frame` in the tape: its text, or an object (with its text as `#text`
    /// after its members, when it has one), as `makeNode` makes a tree.
    private func endEntry(_ frame: Frame) throws {
        if frame.members == 0 {
            setText(frame.entry, start: frame.textStart, count: frame.textCount)
            return
        }
        let nonBlank = frame.textCount > 0
            && (tape.hasNonBlankASCII(frame.textStart, frame.textCount)
                ?? tape.text(frame.textStart, frame.textCount).contains(where: { !$0.isWhitespace }))
        if nonBlank { setText(appendEntry(key: Self.textKey), start: frame.textStart, count: frame.textCount) }
        try checkTapeRoom()
        tape[frame.entry].end = UInt32(tape.count)
    }

    /// Makes entry `e` a text already in the tape's bytes.
    private func setText(_ e: Int, start: Int, count: Int) {
        tape[e].kind = .text
        tape[e].textStart = UInt32(truncatingIfNeeded: start)
        tape[e].textCount = UInt32(truncatingIfNeeded: count)
        tape[e].end = UInt32(truncatingIfNeeded: e + 1)
    }

    /// The record being read flat goes on as a tree: each open element inside it gets, as its
    /// object, the members the tape holds so far.
    private func leaveTape() {
        // A record's tape: it holds no scope element, so no scope object waits for it.
        let open = tapes.removeLast()
        let root = open.root
        for f in root..<frames.count { open.builder[frames[f].entry].end = UInt32(open.builder.count) }
        let t = SourceTape(taking: open.builder)
        for f in root..<frames.count {
            if frames[f].textCount > 0 {
                let start = frames[f].textStart
                frames[f].text = String(decoding: UnsafeBufferPointer(rebasing: t.bytes[start..<(start + frames[f].textCount)]), as: UTF8.self)
                frames[f].textCount = 0
            }
            let inner = f + 1 < frames.count ? frames[f + 1].entry : -1
            var object = SourceObject()
            for j in t.children(frames[f].entry) where j != inner { object.append(t.keyText(j), t.node(j)) }
            frames[f].object = object
            frames[f].entry = -1
            frames[f].members = 0
        }
    }

    /// xsi:type holds a qualified name whose prefix is the file's: written the mapping's way.
    private func xsiType(_ value: String) -> String {
        if xsiTypesGeneration != xml.namespaceGeneration {
            xsiTypes.removeAll()
            xsiTypesGeneration = xml.namespaceGeneration
        }
        if let known = xsiTypes[value] { return known }
        var written = value
        if let colon = value.firstIndex(of: ":") {
            let prefix = String(value[..<colon])
            let local = String(value[value.index(after: colon)...])
            let mapped = xml.namespace(ofPrefix: prefix).flatMap { prefixByURI[$0] }
            written = mapped.map { $0.isEmpty ? local : $0 + ":" + local } ?? local
        }
        if xsiTypes.count < 4096 { xsiTypes[value] = written }
        return written
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) throws {
        guard let last = frames.indices.last, frames[last].building else { return }
        guard frames[last].text.utf8.count + frames[last].textCount + count <= options.maxTextBytes else {
            throw Diagnostic.error("a text of more than \(options.maxTextBytes) bytes in <\(frames[last].key)>", rule: "xml.text-too-large",
                file: path, line: xml.line)
        }
        guard frames[last].entry >= 0 else {
            frames[last].text += String(decoding: bytes, as: UTF8.self)
            return
        }
        // Read flat: the text goes into the tape's bytes, kept in one piece (a second text of
        // the element, after a child, is joined to a copy of the first).
        if frames[last].textCount == 0 {
            frames[last].textStart = tape.append(bytes)
        } else if frames[last].textStart + frames[last].textCount == tape.byteTotal {
            _ = tape.append(bytes)
        } else {
            let first = tape.copyBytes(frames[last].textStart, frames[last].textCount)
            frames[last].textStart = first.withUnsafeBufferPointer { tape.append($0) }
            _ = tape.append(bytes)
        }
        frames[last].textCount += bytes.count
        try checkTapeRoom()
    }

    func endElement() throws {
        var frame = frames.removeLast()
        if frame.scopes != 0 { openCompleteScopes -= 1 }
        guard frame.building else {
            if let parent = frames.indices.last { frames[parent].records += frame.records }
            return
        }
        let node: SourceNode
        // A scope element inside a tape not yet complete: its records get it when it is.
        var pendingEntry = -1
        if frame.entry >= 0 {
            try endEntry(frame)
            if frames.count == tapes[tapes.count - 1].root {
                // The tape is complete: the records waiting for its scope elements get them.
                let done = tapes.removeLast()
                if done.isRecord {
                    tapeEntries = max(done.builder.count, 16)
                    tapeBytes = max(done.builder.byteTotal, 256)
                }
                let t = SourceTape(taking: done.builder)
                node = .tape(t, 0)
                for p in done.pending { waiting[p.record].setScope(p.name, to: .tape(t, p.entry), id: p.id) }
            } else {
                node = .null  // a member of the tape: its parent holds it already
                pendingEntry = frame.entry
            }
        } else {
            node = makeNode(&frame)
        }
        if frame.isRecord {
            recordNumber += 1
            var record = SourceRecord(content: .tree(node), provenance: Provenance(file: fileID, line: frame.line, recordNumber: recordNumber))
            frame.records += 1
            attachPartialScopes(to: &record)
            waiting.append(record)
        } else if let parent = frames.indices.last, frames[parent].building, !frames[parent].frozen {
            if frames[parent].entry >= 0 {
                frames[parent].members += 1
            } else {
                frames[parent].object.append(frame.key, node)
            }
            frames[parent].nodes += frame.nodes + 1
            guard frames[parent].nodes <= options.maxNodes else {
                throw Diagnostic.error("<\(frames[parent].key)> holds more than \(options.maxNodes) elements, attributes and texts; records.path and "
                    + "records.enclosing should name smaller elements", rule: "xml.too-large", file: path, line: frames[parent].line)
            }
        }
        if frame.scopes | frame.partialScopes != 0 && frame.records == 0 {
            let allScopes = scopeNames(frame.scopes) + scopeNames(frame.partialScopes)
            // A scope element without records is reported, not silently skipped.
            recordNumber += 1
            let defect = Diagnostic(.error, rule: "xml.no-records",
                "<\(frame.key)> (\(allScopes.map { "$" + $0 }.joined(separator: ", "))) holds no record element '\(recordPath.text)'", file: path,
                line: frame.line, field: recordPath.text)
            var record = SourceRecord(content: .tree(.null), provenance: Provenance(file: fileID, line: frame.line, recordNumber: recordNumber),
                defect: defect)
            attachPartialScopes(to: &record)
            for name in scopeNames(frame.partialScopes) { record.setScope(name, to: node) }
            waiting.append(record)
            frame.records += 1
        }
        if frame.scopes != 0 {
            scopeCounter += 1
            for scope in scopeNames(frame.scopes) {
                for i in frame.waitingStart..<waiting.count {
                    if pendingEntry >= 0 {
                        tapes[tapes.count - 1].pending.append((i, scope, pendingEntry, scopeCounter))
                    } else {
                        waiting[i].setScope(scope, to: node, id: scopeCounter)
                    }
                }
            }
        }
        if let parent = frames.indices.last { frames[parent].records += frame.records }
        // Records are handed on once no enclosing scope element is open.
        if !waiting.isEmpty && openCompleteScopes == 0 {
            ready += waiting
            waiting.removeAll(keepingCapacity: true)
        }
    }

    /// Gives a record what the open partial scopes hold so far, and freezes them.
    private func attachPartialScopes(to record: inout SourceRecord) {
        for i in frames.indices where frames[i].partialScopes != 0 {
            var object = frames[i].object
            object.line = frames[i].line
            if !frames[i].frozen {
                scopeCounter += 1
                frames[i].scopeID = scopeCounter
                frames[i].frozen = true
            }
            for name in scopeNames(frames[i].partialScopes) {
                record.setScope(name, to: .object(object), id: frames[i].scopeID)
            }
        }
    }

    /// The names of the scopes whose bits are set, in the mapping's order.
    private func scopeNames(_ bits: UInt64) -> [String] {
        scopePaths.indices.filter { bits & (1 << UInt64($0)) != 0 }.map { scopePaths[$0].name }
    }

    /// Whether the element `key`, inside the open elements, is at `p`.
    private func matches(_ p: ElementPath, _ key: String) -> Bool {
        guard key == p.steps.last, frames.count + 1 >= p.steps.count else { return false }
        if p.anchored && frames.count + 1 != p.steps.count { return false }
        var f = frames.count - 1
        for step in p.steps.dropLast().reversed() {
            guard frames[f].key == step else { return false }
            f -= 1
        }
        return true
    }

    private func makeNode(_ frame: inout Frame) -> SourceNode {
        let text = frame.text
        if frame.object.keys.isEmpty { return .text(text) }
        if text.contains(where: { !$0.isWhitespace }) { frame.object.append("#text", .text(text)) }
        frame.object.line = frame.line
        return .object(frame.object)
    }
}

/// How to read an XML file.
public struct XMLOptions: Sendable, Equatable {
    /// The record element: its name, or the last steps of its path (`refillPoint`,
    /// `energyInfrastructureStation/refillPoint`), or its whole path from the root (`/payload/…`).
    public var recordPath: String?
    /// Enclosing elements records reach by name (`$station`).
    public var scopes: [Scope] = []
    /// Namespace prefixes the mapping uses, by URI (`fac` → `http://datex2.eu/schema/3/facilities`);
    /// an empty prefix writes that namespace's names without one.
    public var namespaces: [String: String] = [:]
    public var maxDepth = 256
    public var maxTextBytes = 1 << 20
    /// Elements, attributes and texts one record or scope element may hold.
    public var maxNodes = 1_000_000

    public struct Scope: Sendable, Equatable {
        public var name: String
        /// The element path, as for the record.
        public var element: String
        /// Records do not wait for the element's end: they see its attributes and the children
        /// that end before them (for large elements, such as an operator around all its sites).
        public var partial: Bool

        public init(name: String, element: String, partial: Bool = false) {
            self.name = name
            self.element = element
            self.partial = partial
        }
    }

    public init() {}
}

/// `refillPoint`, `energyInfrastructureStation/refillPoint`, `/payload/table/site`: element names
/// (with the mapping's prefixes) matched against the end of the open elements, or against all
/// of them when the path starts with `/`.
struct ElementPath {
    let steps: [String]
    let anchored: Bool
    let text: String

    init(parsing text: String, file: String) throws {
        self.text = text
        anchored = text.hasPrefix("/")
        steps = text.split(separator: "/").map { String($0).trimmingCharacters(in: .whitespaces) }
        guard !steps.isEmpty, !steps.contains(where: \.isEmpty) else {
            throw Diagnostic.error("'\(text)' is not an element path such as refillPoint or station/refillPoint", rule: "mapping.syntax", file: file)
        }
    }
}
