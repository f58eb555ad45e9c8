/// An OICP string enumeration that keeps values outside the enumeration.
///
/// OICP enumerations are modelled as open sets: decoding a file written by somebody else must not
/// fail on a misspelled value, because `validate` has to name that value precisely. Whether a
/// value belongs to the enumeration of a given OICP version is a validation question
/// (rule `enum.value`), answered by ``isValid(in:)``.
public protocol OICPEnumeration: RawRepresentable, Hashable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral where RawValue == String
{
    init(rawValue: String)
    /// The name of the OICP type, as the specification spells it (`PlugType`).
    static var typeName: String { get }
    /// Every value the given version accepts, in the specification's order.
    static func allowedValues(in version: OICPVersion) -> [Self]
    /// Whether this value is spelled exactly as one of the version's values.
    func isValid(in version: OICPVersion) -> Bool
}

extension OICPEnumeration {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }

    /// Whether this value is spelled exactly as one of the version's values.
    public func isValid(in version: OICPVersion) -> Bool {
        // Lengths first: a length is read from the string without a call, and most of the
        // values compared differ in it (a full comparison costs a call per value).
        let length = rawValue.utf8.count
        return Self.allowedValues(in: version).contains { $0.rawValue.utf8.count == length && $0.rawValue == rawValue }
    }

    /// The allowed value that matches `text` ignoring case, spaces, dashes and underscores, if any.
    public static func closestValue(to text: String, in version: OICPVersion) -> Self? {
        let key = EnumNormalizer.key(text)
        return allowedValues(in: version).first { EnumNormalizer.key($0.rawValue) == key }
    }
}

/// The normalisation used to suggest the right spelling of an enumeration value.
public enum EnumNormalizer {
    /// Lower-cases and removes spaces, dashes (including en and em dashes), underscores and dots.
    public static func key(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "-", "_", ".", "\u{2013}", "\u{2014}", "\t", "\u{00A0}": continue
            default: out.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return out
    }
}
