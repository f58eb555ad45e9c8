import ETLCore
import OICP

/// A value flowing through a mapping expression.
public enum Value: Sendable, Equatable {
    /// No value: an empty field, a missing key, a dropped item.
    case absent
    case text(String)
    case number(Double)
    case bool(Bool)
    case list([Value])
    /// A position in decimal degrees.
    case coordinates(latitude: Double, longitude: Double)
    /// Opening hours: open 24/7, or the listed OICP OpeningTimes.
    case hours(OpeningHours)
    /// An object of a tree record (a JSON object, an XML element), for `each` and OCPI steps.
    case node(SourceNode)

    public var isAbsent: Bool {
        if case .absent = self { return true }
        if case .list(let items) = self { return items.allSatisfy(\.isAbsent) }
        return false
    }

    /// A short name of the kind, for messages.
    public var kindName: String {
        switch self {
        case .absent: "nothing"
        case .text: "text"
        case .number: "a number"
        case .bool: "a boolean"
        case .list: "a list"
        case .coordinates: "coordinates"
        case .hours: "opening hours"
        case .node: "an object"
        }
    }

    /// The value as text, for scalars: numbers without exponent, booleans as `true`/`false`.
    public var text: String? {
        switch self {
        case .text(let s): s
        case .number(let n): FixedDecimal.shortest(n)
        case .bool(let b): b ? "true" : "false"
        case .coordinates(let lat, let lon): FixedDecimal.format(lat, decimals: 6) + " " + FixedDecimal.format(lon, decimals: 6)
        default: nil
        }
    }

    /// The items of a list, a scalar as a one-item list, nothing as an empty list.
    public var items: [Value] {
        switch self {
        case .absent: []
        case .list(let items): items.filter { !$0.isAbsent }
        default: [self]
        }
    }

    /// Calls `body` with each of ``items`` in turn, without building the list.
    @inlinable public func forEachItem(_ body: (Value) throws -> Void) rethrows {
        switch self {
        case .absent: return
        case .list(let items): for item in items where !item.isAbsent { try body(item) }
        default: try body(self)
        }
    }
}

/// Opening hours as a mapping computes them.
public struct OpeningHours: Sendable, Equatable {
    public var isOpen24Hours: Bool
    public var openingTimes: [OpeningTimes]

    public init(isOpen24Hours: Bool, openingTimes: [OpeningTimes]) {
        self.isOpen24Hours = isOpen24Hours
        self.openingTimes = openingTimes
    }

    public static let alwaysOpen = OpeningHours(isOpen24Hours: true, openingTimes: [])
}
