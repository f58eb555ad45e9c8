import ETLCore
import Foundation
import OICP
import Testing

@testable import Bundles

/// A fresh folder for one test, removed afterwards.
final class Scratch {
    let url: URL
    var path: String { url.path }

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("oicp-etl-bundles-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func read(_ relative: String) -> String? {
        (try? Data(contentsOf: url.appendingPathComponent(relative))).map { String(decoding: $0, as: UTF8.self) }
    }
}

@Suite struct BundleWriterTests {
    @Test func oneFilePerOperator() throws {
        let scratch = Scratch()
        let out = try OutputDirectory(path: scratch.path + "/out")
        let writer = try BundleWriter(directory: out, version: .v2_3)
        try writer.append(Array(#"{"EvseID":"DE*ABC*E1"}"#.utf8), operatorID: "DE*ABC", operatorName: "A \"quoted\" name")
        try writer.append(Array(#"{"EvseID":"DE*XYZ*E1"}"#.utf8), operatorID: "DE*XYZ", operatorName: "X")
        try writer.append(Array(#"{"EvseID":"DEABCE2"}"#.utf8), operatorID: "DEABC", operatorName: "A")
        let summaries = try writer.finish()
        try out.commit()
        #expect(summaries.map(\.fileName) == ["bundles/DE_ABC.json", "bundles/DE_XYZ.json"])
        #expect(summaries.map(\.records) == [2, 1])
        let text = try #require(scratch.read("out/bundles/DE_ABC.json"))
        #expect(text == """
            {"ActionType":"fullLoad","OperatorEvseData":{"OperatorID":"DE*ABC","OperatorName":"A \\"quoted\\" name","EvseDataRecord":[
            {"EvseID":"DE*ABC*E1"},
            {"EvseID":"DEABCE2"}
            ]}}

            """)
        let json = try JSONParser().parse(Array(text.utf8))
        #expect(json["OperatorEvseData"]?["OperatorID"] == .string("DE*ABC"))
    }

    @Test func manyOperatorsWithFewDescriptors() throws {
        let scratch = Scratch()
        let out = try OutputDirectory(path: scratch.path + "/out")
        let writer = try BundleWriter(directory: out, version: .v2_3)
        for round in 0..<2 {
            for i in 0..<300 {
                let op = "DE*\(String(format: "%03d", i))"
                try writer.append(Array("{\"n\":\(round)}".utf8), operatorID: op, operatorName: "Op \(i)")
            }
        }
        let summaries = try writer.finish()
        try out.commit()
        #expect(summaries.count == 300)
        #expect(summaries.allSatisfy { $0.records == 2 })
        let last = try JSONParser().parse(Array(try #require(scratch.read("out/bundles/DE_299.json")).utf8))
        #expect(last["OperatorEvseData"]?["EvseDataRecord"] == .array([.object([JSONMember(key: "n", value: .number("0"))]),
            .object([JSONMember(key: "n", value: .number("1"))])]))
    }

    @Test func fileNames() {
        #expect(BundleWriter.fileName(for: "DE*ABC") == "DE_ABC.json")
        #expect(BundleWriter.fileName(for: "+49*810") == "+49_810.json")
        #expect(BundleWriter.fileName(for: "../etc") == "___etc.json")
    }
}

@Suite struct OutputDirectoryTests {
    @Test func commitReplacesThePreviousOutputAsAWhole() throws {
        let scratch = Scratch()
        let target = scratch.path + "/out"
        let first = try OutputDirectory(path: target)
        FileManager.default.createFile(atPath: first.stagedFile("report.json"), contents: Data("1".utf8))
        FileManager.default.createFile(atPath: first.stagedFile("old.json"), contents: Data("old".utf8))
        try first.commit()
        let second = try OutputDirectory(path: target)
        FileManager.default.createFile(atPath: second.stagedFile("report.json"), contents: Data("2".utf8))
        // Until the commit, the previous output is untouched.
        #expect(scratch.read("out/report.json") == "1")
        try second.commit()
        #expect(scratch.read("out/report.json") == "2")
        #expect(scratch.read("out/old.json") == nil)
        // No staging folders are left beside it.
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
        #expect(left == ["out"])
    }

    @Test func anAbandonedRunLeavesNothing() throws {
        let scratch = Scratch()
        do {
            let out = try OutputDirectory(path: scratch.path + "/out")
            FileManager.default.createFile(atPath: out.stagedFile("x.json"), contents: Data())
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    @Test func refusesFoldersItDidNotWrite() throws {
        let scratch = Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path + "/docs", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: scratch.path + "/docs/thesis.tex", contents: Data("x".utf8))
        #expect { _ = try OutputDirectory(path: scratch.path + "/docs") } throws: { ($0 as? Diagnostic)?.rule == "output.not-ours" }
        FileManager.default.createFile(atPath: scratch.path + "/afile", contents: Data())
        #expect { _ = try OutputDirectory(path: scratch.path + "/afile/out") } throws: { ($0 as? Diagnostic)?.rule == "output.unwritable" }
        // Missing parent folders are created.
        let nested = try OutputDirectory(path: scratch.path + "/new/deeper/out")
        try nested.commit()
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/new/deeper/out"))
        #expect(scratch.read("docs/thesis.tex") == "x")
    }
}

@Suite struct RejectsWriterTests {
    @Test func spreadsheetSafeCells() throws {
        let scratch = Scratch()
        let w = try RejectsWriter(path: scratch.path + "/rejects.csv")
        try w.write(.init(file: "in.csv", line: 3, evseID: "DE*ABC*E1", operatorID: "DE*ABC", rule: "mapping.table", field: "Plugs",
            message: "'Tesla, S' is not in table \"plugs\"", value: "=HYPERLINK(\"x\")"))
        try w.write(.init(file: "in.csv", line: 4, evseID: nil, operatorID: nil, rule: "hotline.pattern", field: "HotlinePhoneNumber",
            message: "multi\nline", value: "+49 221"))
        try w.close()
        let text = try #require(scratch.read("rejects.csv"))
        #expect(text.hasPrefix("\u{FEFF}file,line,evse_id,operator_id,rule,field,message,value\r\n"))
        #expect(text.contains(#"in.csv,3,DE*ABC*E1,DE*ABC,mapping.table,Plugs,"'Tesla, S' is not in table ""plugs""","'=HYPERLINK(""x"")""#))
        #expect(text.contains("hotline.pattern,HotlinePhoneNumber,\"multi\nline\",+49 221\r\n"))
        #expect(w.rows == 2)
    }
}

@Suite struct RunReportTests {
    @Test func balanceAndJSON() throws {
        var r = RunReport(toolVersion: "0.1.0", input: "in.csv", mapping: "m.yaml", oicpVersion: .v2_3)
        r.read = 10
        r.expanded = 2
        r.written = 7
        r.rejected = 2
        r.merged = 2
        r.excluded = 1
        #expect(r.isBalanced)
        r.rejectedByRule = ["mapping.table": 2]
        r.timings = [("total", 1.23456)]
        let json = try JSONParser().parse(r.json())
        #expect(json["records"]?["balanced"] == .bool(true))
        #expect(json["rejected_by_rule"]?["mapping.table"] == .number("2"))
        #expect(json["timings_seconds"]?["total"] == .number("1.235"))
        r.written = 8
        #expect(!r.isBalanced)
    }
}
