/// A finding about the input, the mapping or the run, with where it was found.
///
/// Printed as `file:line: error: [rule] message` (the format compilers use, so editors and CI
/// logs link it to the place).
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case note
        case warning
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// The stable rule identifier (`evse-id.pattern`, `csv.ragged`, `mapping.unknown-key`), if any.
    public var rule: String?
    public var message: String
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// The field concerned: an OICP path (`Address.City`), a column or a mapping key path.
    public var field: String?
    /// The offending value.
    public var value: String?
    /// The record concerned, usually its EvseID.
    public var context: String?

    public init(
        _ severity: Severity, rule: String? = nil, _ message: String, file: String? = nil, line: Int? = nil,
        column: Int? = nil, field: String? = nil, value: String? = nil, context: String? = nil
    ) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.value = value
        self.context = context
    }

    public static func error(_ message: String, rule: String? = nil, file: String? = nil, line: Int? = nil, field: String? = nil, value: String? = nil) -> Diagnostic {
        Diagnostic(.error, rule: rule, message, file: file, line: line, field: field, value: value)
    }

    public static func warning(_ message: String, rule: String? = nil, file: String? = nil, line: Int? = nil, field: String? = nil, value: String? = nil) -> Diagnostic {
        Diagnostic(.warning, rule: rule, message, file: file, line: line, field: field, value: value)
    }

    /// `file:line:column: severity: [rule] message`, leaving out what is unknown.
    public var description: String {
        var out = ""
        if let file {
            out += file
            if let line {
                out += ":\(line)"
                if let column { out += ":\(column)" }
            }
            out += ": "
        }
        out += severity.rawValue + ": "
        if let rule { out += "[\(rule)] " }
        out += message
        return out
    }
}
