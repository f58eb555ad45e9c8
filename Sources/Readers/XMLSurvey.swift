import ETLCore
import Foundation

/// A first look at an XML file nobody has seen (`mapping init`): every element path with how
/// often it occurs and a few sample values of its attributes and text, read as a stream.
public struct XMLSurvey: Sendable {
    public struct Element: Sendable {
        /// Local names from the root, joined by `/`.
        public var path: String
        public var count = 0
        /// Attribute name → the first few values.
        public var attributes: [String: [String]] = [:]
        /// The first few texts.
        public var texts: [String] = []
        /// Names of child elements.
        public var children: Set<String> = []
    }

    public private(set) var elements: [String: Element] = [:]
    /// Paths in the order they first occur.
    public private(set) var order: [String] = []

    /// Surveys at most `maxBytes` of the file (the whole of a small one).
    public init(path: String, maxBytes: Int = 8 << 20) throws {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR else {
            throw Diagnostic.error("cannot read the input file", rule: "input.unreadable", file: path)
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw Diagnostic.error("cannot open the input file", rule: "input.unreadable", file: path) }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: min(Int(st.st_size), XMLPrologCheck.maxPrologBytes))
        let n = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        head.removeLast(head.count - max(0, n))
        try XMLPrologCheck.check(head, file: path, fileSize: Int(st.st_size))
        let surveyor = Surveyor()
        guard let xml = LibXML2Parser(fd: fd, url: path, encoding: XMLPrologCheck.unmarkedUTF16(head), handler: surveyor) else {
            throw Diagnostic.error("libxml2 could not open a parser", rule: "input.unreadable", file: path)
        }
        do {
            while try xml.parseChunk(), xml.bytesConsumed <= maxBytes {}
        } catch let error as LibXML2Parser.Failure {
            throw Diagnostic.error("the XML is not well-formed: \(error.message)", rule: "xml.syntax", file: path, line: max(1, error.line))
        } catch let refused as Surveyor.Refused {
            throw Diagnostic.error("\(refused.what); oicp-etl does not expand DTD entities", rule: "xml.entity", file: path, line: max(1, xml.line))
        }
        elements = surveyor.elements
        order = surveyor.order
    }
}

/// Gathers the survey from the parser's events.
fileprivate final class Surveyor: LibXML2Handler {
    var elements: [String: XMLSurvey.Element] = [:]
    var order: [String] = []
    var stack: [String] = []

    struct Refused: Error {
        let what: String
    }

    func startElement(local: UnsafePointer<UInt8>?, uri: UnsafePointer<UInt8>?, attributes: LibXML2Parser.Attributes) throws {
        let name = local.map { String(cString: $0) } ?? ""
        if let parent = stack.last { elements[parent]?.children.insert(name) }
        let key = (stack.last.map { $0 + "/" } ?? "") + name
        if elements[key] == nil {
            elements[key] = XMLSurvey.Element(path: key)
            order.append(key)
        }
        elements[key]!.count += 1
        for a in attributes {
            let attribute = a.local.map { String(cString: $0) } ?? ""
            if elements[key]!.attributes[attribute, default: []].count < 5 {
                elements[key]!.attributes[attribute, default: []].append(a.text)
            }
        }
        stack.append(key)
    }

    func endElement() throws { stack.removeLast() }

    func text(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) throws {
        guard let top = stack.last, elements[top]!.texts.count < 5 else { return }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if !text.isEmpty { elements[top]!.texts.append(text) }
    }

    func entityReference() throws { throw Refused(what: "an entity reference") }
    func entityDeclaration() throws { throw Refused(what: "the document type declares entities") }
}
