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

/// One CSV row: the bytes of all its fields (UTF-8) and where each field ends.
///
/// Field text is made on demand, so columns no mapping reads cost nothing.
public struct CSVRow: Sendable {
    public let header: CSVHeader
    @usableFromInline let bytes: [UInt8]
    @usableFromInline let ends: [Int32]

    public init(header: CSVHeader, bytes: [UInt8], ends: [Int32]) {
        self.header = header
        self.bytes = bytes
        self.ends = ends
    }

    /// Convenience for tests and small tools.
    public init(header: CSVHeader, fields: [String]) {
        var bytes: [UInt8] = []
        var ends: [Int32] = []
        for f in fields {
            bytes.append(contentsOf: f.utf8)
            ends.append(Int32(bytes.count))
        }
        self.init(header: header, bytes: bytes, ends: ends)
    }

    /// How many fields the row has (may differ from the header's count in a ragged file).
    public var count: Int { ends.count }

    /// The text of field `i`, or nil when the row has no such field.
    @inlinable
    public func text(at i: Int) -> String? {
        guard i >= 0 && i < ends.count else { return nil }
        let start = i == 0 ? 0 : Int(ends[i - 1])
        let end = Int(ends[i])
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// Calls `body` with the bytes of field `i`; nil when the row has no such field.
    @inlinable
    public func withField<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard i >= 0 && i < ends.count else { return nil }
        let start = i == 0 ? 0 : Int(ends[i - 1])
        let end = Int(ends[i])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The number of bytes of field `i` (0 when absent).
    public func byteCount(at i: Int) -> Int {
        guard i >= 0 && i < ends.count else { return 0 }
        return Int(ends[i]) - (i == 0 ? 0 : Int(ends[i - 1]))
    }

    /// All fields as text.
    public var fields: [String] { (0..<count).map { text(at: $0) ?? "" } }
}
