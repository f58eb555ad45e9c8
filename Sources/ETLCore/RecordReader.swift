/// A source of records, read one at a time so memory does not grow with the file.
public protocol RecordReader: AnyObject {
    /// The next record, or nil at the end of the input. Throws a ``Diagnostic`` when the file
    /// itself is unreadable (the run stops; a bad record is returned with a ``SourceRecord/defect``).
    func next() throws -> SourceRecord?

    /// The column names, for readers of tabular input.
    var header: CSVHeader? { get }

    /// How many bytes of the input have been consumed, for progress reporting.
    var bytesRead: Int { get }
}
