/// Where a source record came from.
public struct Provenance: Sendable, Hashable {
    /// The input file as the user named it.
    public var file: String
    /// The 1-based line the record starts on.
    public var line: Int
    /// The 1-based number of the record in the file (header excluded).
    public var recordNumber: Int

    public init(file: String, line: Int, recordNumber: Int) {
        self.file = file
        self.line = line
        self.recordNumber = recordNumber
    }
}
