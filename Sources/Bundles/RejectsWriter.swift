/// The rejects file: one row per reason a record was not converted, as CSV a spreadsheet opens
/// (UTF-8 with a byte order mark, comma-separated, quoted where needed).
///
/// Cells that a spreadsheet would run as a formula (starting with `=`, `@`, or `+`/`-` not
/// followed by a digit) get a leading apostrophe.
public final class RejectsWriter {
    public static let columns = ["file", "line", "evse_id", "operator_id", "rule", "field", "message", "value"]
    private let sink: FileSink
    public private(set) var rows = 0

    public init(path: String) throws {
        sink = try FileSink(path: path)
        try sink.write([0xEF, 0xBB, 0xBF])
        try sink.write(Self.columns.joined(separator: ",") + "\r\n")
    }

    public struct Row: Sendable, Equatable {
        public var file: String
        public var line: Int
        public var evseID: String?
        public var operatorID: String?
        public var rule: String
        public var field: String?
        public var message: String
        public var value: String?

        public init(file: String, line: Int, evseID: String?, operatorID: String?, rule: String, field: String?, message: String, value: String?) {
            self.file = file
            self.line = line
            self.evseID = evseID
            self.operatorID = operatorID
            self.rule = rule
            self.field = field
            self.message = message
            self.value = value
        }
    }

    public func write(_ row: Row) throws {
        line.removeAll(keepingCapacity: true)
        Self.append(row.file, to: &line)
        line.append(UInt8(ascii: ","))
        line.append(contentsOf: String(row.line).utf8)
        for cell in [row.evseID ?? "", row.operatorID ?? "", row.rule, row.field ?? "", row.message, row.value ?? ""] {
            line.append(UInt8(ascii: ","))
            Self.append(cell, to: &line)
        }
        line.append(contentsOf: [0x0D, 0x0A])
        try sink.write(line)
        rows += 1
    }

    private var line: [UInt8] = []

    public func close() throws { try sink.close() }

    /// One cell, quoted when it holds a comma, a quote or a line break, and defused when a
    /// spreadsheet would take it for a formula.
    static func append(_ text: String, to out: inout [UInt8]) {
        let utf8 = text.utf8
        var formula = false
        if let first = utf8.first {
            let second = utf8.dropFirst().first
            let secondIsDigit = second.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
            formula = first == UInt8(ascii: "=") || first == UInt8(ascii: "@")
                || ((first == UInt8(ascii: "+") || first == UInt8(ascii: "-")) && !secondIsDigit)
        }
        let quote = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        if quote { out.append(UInt8(ascii: "\"")) }
        if formula { out.append(UInt8(ascii: "'")) }
        if quote {
            for b in utf8 {
                out.append(b)
                if b == UInt8(ascii: "\"") { out.append(b) }
            }
            out.append(UInt8(ascii: "\""))
        } else {
            out.append(contentsOf: utf8)
        }
    }

    /// One cell as text (for tests and tools).
    static func cell(_ text: String) -> String {
        var out: [UInt8] = []
        append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
