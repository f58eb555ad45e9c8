import CLibXML2
import Glibc

/// What `LibXML2Parser` hands on, in document order, on the thread that calls `parseChunk()`.
/// A handler may throw: the parser stops and `parseChunk()` throws the same error.
protocol LibXML2Handler: AnyObject {
    /// A start tag. Names and namespace URIs are interned by libxml2 for the parser's lifetime
    /// (their addresses identify them); namespace declarations are not among the attributes.
    func startElement(local: UnsafePointer<UInt8>?, uri: UnsafePointer<UInt8>?, attributes: LibXML2Parser.Attributes) throws
    func endElement() throws
    /// A text between two pieces of markup, whole, with its entities and character references
    /// resolved; a text of nothing but white space is not handed on. `count` is its length, which
    /// exceeds `bytes.count` when it was longer than the parser's `maxTextBytes` (the rest is dropped).
    func text(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) throws
    /// A reference to an entity other than the five predefined ones.
    func entityReference() throws
    /// An entity declaration in the document type.
    func entityDeclaration() throws
}

/// libxml2's SAX2 push parser: the one file that calls libxml2.
///
/// The file is read in chunks and pushed to the parser, which calls back for each start tag,
/// end tag and text; no tree is built. Network access, entity substitution, DTD loading and DTD
/// attribute defaults are off. Errors reach Swift through the structured error handler (bridged
/// with `Unmanaged`); the first one is kept.
final class LibXML2Parser {
    /// libxml2's error codes, as the diagnostics name them.
    enum ErrorKind: Equatable {
        case empty, encoding, entity, limit, syntax

        init(code: Int32) {
            switch xmlParserErrors(rawValue: UInt32(code)) {
            case XML_ERR_DOCUMENT_EMPTY: self = .empty
            case XML_ERR_UNKNOWN_ENCODING, XML_ERR_UNSUPPORTED_ENCODING, XML_ERR_ENCODING_NAME, XML_ERR_INVALID_ENCODING, XML_ERR_INVALID_CHAR:
                self = .encoding
            case XML_ERR_UNDECLARED_ENTITY, XML_ERR_ENTITY_LOOP, XML_ERR_ENTITY_PE_INTERNAL, XML_WAR_UNDECLARED_ENTITY, XML_ERR_ENTITY_BOUNDARY:
                self = .entity
            case XML_ERR_NO_MEMORY, XML_ERR_INTERNAL_ERROR: self = .limit
            default: self = .syntax
            }
        }
    }

    struct Failure: Error {
        var kind: ErrorKind
        var message: String
        var line: Int
    }

    /// A start tag's attributes: libxml2's array of five pointers each (local name, prefix,
    /// namespace URI, value start, value end).
    struct Attributes: Sequence {
        let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
        let count: Int

        struct Attribute {
            let local: UnsafePointer<UInt8>?
            let uri: UnsafePointer<UInt8>?
            /// The value, normalised; an `&` in it is spelled `&#38;` (see `text`).
            let value: UnsafeBufferPointer<UInt8>

            /// The value as text. libxml2 hands an `&` on as `&#38;` when it builds no tree; every
            /// other reference is already resolved, and entity declarations are refused.
            var text: String {
                guard value.contains(UInt8(ascii: "&")) else { return String(decoding: value, as: UTF8.self) }
                var out: [UInt8] = []
                out.reserveCapacity(value.count)
                var i = 0
                while i < value.count {
                    if value[i] == UInt8(ascii: "&"), i + 4 < value.count, value[i + 1] == UInt8(ascii: "#"), value[i + 2] == UInt8(ascii: "3"),
                        value[i + 3] == UInt8(ascii: "8"), value[i + 4] == UInt8(ascii: ";") {
                        out.append(UInt8(ascii: "&"))
                        i += 5
                    } else {
                        out.append(value[i])
                        i += 1
                    }
                }
                return String(decoding: out, as: UTF8.self)
            }
        }

        func makeIterator() -> Iterator { Iterator(base: base, count: count) }

        struct Iterator: IteratorProtocol {
            let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
            let count: Int
            var i = 0

            mutating func next() -> Attribute? {
                guard i < count, let base else { return nil }
                let p = base + 5 * i
                i += 1
                let length = p[3].flatMap { start in p[4].map { $0 - start } } ?? 0
                return Attribute(local: p[0], uri: p[2], value: UnsafeBufferPointer(start: p[3], count: Swift.max(0, length)))
            }
        }
    }

    private let context: xmlParserCtxtPtr
    private unowned(unsafe) let handler: any LibXML2Handler
    private let fd: Int32
    private let chunk: UnsafeMutableRawBufferPointer
    /// The first error libxml2 reported, and the first a handler threw.
    private(set) var failure: Failure?
    private var thrown: (any Error)?
    /// The text being gathered (texts come in pieces: around references, across chunks).
    private var run: [UInt8] = []
    private var runCount = 0
    private var runIsBlank = true
    private var runIsCDATA = false
    let maxTextBytes: Int
    /// Namespace declarations in scope (prefix, URI), and how many each open element made.
    private var namespaces: [(prefix: UnsafePointer<UInt8>?, uri: UnsafePointer<UInt8>?)] = []
    private var declared: [Int] = []
    /// Changes whenever the namespace declarations in scope do.
    private(set) var namespaceGeneration = 0
    private(set) var bytesConsumed = 0
    private(set) var finished = false

    /// Opens the parser on `fd`; nil when libxml2 cannot allocate one. `encoding` overrides what
    /// the document says (nil: the declaration or byte order mark decides).
    init?(fd: Int32, url: String, encoding: String? = nil, handler: any LibXML2Handler, maxTextBytes: Int = 1 << 20, chunkSize: Int = 256 << 10) {
        self.fd = fd
        self.handler = handler
        self.maxTextBytes = maxTextBytes
        chunk = .allocate(byteCount: max(chunkSize, 4), alignment: 16)
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        Self.install(&sax)
        // The first four bytes tell libxml2 the encoding; the rest is pushed chunk by chunk. With
        // an encoding given, libxml2 is shown no bytes before it is switched to it: an encoding
        // it guessed from them first (`00 3C 00 00` looks like UCS-4) and then had switched
        // under it left its input stack broken, and freeing the parser crashed.
        let coding = encoding.flatMap { xmlFindCharEncodingHandler($0) }
        let head = coding == nil ? pread(fd, chunk.baseAddress, 4, 0) : 0
        guard let context = xmlCreatePushParserCtxt(&sax, nil, chunk.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(max(0, head)), url)
        else {
            chunk.deallocate()
            return nil
        }
        self.context = context
        bytesConsumed = max(0, head)
        _ = lseek(fd, off_t(bytesConsumed), SEEK_SET)
        context.pointee.userData = Unmanaged.passUnretained(self).toOpaque()
        _ = xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
        if let coding { _ = xmlSwitchToEncoding(context, coding) }
    }

    deinit {
        xmlFreeParserCtxt(context)
        chunk.deallocate()
    }

    /// The line the parser is on (in a start tag's callback: the line of the tag's end).
    var line: Int { Int(context.pointee.input?.pointee.line ?? 0) }

    /// Reads and parses the next chunk of the file: false once the document has ended. Throws
    /// libxml2's first fatal error, or what a handler threw; at the end, libxml2's first error.
    func parseChunk() throws -> Bool {
        guard !finished else { return false }
        let n = read(fd, chunk.baseAddress, chunk.count)
        guard n >= 0 else {
            throw Failure(kind: .syntax, message: "the file cannot be read: \(String(cString: strerror(errno)))", line: line)
        }
        bytesConsumed += n
        finished = n == 0
        _ = xmlParseChunk(context, chunk.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(n), finished ? 1 : 0)
        if let thrown { throw thrown }
        if context.pointee.disableSAX != 0 || finished {
            if let failure { throw failure }
            if !finished { throw Failure(kind: .syntax, message: "the XML cannot be parsed", line: line) }
        }
        return !finished
    }

    /// The namespace URI a prefix stands for at the current start tag.
    func namespace(ofPrefix prefix: String) -> String? {
        for binding in namespaces.reversed() {
            let name = binding.prefix.map { String(cString: $0) } ?? ""
            if name == prefix { return binding.uri.map { String(cString: $0) } }
        }
        return nil
    }

    // MARK: - Callbacks

    private func call(_ body: () throws -> Void) {
        guard thrown == nil else { return }
        do {
            try body()
        } catch {
            thrown = error
            xmlStopParser(context)
        }
    }

    private func gather(_ p: UnsafePointer<UInt8>?, _ length: Int32, cdata: Bool) {
        guard let p, length > 0 else { return }
        if cdata != runIsCDATA { flush() }
        runIsCDATA = cdata
        let bytes = UnsafeBufferPointer(start: p, count: Int(length))
        if runIsBlank && !cdata {
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                guard b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D else { break }
                i += 1
            }
            runIsBlank = i == bytes.count
        }
        if cdata { runIsBlank = false }
        let room = max(0, maxTextBytes + 1 - run.count)
        if room > 0 { run.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<min(room, bytes.count)])) }
        runCount += bytes.count
    }

    /// Hands on the text gathered since the last markup, unless it is white space only.
    private func flush() {
        guard runCount > 0 else { return }
        if !runIsBlank { call { try run.withUnsafeBufferPointer { try handler.text($0, count: runCount) } } }
        if run.capacity > 1 << 16 { run = [] } else { run.removeAll(keepingCapacity: true) }
        runCount = 0
        runIsBlank = true
        runIsCDATA = false
    }

    private func record(_ e: xmlError) {
        guard e.level.rawValue >= XML_ERR_ERROR.rawValue, failure == nil else { return }
        var message = e.message.map { String(cString: $0) } ?? "unknown error"
        while message.last?.isWhitespace == true { message.removeLast() }
        // For a tag that is never closed, the line of its start tag (libxml2 passes it in int1).
        let code = xmlParserErrors(rawValue: UInt32(e.code))
        let line = (code == XML_ERR_TAG_NAME_MISMATCH || code == XML_ERR_TAG_NOT_FINISHED) && e.int1 > 0 ? e.int1 : e.line
        failure = Failure(kind: ErrorKind(code: e.code), message: message, line: Int(line))
    }

    private static func parser(_ context: UnsafeMutableRawPointer?) -> LibXML2Parser {
        Unmanaged<LibXML2Parser>.fromOpaque(context!).takeUnretainedValue()
    }

    private static func install(_ sax: inout xmlSAXHandler) {
        sax.startElementNs = { context, local, _, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes in
            let parser = LibXML2Parser.parser(context)
            parser.flush()
            for i in 0..<Int(namespaceCount) {
                parser.namespaces.append((namespaces?[2 * i], namespaces?[2 * i + 1]))
            }
            if namespaceCount > 0 { parser.namespaceGeneration += 1 }
            parser.declared.append(Int(namespaceCount))
            // Attributes defaulted by the document type come last; they are left out.
            let list = Attributes(base: attributes, count: Int(attributeCount - defaulted))
            parser.call { try parser.handler.startElement(local: local, uri: uri, attributes: list) }
        }
        sax.endElementNs = { context, _, _, _ in
            let parser = LibXML2Parser.parser(context)
            parser.flush()
            parser.call { try parser.handler.endElement() }
            let count = parser.declared.popLast() ?? 0
            if count > 0 {
                parser.namespaces.removeLast(count)
                parser.namespaceGeneration += 1
            }
        }
        sax.characters = { context, p, length in LibXML2Parser.parser(context).gather(p, length, cdata: false) }
        sax.ignorableWhitespace = sax.characters
        sax.cdataBlock = { context, p, length in LibXML2Parser.parser(context).gather(p, length, cdata: true) }
        // Comments and processing instructions end a text, as they end a text node in a tree.
        sax.comment = { context, _ in LibXML2Parser.parser(context).flush() }
        sax.processingInstruction = { context, _, _ in LibXML2Parser.parser(context).flush() }
        sax.reference = { context, _ in
            let parser = LibXML2Parser.parser(context)
            parser.call { try parser.handler.entityReference() }
        }
        sax.entityDecl = { context, _, _, _, _, _ in
            let parser = LibXML2Parser.parser(context)
            parser.call { try parser.handler.entityDeclaration() }
        }
        sax.serror = { context, error in
            guard let context, let error else { return }
            LibXML2Parser.parser(context).record(error.pointee)
        }
    }
}
