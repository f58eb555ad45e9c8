/// Something the mapping found wrong with one record.
public struct RecordIssue: Sendable, Equatable {
    public enum Severity: String, Sendable {
        /// The record cannot be converted; it goes to the rejects file.
        case reject
        /// The record is converted, but a value was changed or left out.
        case warning
    }

    public var severity: Severity
    public var rule: String
    /// The OICP field (or mapping key) concerned.
    public var field: String
    public var message: String
    public var value: String?

    public init(_ severity: Severity, rule: String, field: String, message: String, value: String? = nil) {
        self.severity = severity
        self.rule = rule
        self.field = field
        self.message = message
        self.value = value
    }
}
