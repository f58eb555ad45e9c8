import ETLCore
import Foundation
import Testing

@testable import Readers

/// XML records are read flat (one tape each); a record that holds a record or scope element goes
/// on as a tree from that element, and both give the trees the reader always gave.
@Suite struct XMLFlatRecordTests {
    func read(_ text: String, scopes: [String: String] = [:], partial: Set<String> = []) throws -> [SourceRecord] {
        let file = TemporaryFile(Array(text.utf8), name: "in.xml")
        var options = XMLOptions()
        options.recordPath = "point"
        options.scopes = scopes.sorted { $0.key < $1.key }.map { XMLOptions.Scope(name: $0.key, element: $0.value, partial: partial.contains($0.key)) }
        let reader = try XMLRecordReader(path: file.path, options: options)
        var out: [SourceRecord] = []
        while let r = try reader.next() { out.append(r) }
        return out
    }

    func tree(_ r: SourceRecord) -> SourceNode? {
        if case .tree(let n) = r.content { return n }
        return nil
    }

    func object(_ members: [(String, SourceNode)], line: Int) -> SourceNode {
        .object(SourceObject(keys: members.map(\.0), values: members.map(\.1), line: line))
    }

    @Test("a record is one tape: attributes, children, repeated children, text as #text, empty elements")
    func flat() throws {
        let records = try read("""
            <r>
            <point id="P1" kind="a">
              <evseId>DE*ABC*E1</evseId>
              <connector n="1"><type>T2</type></connector>
              <connector n="2"><type>CCS</type><empty/></connector>
              <power unit="W">22000</power>
              mixed <b>bold</b> text
            </point>
            </r>
            """)
        #expect(records.count == 1)
        let node = try #require(tree(records[0]))
        guard case .tape = node else {
            Issue.record("a record without records or scopes inside is read flat")
            return
        }
        let expected = object([
            ("@id", .text("P1")), ("@kind", .text("a")), ("evseId", .text("DE*ABC*E1")),
            ("connector", object([("@n", .text("1")), ("type", .text("T2"))], line: 4)),
            ("connector", object([("@n", .text("2")), ("type", .text("CCS")), ("empty", .text(""))], line: 5)),
            ("power", object([("@unit", .text("W")), ("#text", .text("22000"))], line: 6)),
            ("b", .text("bold")), ("#text", .text("\n  mixed  text\n")),
        ], line: 2)
        #expect(node == expected)
        #expect(records[0].provenance.line == 2)
    }

    @Test("a record holding a scope element or another record goes on as a tree from there, with what came before it")
    func nested() throws {
        let records = try read("""
            <r>
            <point id="P1"><a>x</a><conn id="C1"><t>T2</t></conn><b>y</b></point>
            <point id="P2"><x>1</x><point id="P3"><x>2</x></point><y>3</y></point>
            <point id="P4"><x>4</x></point>
            </r>
            """, scopes: ["c": "conn"])
        // The scope without records is reported first (it ends first), then P1; P3 ends before P2.
        #expect(records.map { tree($0)?["@id"]?.scalarText } == [nil, "P1", "P3", "P2", "P4"])
        #expect(records[0].defect?.rule == "xml.no-records")
        #expect(records[0].scopes["c"] == object([("@id", .text("C1")), ("t", .text("T2"))], line: 2))
        let conn = object([("@id", .text("C1")), ("t", .text("T2"))], line: 2)
        #expect(tree(records[1]) == object([("@id", .text("P1")), ("a", .text("x")), ("conn", conn), ("b", .text("y"))], line: 2))
        #expect(tree(records[2]) == object([("@id", .text("P3")), ("x", .text("2"))], line: 3))
        #expect(tree(records[3]) == object([("@id", .text("P2")), ("x", .text("1")), ("y", .text("3"))], line: 3))
        // The next record is read flat again.
        guard case .tape? = tree(records[4]) else {
            Issue.record("P4 is read flat")
            return
        }
        #expect(tree(records[4]) == object([("@id", .text("P4")), ("x", .text("4"))], line: 4))
    }

    static let sites = """
        <r>
        <site id="S1"><name>Hof</name>
          <station id="A"><p>1</p><point id="P1"><x>1</x></point><point id="P2"><x>2</x></point><after>yes</after></station>
          <station id="B"><p>2</p></station>
          <station id="C"><point id="P3"><x>3</x></point></station>
        </site>
        </r>
        """

    @Test("an outermost scope element is one tape with the scope elements inside it; its records get them when it ends")
    func flatScopes() throws {
        let records = try read(Self.sites, scopes: ["site": "site", "station": "station"])
        #expect(records.map { tree($0)?["@id"]?.scalarText } == ["P1", "P2", nil, "P3"])
        let a = try #require(records[0].scopes["station"])
        guard case .tape = a, case .tape? = records[0].scopes["site"] else {
            Issue.record("scope objects are read flat")
            return
        }
        #expect(a == object([("@id", .text("A")), ("p", .text("1")), ("after", .text("yes"))], line: 3), "no records inside, what follows them is")
        #expect(records[1].scopes["station"] == a)
        #expect(records[0].scopeIDs["station"] == records[1].scopeIDs["station"])
        #expect(records[2].defect?.rule == "xml.no-records")
        #expect(records[2].scopes["station"]?["@id"]?.scalarText == "B")
        #expect(records[3].scopes["station"]?["@id"]?.scalarText == "C")
        #expect(records[3].scopeIDs["station"] != records[0].scopeIDs["station"])
        let site = try #require(records[0].scopes["site"])
        #expect(site["name"]?.scalarText == "Hof")
        #expect(site.materialized == records[3].scopes["site"]?.materialized)
        // The site holds its stations, with their own scope elements and without the records.
        #expect(site.materialized == object([("@id", .text("S1")), ("name", .text("Hof")), ("station", a),
            ("station", object([("@id", .text("B")), ("p", .text("2"))], line: 4)), ("station", object([("@id", .text("C"))], line: 5))], line: 2))
        // Every record, the defect too, has both scope objects.
        #expect(records.allSatisfy { $0.scopes.keys.sorted() == ["site", "station"] })
    }

    @Test("with partial scopes the scope elements stay trees, and give the same objects")
    func partialScopesStayTrees() throws {
        let flat = try read(Self.sites, scopes: ["site": "site", "station": "station"])
        let trees = try read(Self.sites, scopes: ["site": "site", "station": "station"], partial: ["site"])
        guard case .object? = trees[0].scopes["station"] else {
            Issue.record("scope objects are trees when a scope is partial")
            return
        }
        #expect(trees.map { $0.scopes["station"] } == flat.map { $0.scopes["station"] })
        #expect(trees.map { tree($0) } == flat.map { tree($0) })
    }
}
