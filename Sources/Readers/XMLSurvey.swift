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
        guard let xml = LibXML2Reader(fd: fd, url: path, encoding: XMLPrologCheck.unmarkedUTF16(head)) else {
            throw Diagnostic.error("libxml2 could not open a reader", rule: "input.unreadable", file: path)
        }
        var stack: [String] = []
        func local(_ p: UnsafePointer<UInt8>?) -> String { p.map { String(cString: $0) } ?? "" }
        do {
            while try xml.read(), xml.bytesConsumed <= maxBytes {
                switch xml.nodeType {
                case .element:
                    let name = local(xml.localName)
                    if let parent = stack.last { elements[parent]?.children.insert(name) }
                    let key = (stack.last.map { $0 + "/" } ?? "") + name
                    if elements[key] == nil {
                        elements[key] = Element(path: key)
                        order.append(key)
                    }
                    elements[key]!.count += 1
                    while xml.moveToNextAttribute() {
                        if xml.isNamespaceDeclaration { continue }
                        let attribute = local(xml.localName)
                        if elements[key]!.attributes[attribute, default: []].count < 5, let v = xml.value {
                            elements[key]!.attributes[attribute, default: []].append(String(cString: v))
                        }
                    }
                    xml.moveToElement()
                    if !xml.isEmptyElement { stack.append(key) }
                case .endElement:
                    stack.removeLast()
                case .text, .cdata:
                    if let top = stack.last, elements[top]!.texts.count < 5, let v = xml.value {
                        let text = String(cString: v).trimmingCharacters(in: .whitespacesAndNewlines)
                        if !text.isEmpty { elements[top]!.texts.append(text) }
                    }
                default:
                    break
                }
            }
        } catch {
            throw Diagnostic.error("the XML is not well-formed: \(error.message)", rule: "xml.syntax", file: path, line: max(1, error.line))
        }
    }
}
