/// How to read a CSV file.
public struct CSVOptions: Sendable, Equatable {
    /// The field separator (`,`, `;`, tab, `|`).
    public var delimiter: UInt8 = UInt8(ascii: ",")
    /// The quote character.
    public var quote: UInt8 = UInt8(ascii: "\"")
    public var encoding: TextEncoding = .auto
    /// Lines to skip before the header row (a title, an export date).
    public var skipLines: Int = 0
    /// Whether the first row (after the skipped lines) names the columns. Without a header the
    /// columns are named `1`, `2`, …
    public var hasHeader: Bool = true
    /// What a row with a different number of fields than the header becomes.
    public var raggedRows: RaggedPolicy = .reject
    /// The largest field accepted, in bytes; a larger one (usually an unbalanced quote) stops the
    /// run with an error naming the line where the field began.
    public var maxFieldBytes: Int = 1 << 20
    /// A row larger than this (all its fields) stops the run (`csv.record-too-large`).
    public var maxRecordBytes: Int = 16 << 20

    public enum RaggedPolicy: String, Sendable, CaseIterable {
        /// The row is rejected with rule `csv.ragged`.
        case reject
        /// Missing fields read as empty, extra fields are ignored; a warning is given.
        case pad
    }

    public init() {}
}
