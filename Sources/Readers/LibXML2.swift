import CLibXML2

/// libxml2's streaming reader (`xmlTextReader`): the one file that calls libxml2.
///
/// The reader is opened on a file descriptor with network access forbidden and without
/// entity substitution, DTD loading or DTD attribute defaults. Errors reach Swift through a
/// structured error handler (bridged with `Unmanaged`); the first one is kept.
final class LibXML2Reader {
    enum NodeType: Equatable {
        case element, endElement, text, cdata, whitespace, entityReference, documentType, other
    }

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

    private let reader: xmlTextReaderPtr
    /// The first error libxml2 reported.
    private(set) var failure: Failure?

    /// Opens the reader on `fd`; nil when libxml2 cannot allocate one.
    /// `encoding` overrides what the document says (nil: the declaration or byte order mark decides).
    init?(fd: Int32, url: String, encoding: String? = nil) {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
        guard let r = xmlReaderForFd(fd, url, encoding, options) else { return nil }
        reader = r
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            let me = Unmanaged<LibXML2Reader>.fromOpaque(context).takeUnretainedValue()
            me.record(error.pointee)
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit { xmlFreeTextReader(reader) }

    private func record(_ e: xmlError) {
        guard e.level.rawValue >= XML_ERR_ERROR.rawValue, failure == nil else { return }
        var message = e.message.map { String(cString: $0) } ?? "unknown error"
        while message.last?.isWhitespace == true { message.removeLast() }
        // For a tag that is never closed, the line of its start tag (libxml2 passes it in int1).
        let code = xmlParserErrors(rawValue: UInt32(e.code))
        let line = (code == XML_ERR_TAG_NAME_MISMATCH || code == XML_ERR_TAG_NOT_FINISHED) && e.int1 > 0 ? e.int1 : e.line
        failure = Failure(kind: ErrorKind(code: e.code), message: message, line: Int(line))
    }

    /// Moves to the next node: true on a node, false at the end; throws libxml2's error.
    func read() throws(Failure) -> Bool {
        switch xmlTextReaderRead(reader) {
        case 1: return true
        case 0:
            if let failure { throw failure }
            return false
        default:
            throw failure ?? Failure(kind: .syntax, message: "the XML cannot be parsed", line: line)
        }
    }

    var nodeType: NodeType {
        switch xmlTextReaderNodeType(reader) {
        case 1: .element
        case 15: .endElement
        case 3: .text
        case 4: .cdata
        case 13, 14: .whitespace
        case 5: .entityReference
        case 10: .documentType
        default: .other
        }
    }

    var depth: Int { Int(xmlTextReaderDepth(reader)) }
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }
    /// The line the parser is on (for an element: the line of its start tag's end).
    var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }
    /// The line of the current node's start (from the node, not the parser, which reads ahead).
    var nodeLine: Int {
        guard let node = xmlTextReaderCurrentNode(reader) else { return line }
        return Int(xmlGetLineNo(node))
    }
    var bytesConsumed: Int { max(0, Int(xmlTextReaderByteConsumed(reader))) }

    /// The node's local name and namespace URI, interned by libxml2 for the reader's lifetime
    /// (so their addresses identify them).
    var localName: UnsafePointer<UInt8>? { xmlTextReaderConstLocalName(reader) }
    var namespaceURI: UnsafePointer<UInt8>? { xmlTextReaderConstNamespaceUri(reader) }
    /// The text of a text, CDATA or attribute node, valid until the next move.
    var value: UnsafePointer<UInt8>? { xmlTextReaderConstValue(reader) }

    func moveToNextAttribute() -> Bool { xmlTextReaderMoveToNextAttribute(reader) == 1 }
    func moveToElement() { xmlTextReaderMoveToElement(reader) }
    var isNamespaceDeclaration: Bool { xmlTextReaderIsNamespaceDecl(reader) == 1 }

    /// The namespace URI a prefix stands for at the current node.
    func namespace(ofPrefix prefix: String) -> String? {
        guard let uri = xmlTextReaderLookupNamespace(reader, prefix) else { return nil }
        defer { oicp_xml_free(uri) }
        return String(cString: uri)
    }

    /// At a document type node: whether it declares entities or names an external DTD.
    var documentTypeDeclaresEntities: Bool {
        guard let node = xmlTextReaderCurrentNode(reader) else { return false }
        let dtd = UnsafeMutableRawPointer(node).assumingMemoryBound(to: xmlDtd.self).pointee
        return dtd.entities != nil || dtd.pentities != nil
    }
}
