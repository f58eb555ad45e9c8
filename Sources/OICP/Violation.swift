/// A departure from the OICP specification found in a record or a bundle.
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// Hubject would refuse the record (or the whole push).
        case error
        /// Accepted by Hubject, but probably not what was meant.
        case warning
    }

    public var rule: Rule
    public var severity: Severity
    /// Where in the record, as OICP keys: `Address.PostalCode`, `ChargingFacilities[0].Power`.
    public var path: String
    public var message: String
    /// The offending value, when there is one.
    public var value: String?

    public init(rule: Rule, severity: Severity = .error, path: String, message: String, value: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.path = path
        self.message = message
        self.value = value
    }

    public var description: String { "[\(rule.id)] \(path): \(message)" }
}
