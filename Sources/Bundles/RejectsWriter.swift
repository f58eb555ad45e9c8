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
        let cells = [row.file, String(row.line), row.evseID ?? "", row.operatorID ?? "", row.rule, row.field ?? "", row.message, row.value ?? ""]
        try sink.write(cells.map(Self.cell).joined(separator: ",") + "\r\n")
        rows += 1
    }

    public func close() throws { try sink.close() }

    static func cell(_ text: String) -> String {
        var t = text
        if let first = t.first {
            let second = t.dropFirst().first
            if first == "=" || first == "@" || ((first == "+" || first == "-") && !(second?.isNumber ?? false)) {
                t = "'" + t
            }
        }
        if t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return t
    }
}
