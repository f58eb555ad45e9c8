/// One record read from an input file: a CSV row or a tree (JSON, XML), with its provenance.
///
/// Readers know nothing of OICP; they produce these and the mapping reads them.
public struct SourceRecord: Sendable {
    public enum Content: Sendable {
        case row(CSVRow)
        case tree(SourceNode)
    }

    public var content: Content
    public var provenance: Provenance
    /// Enclosing objects reachable from the record, by name (`location` for an OCPI EVSE).
    public var scopes: [String: SourceNode]
    /// For each scope, a number that changes when the enclosing object does (records of one
    /// station share their `$station`): what depends only on a scope is computed once per value.
    public var scopeIDs: [String: Int] = [:]
    /// A defect the reader found in this record (a ragged row, invalid text). The record is
    /// rejected with this diagnostic; it is not lost.
    public var defect: Diagnostic? {
        get { defectBox?.diagnostic }
        set { defectBox = newValue.map(DefectBox.init) }
    }
    /// Kept out of line: few records have one, and the record is copied often.
    private var defectBox: DefectBox?

    public init(content: Content, provenance: Provenance, scopes: [String: SourceNode] = [:], defect: Diagnostic? = nil) {
        self.content = content
        self.provenance = provenance
        self.scopes = scopes
        self.defectBox = defect.map(DefectBox.init)
    }
}

private final class DefectBox: Sendable {
    let diagnostic: Diagnostic
    init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}
