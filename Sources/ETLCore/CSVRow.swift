/// The column names of a CSV file, shared by all its rows.
public final class CSVHeader: Sendable {
    /// The names as written in the header row (trimmed), in order.
    public let names: [String]
    private let index: [String: Int]

    public init(names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        for (i, name) in names.enumerated() where index[name] == nil { index[name] = i }
        self.index = index
    }

    /// The position of the first column with this name.
    public func position(of name: String) -> Int? { index[name] }

    /// Names that appear more than once.
    public var duplicates: [String] {
        var seen: Set<String> = []
        var dup: [String] = []
        for n in names where !seen.insert(n).inserted && !dup.contains(n) { dup.append(n) }
        return dup
    }
}

/// One CSV row: where each field's bytes (UTF-8) lie in a buffer. The buffer may be shared by
/// many rows (a reader's chunk of the file) or hold this row's fields alone.
///
/// Field text is made on demand, so columns no mapping reads cost nothing. A class: records are
/// passed around and copied often, and a row is then one reference to count, not three.
public final class CSVRow: Sendable {
    public let header: CSVHeader
    @usableFromInline let bytes: [UInt8]
    /// Field `i` is `bytes[bounds[2 i] ..< bounds[2 i + 1]]`.
    @usableFromInline let bounds: RowBounds

    public init(header: CSVHeader, bytes: [UInt8], bounds: RowBounds) {
        precondition(bounds.count % 2 == 0)
        self.header = header
        self.bytes = bytes
        self.bounds = bounds
    }

    /// Convenience for tests and small tools.
    public convenience init(header: CSVHeader, fields: [String]) {
        var bytes: [UInt8] = []
        var bounds: [Int32] = []
        for f in fields {
            bounds.append(Int32(bytes.count))
            bytes.append(contentsOf: f.utf8)
            bounds.append(Int32(bytes.count))
        }
        self.init(header: header, bytes: bytes, bounds: RowBounds(copying: bounds))
    }

    /// How many fields the row has (may differ from the header's count in a ragged file).
    public var count: Int { bounds.count >> 1 }

    /// The text of field `i`, or nil when the row has no such field.
    @inlinable
    public func text(at i: Int) -> String? {
        withField(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of field `i`; nil when the row has no such field.
    @inlinable
    public func withField<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard i >= 0 && 2 * i < bounds.count else { return nil }
        let start = Int(bounds[2 * i])
        let end = Int(bounds[2 * i + 1])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Calls `body` with the buffer and the fields' bounds (field `i` lies at
    /// `bounds[2 i] ..< bounds[2 i + 1]` of the buffer), for code that reads many fields at once.
    @inlinable
    public func withStorage<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int32>) -> R) -> R {
        bytes.withUnsafeBufferPointer { body($0, bounds.buffer) }
    }

    /// The number of bytes of field `i` (0 when absent).
    public func byteCount(at i: Int) -> Int {
        guard i >= 0 && 2 * i < bounds.count else { return 0 }
        return Int(bounds[2 * i + 1] - bounds[2 * i])
    }

    /// All fields as text.
    public var fields: [String] { (0..<count).map { text(at: $0) ?? "" } }
}
