import ArgumentParser
import ETLCore
import Foundation
import Mapping
import Readers

struct MappingInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a draft mapping for a CSV or XML export from its values.",
        discussion: """
            Recognises the usual columns (EVSE id, operator, address, coordinates, plugs, power, \
            hotline, opening hours, access) by name and value, fills value tables with guesses, and \
            lists every other column as a comment. For XML, it first picks the element that is one \
            EVSE (the most frequent one that carries an EvseID) and the elements around it, and \
            treats the paths inside as columns. Lines marked TODO need a person.
            """
    )

    @Option(name: [.short, .long], help: "The export (CSV or XML).")
    var input: String

    @Option(name: [.short, .long], help: "Where to write the draft (default: standard output).")
    var output: String?

    @Option(help: "How many rows to read for sample values.")
    var rows: Int = 2000

    func run() throws {
        do {
            if try Self.isXML(input) {
                try write(try Self.xmlDraft(input, rows: rows).yaml(inputName: (input as NSString).lastPathComponent))
                return
            }
            let (delimiter, skip) = try Self.sniff(input)
            var options = CSVOptions()
            options.delimiter = delimiter.asciiValue!
            options.skipLines = skip
            options.raggedRows = .pad
            let reader = try CSVReader(path: input, options: options)
            var sample: [[String]] = []
            while sample.count < rows, let record = try reader.next() {
                if case .row(let row) = record.content { sample.append(row.fields) }
            }
            let draft = MappingDraft(columns: reader.header?.names ?? [], rows: sample, delimiter: delimiter, skipLines: skip)
            try write(draft.yaml(inputName: (input as NSString).lastPathComponent))
        } catch let d as Diagnostic {
            FileHandle.standardError.write(Data((d.description + "\n").utf8))
            throw ExitCode(2)
        }
    }

    private func write(_ yaml: String) throws {
        if let output {
            guard !FileManager.default.fileExists(atPath: output) else {
                throw Diagnostic.error("the file exists; choose another name or remove it", rule: "output.exists", file: output)
            }
            guard FileManager.default.createFile(atPath: output, contents: Data(yaml.utf8)) else {
                throw Diagnostic.error("cannot write the draft", rule: "output.unwritable", file: output)
            }
            FileHandle.standardError.write(Data("draft mapping written to \(output)\n".utf8))
        } else {
            print(yaml, terminator: "")
        }
    }

    /// Whether the file starts (after a byte order mark and blanks) with `<`.
    static func isXML(_ path: String) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Diagnostic.error("cannot read the input file", rule: "input.unreadable", file: path)
        }
        defer { try? handle.close() }
        var head = [UInt8](handle.readData(ofLength: 4096))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return true }
        return head.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 } == UInt8(ascii: "<")
    }

    /// Surveys the XML, picks the record element and the enclosing elements, and lays the first
    /// records out as columns for the draft.
    static func xmlDraft(_ path: String, rows: Int) throws -> MappingDraft {
        let survey = try XMLSurvey(path: path)
        guard let plan = XMLDraft.plan(survey) else {
            throw Diagnostic.error("no element repeats in this XML; write records.path by hand (see docs/mapping-language.md, XML input)",
                rule: "input.unrecognised", file: path)
        }
        var options = XMLOptions()
        options.recordPath = plan.recordPath
        options.scopes = plan.scopes
        let reader = try XMLRecordReader(path: path, options: options)
        var records: [[(path: String, value: String)]] = []
        while records.count < rows, let record = try reader.next() {
            guard record.defect == nil else { continue }
            records.append(XMLDraft.flatten(record, scopes: plan.scopes.map(\.name)))
        }
        return MappingDraft(xml: plan, records: records)
    }

    /// The separator that splits the lines into the most fields (outside quotes), and the
    /// number of title lines above the header: lines with fewer fields than those that follow.
    static func sniff(_ path: String) throws -> (Character, Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Diagnostic.error("cannot read the input file", rule: "input.unreadable", file: path)
        }
        let data = handle.readData(ofLength: 64 * 1024)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).prefix(30).map(String.init)
        func fields(_ line: String, _ d: Character) -> Int {
            var count = 1
            var quoted = false
            for c in line {
                if c == "\"" { quoted.toggle() } else if c == d && !quoted { count += 1 }
            }
            return count
        }
        var best: (Character, Int, Int) = (",", 0, 0)
        for candidate: Character in [",", ";", "\t", "|"] {
            let counts = lines.dropLast().map { fields($0, candidate) }
            guard let typical = counts.dropFirst(min(3, max(counts.count - 1, 0))).max() else { continue }
            let skip = counts.firstIndex(where: { $0 >= typical }) ?? 0
            if typical > best.1 { best = (candidate, typical, skip) }
        }
        return (best.0, best.2)
    }
}
