import CLibCSV

/// The errors libcsv reports, from `csv_error`.
enum LibCSVError: Error, Equatable, CustomStringConvertible {
    case parse
    case noMemory
    case tooBig
    case invalid
    case unknown(Int32)

    init(code: Int32) {
        switch code {
        case CSV_EPARSE: self = .parse
        case CSV_ENOMEM: self = .noMemory
        case CSV_ETOOBIG: self = .tooBig
        case CSV_EINVALID: self = .invalid
        default: self = .unknown(code)
        }
    }

    var description: String {
        switch self {
        case .parse: "malformed CSV"
        case .noMemory: "out of memory while reading a field"
        case .tooBig: "a field larger than the address space"
        case .invalid: "invalid libcsv state"
        case .unknown(let code): "libcsv error \(code)"
        }
    }
}

/// Receives libcsv's field and end-of-row events. A class (not a protocol) so the C callbacks
/// reach it through `Unmanaged` without a dynamic cast per field.
class LibCSVHandler {
    func field(_ bytes: UnsafeRawBufferPointer) {}
    func endOfRow() {}
}

/// libcsv's parser behind a small Swift surface. Callbacks reach the handler through `Unmanaged`.
final class LibCSVParser {
    private let parser: UnsafeMutablePointer<csv_parser>
    private let handler: LibCSVHandler

    init(delimiter: UInt8, quote: UInt8, handler: LibCSVHandler) throws {
        parser = .allocate(capacity: 1)
        self.handler = handler
        let status = csv_init(parser, 0)
        guard status == 0 else {
            parser.deallocate()
            throw LibCSVError(code: Int32(status))
        }
        csv_set_delim(parser, delimiter)
        csv_set_quote(parser, quote)
        // libcsv trims spaces and tabs around unquoted fields by itself, without a call per
        // byte; only a tab delimiter needs its own test (a tab must not also be trimmed).
        if delimiter == 0x09 {
            csv_set_space_func(parser) { $0 == 0x20 ? 1 : 0 }
        }
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
    }

    /// Whether the parser is between rows (not inside a row or a quoted field).
    var isBetweenRows: Bool { parser.pointee.pstate == 0 }

    /// Whether the parser is inside a quoted field whose closing quote has not come yet
    /// (libcsv's FIELD_BEGUN state of a quoted field; FIELD_MIGHT_HAVE_ENDED follows a quote).
    var isInsideQuotes: Bool { parser.pointee.quoted != 0 && parser.pointee.pstate == 2 }

    /// The size of the field being read so far.
    var pendingFieldBytes: Int { parser.pointee.entry_pos }

    func parse(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count > 0 else { return }
        let context = Unmanaged.passUnretained(handler).toOpaque()
        let done = csv_parse(parser, bytes.baseAddress, bytes.count, fieldCallback, rowCallback, context)
        if done != bytes.count { throw LibCSVError(code: Int32(csv_error(parser))) }
    }

    /// Ends the last field and row if the input did not end with a line break.
    func finish() {
        let context = Unmanaged.passUnretained(handler).toOpaque()
        csv_fini(parser, fieldCallback, rowCallback, context)
    }
}

private func fieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let handler = Unmanaged<LibCSVHandler>.fromOpaque(context).takeUnretainedValue()
    handler.field(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : length))
}

private func rowCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let handler = Unmanaged<LibCSVHandler>.fromOpaque(context).takeUnretainedValue()
    handler.endOfRow()
}
