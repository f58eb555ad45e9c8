import Testing

@testable import ETLCore

@Suite struct FileIDTests {
    @Test("a name gets one number: equal names give equal IDs, and the name comes back")
    func interning() {
        let a = FileID("exports/stations-2026-11.csv")
        let b = FileID(String(decoding: Array("exports/stations-2026-11.csv".utf8), as: UTF8.self))
        let c = FileID("exports/stations-2026-12.csv")
        #expect(a == b)
        #expect(a != c)
        #expect(a.name == "exports/stations-2026-11.csv")
        #expect(c.name == "exports/stations-2026-12.csv")
    }

    @Test("provenances made from the name or from its ID are equal, and give the name")
    func provenance() {
        let p = Provenance(file: "in/ä ö.csv", line: 7, recordNumber: 6)
        let q = Provenance(file: FileID("in/ä ö.csv"), line: 7, recordNumber: 6)
        #expect(p == q)
        #expect(p.file == "in/ä ö.csv")
        #expect(p != Provenance(file: "in/other.csv", line: 7, recordNumber: 6))
    }

    @Test("names numbered from several threads at once each keep their own number")
    func concurrent() async {
        let names = (0..<200).map { "file-\($0 % 50).csv" }
        let ids = await withTaskGroup(of: (String, FileID).self) { group in
            for name in names { group.addTask { (name, FileID(name)) } }
            var out: [(String, FileID)] = []
            for await pair in group { out.append(pair) }
            return out
        }
        for (name, id) in ids {
            #expect(id.name == name)
            #expect(id == FileID(name))
        }
    }
}
