/// Where a source record came from.
public struct Provenance: Sendable, Hashable {
    /// The input file, by number (see ``FileID``: a record's copies count no reference for it).
    public let fileID: FileID
    /// The 1-based line the record starts on.
    public var line: Int
    /// The 1-based number of the record in the file (header excluded).
    public var recordNumber: Int

    /// The input file as the user named it.
    public var file: String { fileID.name }

    public init(file: FileID, line: Int, recordNumber: Int) {
        fileID = file
        self.line = line
        self.recordNumber = recordNumber
    }

    public init(file: String, line: Int, recordNumber: Int) {
        self.init(file: FileID(file), line: line, recordNumber: recordNumber)
    }
}
