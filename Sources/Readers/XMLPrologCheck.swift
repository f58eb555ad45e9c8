import ETLCore

/// Looks at an XML file's prolog before libxml2 parses anything: a document that declares
/// entities (`<!ENTITY`, the mechanism of XXE and of "billion laughs") is refused outright, so
/// no entity is ever parsed, expanded or fetched.
enum XMLPrologCheck {
    /// How much of the file the prolog may take.
    static let maxPrologBytes = 1 << 20

    /// UTF-16 without a byte order mark (which XML requires, but exports forget): the encoding
    /// libxml2 must be told, since it cannot tell `<d>` in UTF-16 from text with zero bytes.
    static func unmarkedUTF16(_ b: [UInt8]) -> String? {
        guard b.count >= 4, !(b[0] == 0xFE && b[1] == 0xFF), !(b[0] == 0xFF && b[1] == 0xFE) else { return nil }
        if b[0] == UInt8(ascii: "<") && b[1] == 0 { return "UTF-16LE" }
        if b[0] == 0 && b[1] == UInt8(ascii: "<") { return "UTF-16BE" }
        return nil
    }

    /// UCS-4 (UTF-32), in any of its four byte orders, with or without a byte order mark: its
    /// first four bytes are a `<` or the mark, and zero bytes. libxml2 guesses it from those bytes,
    /// reads two orders and crashed when freed after guessing one of the others (`00 00 3C 00`,
    /// found by the fuzzer); no export writes it, so it is refused before libxml2 sees a byte.
    static func ucs4(_ b: [UInt8]) -> String? {
        guard b.count >= 4 else { return nil }
        switch (b[0], b[1], b[2], b[3]) {
        case (0, 0, 0, 0x3C), (0, 0, 0xFE, 0xFF): return "UCS-4 (UTF-32) big-endian"
        case (0x3C, 0, 0, 0), (0xFF, 0xFE, 0, 0): return "UCS-4 (UTF-32) little-endian"
        case (0, 0, 0x3C, 0), (0, 0, 0xFF, 0xFE): return "UCS-4 in byte order 2143"
        case (0, 0x3C, 0, 0), (0xFE, 0xFF, 0, 0): return "UCS-4 in byte order 3412"
        default: return nil
        }
    }

    /// Throws `xml.encoding` for UCS-4, `xml.entity` when the prolog declares an entity, and
    /// `xml.empty` when the whole file has no element.
    static func check(_ head: [UInt8], file: String, fileSize: Int) throws {
        if let form = ucs4(head) {
            throw Diagnostic.error("the file looks like \(form), four bytes a character, which oicp-etl does not read; convert it to UTF-8",
                rule: "xml.encoding", file: file, line: 1)
        }
        let text = asciiView(head)
        var i = 0
        var line = 1
        func starts(_ s: String, at p: Int) -> Bool {
            let u = Array(s.utf8)
            return p + u.count <= text.count && Array(text[p..<p + u.count]) == u
        }
        func skip(to end: String, from p: Int) -> Int {
            var q = p
            while q < text.count && !starts(end, at: q) {
                if text[q] == 0x0A { line += 1 }
                q += 1
            }
            return q + end.utf8.count
        }
        while i < text.count {
            let c = text[i]
            if c == 0x0A { line += 1 }
            guard c == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            if starts("<?", at: i) {
                i = skip(to: "?>", from: i + 2)
            } else if starts("<!--", at: i) {
                i = skip(to: "-->", from: i + 4)
            } else if starts("<!ENTITY", at: i) {
                throw Diagnostic.error(
                    "the document declares an entity (<!ENTITY); oicp-etl does not read DTD entities, which can fetch files (XXE) or expand without end",
                    rule: "xml.entity", file: file, line: line)
            } else if starts("<!", at: i) {
                i += 2
            } else if i + 1 < text.count, isNameStart(text[i + 1]) {
                return  // the root element: the prolog is over
            } else {
                i += 1
            }
        }
        if head.count >= fileSize {
            throw Diagnostic.error("the document has no element", rule: "xml.empty", file: file, line: line)
        }
        if head.count >= maxPrologBytes && fileSize > maxPrologBytes {
            throw Diagnostic.error("no root element in the first \(maxPrologBytes >> 20) MiB (a prolog that large is not an inventory export)",
                rule: "xml.syntax", file: file, line: line)
        }
    }

    private static func isNameStart(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b >= 0x80
    }

    /// The bytes as one byte per character for the ASCII range: UTF-16 (with or without a
    /// byte order mark) keeps the byte that carries the ASCII code; ASCII-compatible encodings
    /// (UTF-8, Latin-1, Windows-1252) stay as they are.
    static func asciiView(_ b: [UInt8]) -> [UInt8] {
        guard b.count >= 2 else { return b }
        let bigEndian = (b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0 && b[1] != 0)
        let littleEndian = (b[0] == 0xFF && b[1] == 0xFE) || (b[0] != 0 && b[1] == 0)
        guard bigEndian || littleEndian else { return b }
        var out: [UInt8] = []
        out.reserveCapacity(b.count / 2)
        var i = 0
        while i + 1 < b.count {
            let (hi, lo) = bigEndian ? (b[i], b[i + 1]) : (b[i + 1], b[i])
            out.append(hi == 0 ? lo : 0xFF)
            i += 2
        }
        return out
    }
}
