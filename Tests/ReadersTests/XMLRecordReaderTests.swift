import ETLCore
import Foundation
import Testing

@testable import Readers

@Suite struct XMLRecordReaderTests {
    func read(_ bytes: [UInt8], path: String = "point", scopes: [String: String] = [:], namespaces: [String: String] = [:],
              configure: (inout XMLOptions) -> Void = { _ in }) throws -> [SourceRecord] {
        let file = TemporaryFile(bytes, name: "in.xml")
        var options = XMLOptions()
        options.recordPath = path
        options.scopes = scopes.sorted { $0.key < $1.key }.map { XMLOptions.Scope(name: $0.key, element: $0.value) }
        options.namespaces = namespaces
        configure(&options)
        let reader = try XMLRecordReader(path: file.path, options: options)
        var out: [SourceRecord] = []
        while let r = try reader.next() { out.append(r) }
        return out
    }

    func read(_ text: String, path: String = "point", scopes: [String: String] = [:], namespaces: [String: String] = [:],
              configure: (inout XMLOptions) -> Void = { _ in }) throws -> [SourceRecord] {
        try read(Array(text.utf8), path: path, scopes: scopes, namespaces: namespaces, configure: configure)
    }

    func tree(_ r: SourceRecord) -> SourceNode? {
        if case .tree(let n) = r.content { return n }
        return nil
    }

    func failure(_ text: String, path: String = "point", configure: (inout XMLOptions) -> Void = { _ in }) -> Diagnostic? {
        failure(Array(text.utf8), path: path, configure: configure)
    }

    func failure(_ bytes: [UInt8], path: String = "point", configure: (inout XMLOptions) -> Void = { _ in }) -> Diagnostic? {
        do {
            _ = try read(bytes, path: path, configure: configure)
            return nil
        } catch let d as Diagnostic {
            return d
        } catch {
            return nil
        }
    }

    static let stations = """
        <?xml version="1.0" encoding="UTF-8"?>
        <publication>
          <header><country>de</country></header>
          <site id="S1">
            <name lang="de">Hof</name>
            <station id="ST1">
              <operator><name>Stadtwerke</name></operator>
              <point id="P1">
                <evseId>DE*ABC*E1</evseId>
                <connector><type>iec62196T2</type><power>22000</power></connector>
                <connector><type>chademo</type><power>50000</power></connector>
                <note><![CDATA[Einfahrt <Nord> & Süd]]></note>
              </point>
              <point id="P2"><evseId>DE*ABC*E2</evseId></point>
              <hours type="after the points">24/7</hours>
            </station>
            <station id="ST2"/>
          </site>
        </publication>
        """

    @Test func recordsAttributesTextAndRepeatedChildren() throws {
        let records = try read(Self.stations)
        #expect(records.count == 2)
        let p1 = try #require(tree(records[0]))
        #expect(p1["@id"]?.scalarText == "P1")
        #expect(p1["evseId"]?.scalarText == "DE*ABC*E1")
        guard case .object(let o) = p1.materialized else { Issue.record("not an object"); return }
        #expect(o.keys.filter { $0 == "connector" }.count == 2)
        #expect(p1["note"]?.scalarText == "Einfahrt <Nord> & Süd", "CDATA is text")
        #expect(records.map(\.provenance.line) == [8, 14])
        #expect(records.map(\.provenance.recordNumber) == [1, 2])
    }

    @Test func scopesAreCompleteAndHoldNoRecords() throws {
        let records = try read(Self.stations, scopes: ["station": "station", "site": "site"])
        // ST2 has no point: it is reported as a record with a defect, not skipped.
        #expect(records.count == 3)
        let station = try #require(records[0].scopes["station"])
        #expect(station["@id"]?.scalarText == "ST1")
        #expect(station["hours"]?["#text"]?.scalarText == "24/7", "children after the records are there too")
        #expect(station["point"] == nil, "records are not repeated inside their scope")
        #expect(records[1].scopes["station"] == station)
        #expect(records[0].scopes["site"]?["name"]?["#text"]?.scalarText == "Hof")
        let empty = records[2]
        #expect(empty.defect?.rule == "xml.no-records")
        #expect(empty.provenance.line == 17)
        #expect(empty.scopes["station"]?["@id"]?.scalarText == "ST2")
    }

    @Test func aPartialScopeHoldsWhatPrecedesTheRecords() throws {
        let text = """
            <export>
              <operator id="DE*ABC"><name>Stadtwerke</name>
                <site code="A"><point>1</point></site>
                <site code="B"><point>2</point><point>3</point></site>
                <trailer>after</trailer>
              </operator>
            </export>
            """
        let file = TemporaryFile(text, name: "in.xml")
        var options = XMLOptions()
        options.recordPath = "point"
        options.scopes = [XMLOptions.Scope(name: "operator", element: "operator", partial: true), XMLOptions.Scope(name: "site", element: "site")]
        let reader = try XMLRecordReader(path: file.path, options: options)
        var records: [SourceRecord] = []
        while let r = try reader.next() { records.append(r) }
        #expect(records.compactMap { tree($0)?.scalarText } == ["1", "2", "3"])
        #expect(records.map { $0.scopes["site"]?["@code"]?.scalarText } == ["A", "B", "B"])
        for r in records {
            let op = r.scopes["operator"]
            #expect(op?["@id"]?.scalarText == "DE*ABC")
            #expect(op?["name"]?.scalarText == "Stadtwerke")
            #expect(op?["site"] == nil, "the sites (with the records) are not kept in the operator")
            #expect(op?["trailer"] == nil, "what follows the first record is not seen")
        }
    }

    @Test func aPathPicksTheElementByItsParents() throws {
        let text = "<a><x><point>1</point></x><y><point>2</point></y><point>3</point></a>"
        #expect(try read(text, path: "y/point").compactMap { tree($0)?.scalarText } == ["2"])
        #expect(try read(text, path: "point").compactMap { tree($0)?.scalarText } == ["1", "2", "3"])
        #expect(try read(text, path: "/a/point").compactMap { tree($0)?.scalarText } == ["3"])
    }

    /// One document, three ways of writing its namespaces.
    static let spellings = [
        #"<p:doc xmlns:p="urn:pub" xmlns="urn:egi"><point kind="a"><evseId>E1</evseId></point></p:doc>"#,
        #"<doc xmlns="urn:pub" xmlns:e="urn:egi"><e:point kind="a"><e:evseId>E1</e:evseId></e:point></doc>"#,
        #"<x:doc xmlns:x="urn:pub" xmlns:y="urn:egi"><y:point kind="a"><y:evseId>E1</y:evseId></y:point></x:doc>"#,
    ]

    @Test(arguments: spellings)
    func namespacesAreMatchedByURINotPrefix(_ text: String) throws {
        let declared = try read(text, path: "egi:point", namespaces: ["egi": "urn:egi"])
        #expect(declared.count == 1)
        #expect(tree(declared[0])?["egi:evseId"]?.scalarText == "E1")
        #expect(tree(declared[0])?["@kind"]?.scalarText == "a")
        // Without declarations, names are local names.
        let plain = try read(text, path: "point")
        #expect(tree(plain[0])?["evseId"]?.scalarText == "E1")
        // An undeclared prefix of the file does not match.
        #expect(try read(text, path: "e:point", namespaces: ["egi": "urn:egi"]).isEmpty)
    }

    @Test func xsiTypeIsWrittenWithTheMappingsPrefix() throws {
        let text = #"<doc xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:f="urn:fac"><point xsi:type="f:OpenAllHours"/></doc>"#
        #expect(try read(text).first.flatMap(tree)?["@type"]?.scalarText == "OpenAllHours")
        #expect(try read(text, namespaces: ["fac": "urn:fac"]).first.flatMap(tree)?["@type"]?.scalarText == "fac:OpenAllHours")
    }

    @Test func latin1AndUTF16AreDecoded() throws {
        var latin1 = Array(#"<?xml version="1.0" encoding="ISO-8859-1"?><d><point>K"#.utf8)
        latin1 += [0xF6] + Array("ln</point></d>".utf8)
        #expect(try read(latin1).first.flatMap(tree)?.scalarText == "Köln")
        let units = Array(#"<?xml version="1.0" encoding="UTF-16"?><d><point>Köln</point></d>"#.utf16)
        let utf16: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try read(utf16).first.flatMap(tree)?.scalarText == "Köln")
    }

    @Test("UTF-16 without a byte order mark, also when its first bytes look like UCS-4, is read or refused, never a crash")
    func unmarkedUTF16() throws {
        let units = Array("<d><point>Köln</point></d>".utf16)
        let big: [UInt8] = units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try read(big).first.flatMap(tree)?.scalarText == "Köln")
        // `00 3C 00 00`: a `<` and a NUL in UTF-16, a UCS-4 start to libxml2 (found by the fuzzer:
        // the parser crashed when freed).
        let found: [UInt8] = [0x00, 0x3C, 0x00, 0x00, 0x00, 0x3C, 0x3C, 0x3F, 0x78, 0x6D, 0x6C, 0x20, 0x00, 0x85, 0x00, 0x00]
        #expect(failure(found)?.rule == "xml.encoding")
    }

    @Test("UCS-4 in any byte order, with or without a byte order mark, is refused before libxml2 reads it (one order crashed it)")
    func ucs4IsRefused() throws {
        let doc = Array(#"<?xml version="1.0"?><d><point>Köln</point></d>"#.unicodeScalars).map(\.value)
        func bytes(_ order: [Int], mark: Bool) -> [UInt8] {
            (mark ? [UInt32(0xFEFF)] + doc : doc).flatMap { v in order.map { UInt8((v >> (8 * UInt32(3 - $0))) & 0xFF) } }
        }
        for order in [[0, 1, 2, 3], [3, 2, 1, 0], [1, 0, 3, 2], [2, 3, 0, 1]] {
            for mark in [false, true] {
                let e = failure(bytes(order, mark: mark))
                #expect(e?.rule == "xml.encoding", "order \(order), mark \(mark)")
                #expect(e?.message.contains("UCS-4") == true)
            }
        }
        // The fuzzer's input: `00 00 3C 00` (order 2143), which crashed the parser when freed.
        let found: [UInt8] = [0x00, 0x00, 0x3C, 0x00, 0x6C, 0x3C, 0x54, 0x6C, 0x54, 0x59, 0x20, 0x00]
        #expect(failure(found)?.rule == "xml.encoding")
        // UTF-16 with a mark is not taken for UCS-4.
        let units = Array("<d><point>Köln</point></d>".utf16)
        #expect(try read([0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }).first.flatMap(tree)?.scalarText == "Köln")
    }

    @Test func entitiesAreRefused() throws {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE d [
              <!ENTITY xxe SYSTEM "file:///etc/passwd">
            ]>
            <d><point>&xxe;</point></d>
            """
        let e = failure(xxe)
        #expect(e?.rule == "xml.entity")
        #expect(e?.line == 3)
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <lolz><point>&lol3;</point></lolz>
            """
        #expect(failure(laughs)?.rule == "xml.entity")
        // A reference to an entity nobody declared.
        let undeclared = failure("<d>\n<point>&nbsp;</point></d>")
        #expect(undeclared?.rule == "xml.entity")
        #expect(undeclared?.line == 2)
        // The five predefined entities and character references are plain text.
        #expect(try read("<d><point>a &amp; b &#x263A; &lt;</point></d>").first.flatMap(tree)?.scalarText == "a & b ☺ <")
    }

    @Test func brokenFilesStopWithTheLine() {
        let unclosed = failure("<d>\n  <point>\n    <evseId>E1</evseId>\n  <point>\n</d>\n")
        #expect(unclosed?.rule == "xml.syntax")
        #expect(unclosed?.line == 4, "the line of the tag that is never closed")
        #expect(unclosed?.file?.hasSuffix("in.xml") == true)
        let truncated = failure("<d>\n<point>\n<evseId>E1")
        #expect(truncated?.rule == "xml.syntax")
        #expect(failure("")?.rule == "xml.empty")
        #expect(failure("   \n  ")?.rule == "xml.empty")
        #expect(failure("<?xml version=\"1.0\"?>")?.rule == "xml.empty")
    }

    @Test func limitsStopTheRun() {
        let deep = String(repeating: "<a>", count: 40) + String(repeating: "</a>", count: 40)
        #expect(failure(deep) { $0.maxDepth = 30 }?.rule == "xml.too-deep")
        let long = "<d><point>" + String(repeating: "x", count: 5000) + "</point></d>"
        #expect(failure(long) { $0.maxTextBytes = 1000 }?.rule == "xml.text-too-large")
        let wide = "<d><point>" + String(repeating: "<c>1</c>", count: 200) + "</point></d>"
        #expect(failure(wide) { $0.maxNodes = 100 }?.rule == "xml.too-large")
    }

    @Test func textIsWholeAndWhiteSpaceOnlyTextIsDropped() throws {
        let text = """
            <d><point a="x &amp; y &lt; z" b="&#38;#38;">
              <n>  a &amp; b  </n>
              <m>   </m>
              <k>  <!-- a comment ends a text -->v</k>
              <c><![CDATA[  ]]></c>
            </point></d>
            """
        let point = try #require(try read(text).first.flatMap(tree))
        #expect(point["@a"]?.scalarText == "x & y < z")
        #expect(point["@b"]?.scalarText == "&#38;", "a character reference to & followed by #38; is that text")
        #expect(point["n"]?.scalarText == "  a & b  ")
        #expect(point["m"]?.scalarText == "")
        #expect(point["k"]?.scalarText == "v")
        #expect(point["c"]?.scalarText == "  ", "CDATA is kept even when it is white space")
        #expect(point["#text"] == nil)
    }

    @Test func chunkBoundariesDoNotChangeTheRecords() throws {
        var text = Self.stations
        text += "\n<!-- \(String(repeating: "pad ", count: 50)) -->\n"
        let file = TemporaryFile(Array(text.replacingOccurrences(of: "Stadtwerke", with: "Stadt &amp; Werke <![CDATA[x]]>").utf8), name: "in.xml")
        var options = XMLOptions()
        options.recordPath = "point"
        options.scopes = [XMLOptions.Scope(name: "station", element: "station"), XMLOptions.Scope(name: "site", element: "site", partial: true)]
        func records(_ chunkSize: Int) throws -> [SourceRecord] {
            let reader = try XMLRecordReader(path: file.path, options: options, chunkSize: chunkSize)
            var out: [SourceRecord] = []
            while let r = try reader.next() { out.append(r) }
            return out
        }
        let whole = try records(1 << 20)
        #expect(whole.count == 3, "two points and the station without any")
        for size in [1, 2, 3, 7, 64, 333] {
            let pieces = try records(size)
            #expect(pieces.map(tree) == whole.map(tree), "chunks of \(size) bytes")
            #expect(pieces.map(\.provenance.line) == whole.map(\.provenance.line))
            #expect(pieces.map(\.scopes) == whole.map(\.scopes))
        }
    }

    @Test func linesPastSixtyFiveThousandAreCounted() throws {
        // libxml2 keeps a tree node's line in 16 bits; records are numbered from the parser's line.
        let text = "<d>\n" + String(repeating: "<x>1</x>\n", count: 70_000) + "<point><evseId>E1</evseId></point>\n</d>\n"
        #expect(try read(text).map(\.provenance.line) == [70_002])
    }

    @Test func aMissingFileOrDirectory() {
        var options = XMLOptions()
        options.recordPath = "point"
        #expect(throws: Diagnostic.self) { try XMLRecordReader(path: "/nonexistent/file.xml", options: options) }
        #expect(throws: Diagnostic.self) { try XMLRecordReader(path: "/tmp", options: options) }
    }
}
