import ETLCore

/// Reads a CSV file through libcsv, streaming: one chunk of the file in memory at a time.
///
/// Handles any delimiter and quote, a byte order mark, CRLF, UTF-8, Windows-1252, Latin-1 and
/// UTF-16 input, preamble lines before the header, and quoted fields over several lines.
/// Every record carries the line it starts on. Rows with a different number of fields than the
/// header, and rows with invalid UTF-8, come back with a ``SourceRecord/defect``.
public final class CSVReader: RecordReader {
    public let path: String
    /// The path as records carry it.
    private let fileID: FileID
    public let options: CSVOptions
    public private(set) var header: CSVHeader?
    /// The encoding in use, `auto` resolved after the first chunk.
    public var encoding: TextEncoding { transcoder.encoding }

    private let file: InputFile
    private var transcoder: Transcoder
    private var parser: LibCSVParser!
    private let sink = RowSink()
    private var text: [UInt8] = []  // transcoded bytes not yet fed to the parser
    private var textPosition = 0
    /// Where `PlainCSVLine` writes the field bounds of plain lines (shared by the rows split
    /// into it; a new one when full).
    private var boundsArena = BoundsArena(capacity: 0)
    private var line = 1  // the line the next byte of `text` belongs to
    private var linesToSkip: Int
    private var recordNumber = 0
    private var atEnd = false
    private var finished = false
    private static let chunkSize = 1 << 20

    public var bytesRead: Int { file.bytesRead }
    public var fileSize: Int { file.size }

    public init(path: String, options: CSVOptions = CSVOptions()) throws {
        self.path = path
        fileID = FileID(path)
        self.options = options
        file = try InputFile(path: path)
        transcoder = Transcoder(encoding: options.encoding)
        linesToSkip = options.skipLines
        do {
            parser = try LibCSVParser(delimiter: options.delimiter, quote: options.quote, handler: sink)
        } catch {
            throw Diagnostic.error("cannot start the CSV parser: \(error)", rule: "csv.parse", file: path)
        }
        try readHeader()
    }

    private func readHeader() throws {
        guard let first = try nextRow() else {
            let what = file.size == 0 ? "the file is empty" : "the file has no rows after the \(options.skipLines) skipped lines"
            throw Diagnostic.error("\(what); a header row was expected", rule: "csv.empty", file: path, line: line)
        }
        if options.hasHeader {
            var names = (0..<first.count).map { String(decoding: first.field($0), as: UTF8.self).trimmingSpaces() }
            // A byte order mark that survived (for instance after skipped lines) is not part of the name.
            if let f = names.first, f.hasPrefix("\u{FEFF}") { names[0] = String(f.dropFirst()) }
            header = CSVHeader(names: names)
        } else {
            header = CSVHeader(names: (1...max(first.count, 1)).map(String.init))
            pendingFirst = first
        }
    }

    private var pendingFirst: RawRow?

    public func next() throws -> SourceRecord? {
        let raw: RawRow
        if let first = pendingFirst {
            raw = first
            pendingFirst = nil
        } else {
            guard let r = try nextRow() else { return nil }
            raw = r
        }
        recordNumber += 1
        return makeRecord(raw)
    }

    private func makeRecord(_ raw: RawRow) -> SourceRecord {
        let header = header!
        let line = raw.line
        var defect: Diagnostic?
        if !(raw.isASCII ?? raw.bytes.withUnsafeBufferPointer(ByteScan.isASCII)) && !raw.isValidPlainLine {
            for i in 0..<raw.count {
                let f = raw.field(i)
                if !f.withUnsafeBufferPointer(ByteScan.isValidUTF8) {
                    let column = i < header.names.count ? header.names[i] : "field \(i + 1)"
                    defect = Diagnostic(.error, rule: "csv.encoding",
                        "invalid UTF-8 in column '\(column)'; if the file is not UTF-8, set input.encoding (windows-1252, latin-1)",
                        file: path, line: line, field: column, value: String(decoding: f, as: UTF8.self))
                    break
                }
            }
        }
        let bounds = raw.bounds
        let expected = header.names.count
        var count = raw.count
        // Trailing empty fields beyond the header (a trailing delimiter) are harmless.
        while count > expected, bounds[2 * count - 1] == bounds[2 * count - 2] { count -= 1 }
        if count != expected && defect == nil {
            let message = "\(raw.count) fields where the header has \(expected)"
            switch options.raggedRows {
            case .reject:
                defect = Diagnostic(.error, rule: "csv.ragged", message + " (a shifted row, or broken quoting)", file: path, line: line)
            case .pad:
                ragged.append(Diagnostic(.warning, rule: "csv.ragged", message + "; missing fields read as empty", file: path, line: line))
            }
        }
        let row = CSVRow(header: header, bytes: raw.bytes, bounds: count == raw.count ? bounds : bounds.prefix(2 * max(count, 0)))
        let provenance = Provenance(file: fileID, line: line, recordNumber: recordNumber)
        guard let defect else { return SourceRecord(content: .row(row), provenance: provenance) }
        return SourceRecord(content: .row(row), provenance: provenance, defect: defect)
    }

    /// Warnings about ragged rows that were padded (policy `pad`), for the caller to emit.
    public private(set) var ragged: [Diagnostic] = []

    public func takeWarnings() -> [Diagnostic] {
        defer { ragged.removeAll() }
        return ragged
    }

    /// The next complete row with the line it started on.
    private func nextRow() throws -> RawRow? {
        while sink.isEmpty {
            if finished { return nil }
            // A plain line comes back at once, without a stay in the sink's list (each copy of a
            // row counts a reference to its buffers).
            if let plain = try feedLine() { return plain }
        }
        return sink.take()
    }

    /// Feeds the parser one physical line (or the end of the file); returns the row when the
    /// line was a whole row split here (see `PlainCSVLine`).
    private func feedLine() throws -> RawRow? {
        if textPosition >= text.count {
            if atEnd {
                if !parser.isBetweenRows && parser.isInsideQuotes {
                    throw Diagnostic.error("a quoted field that starts on line \(sink.rowStartLine) is never closed (unbalanced quote)",
                        rule: "csv.unterminated-quote", file: path, line: sink.rowStartLine)
                }
                parser.finish()
                finished = true
                return nil
            }
            let chunk = try file.read(max: Self.chunkSize)
            if chunk.isEmpty {
                atEnd = true
                return nil
            }
            text = transcoder.convert(chunk)
            textPosition = 0
            if text.isEmpty { return nil }
        }
        let end: Int
        if let nl = text.withUnsafeBufferPointer({ ByteScan.firstIndex(of: 0x0A, in: $0, from: textPosition) }) { end = nl + 1 } else { end = text.count }
        if linesToSkip > 0 {
            if end <= text.count, text[end - 1] == 0x0A {
                linesToSkip -= 1
                line += 1
            }
            textPosition = end
            return nil
        }
        let start = textPosition
        if parser.isBetweenRows {
            sink.rowStartLine = line
            // A whole line without quotes is split here, its fields left where they are (the row
            // shares the chunk); libcsv reads everything else.
            if text[end - 1] == 0x0A, let plain = text.withUnsafeBufferPointer({ all in
                PlainCSVLine.bounds(UnsafeBufferPointer(rebasing: all[start..<end]), offset: start, delimiter: options.delimiter, quote: options.quote,
                    arena: &boundsArena)
            }) {
                sink.measure(largestField: plain.largestField, length: end - start)
                let row = RawRow(bytes: text, bounds: plain.bounds, line: line, isASCII: plain.isASCII)
                line += 1
                textPosition = end
                if sink.largestField > options.maxFieldBytes || sink.largestRow > options.maxRecordBytes { try checkSizes() }
                return row
            }
        }
        let failure: Error? = text.withUnsafeBytes { all in
            do {
                try parser.parse(UnsafeRawBufferPointer(rebasing: all[start..<end]))
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw Diagnostic.error("\(failure)", rule: "csv.parse", file: path, line: line) }
        try checkSizes()
        if text[end - 1] == 0x0A { line += 1 }
        textPosition = end
        return nil
    }

    /// Stops at a field or row beyond the limits (an unbalanced quote, mostly).
    private func checkSizes() throws {
        if parser.pendingFieldBytes > options.maxFieldBytes || sink.largestField > options.maxFieldBytes {
            throw Diagnostic.error(
                "a field that starts on line \(sink.rowStartLine) is larger than \(options.maxFieldBytes) bytes (an unbalanced quote?); raise input.max_field_bytes if it is real",
                rule: "csv.field-too-large", file: path, line: sink.rowStartLine)
        }
        if sink.largestRow > options.maxRecordBytes || sink.bytes.count + parser.pendingFieldBytes > options.maxRecordBytes {
            throw Diagnostic.error(
                "a row that starts on line \(sink.rowStartLine) is larger than \(options.maxRecordBytes) bytes; raise input.max_record_bytes if it is real",
                rule: "csv.record-too-large", file: path, line: sink.rowStartLine)
        }
    }
}

/// Collects libcsv's events into rows: the bytes of all fields of a row in one buffer of its own.
///
/// Its state is only ever touched from libcsv's callbacks and the reader, one call at a time,
/// so the run-time exclusivity checks (a large part of each callback's cost) are left out.
private final class RowSink: LibCSVHandler {
    @exclusivity(unchecked) var bytes: [UInt8] = []
    @exclusivity(unchecked) var bounds: [Int32] = []
    @exclusivity(unchecked) var rows: [RawRow] = []
    @exclusivity(unchecked) var next = 0  // the first row of `rows` not handed out yet
    @exclusivity(unchecked) var rowStartLine = 1
    /// The largest field seen since the last check.
    @exclusivity(unchecked) var largestField = 0
    /// The largest row seen.
    @exclusivity(unchecked) var largestRow = 0

    override init() {
        bytes.reserveCapacity(512)
        bounds.reserveCapacity(64)
    }

    override func field(_ field: UnsafeRawBufferPointer) {
        if field.count > largestField { largestField = field.count }
        bounds.append(Int32(truncatingIfNeeded: bytes.count))
        bytes.append(contentsOf: field.assumingMemoryBound(to: UInt8.self))
        bounds.append(Int32(truncatingIfNeeded: bytes.count))
    }

    /// Counts the sizes of a whole row split elsewhere (`PlainCSVLine`): its longest field, and
    /// the line's length.
    func measure(largestField field: Int, length: Int) {
        if field > largestField { largestField = field }
        if length > largestRow { largestRow = length }
    }

    override func endOfRow() {
        if bytes.count > largestRow { largestRow = bytes.count }
        // Copies of their own size; the buffers stay for the next row.
        rows.append(RawRow(bytes: Array(bytes), bounds: RowBounds(copying: bounds), line: rowStartLine, isASCII: nil))
        bytes.removeAll(keepingCapacity: true)
        bounds.removeAll(keepingCapacity: true)
    }

    var isEmpty: Bool { next >= rows.count }

    func take() -> RawRow {
        let row = rows[next]
        next += 1
        if next == rows.count {
            rows.removeAll(keepingCapacity: true)
            next = 0
        }
        return row
    }
}

/// A row as read: a buffer, where each field lies in it (field `i` is
/// `bytes[bounds[2 i] ..< bounds[2 i + 1]]`), the line it started on, and whether its fields are
/// all ASCII when that is known.
struct RawRow {
    var bytes: [UInt8]
    var bounds: RowBounds
    var line: Int
    var isASCII: Bool?

    var count: Int { bounds.count >> 1 }

    /// Whether the row is a plain line (`isASCII` known) that is well-formed UTF-8 as a whole: its
    /// fields then are too, since only ASCII lies between them. (For a row from libcsv the
    /// fields lie end to end, and two broken fields can make a well-formed whole.)
    var isValidPlainLine: Bool {
        guard isASCII != nil, let first = bounds.first, let last = bounds.last else { return false }
        return bytes.withUnsafeBufferPointer { ByteScan.isValidUTF8(UnsafeBufferPointer(rebasing: $0[Int(first)..<Int(last)])) }
    }

    func field(_ i: Int) -> ArraySlice<UInt8> {
        bytes[Int(bounds[2 * i])..<Int(bounds[2 * i + 1])]
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
