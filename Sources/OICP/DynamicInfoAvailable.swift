/// Whether dynamic status is pushed for the EVSE. A JSON string, not a boolean.
public struct DynamicInfoAvailable: OICPEnumeration {
    public let rawValue: String

    @inlinable public init(rawValue: String) { self.rawValue = rawValue }

    public static let typeName = "DynamicInfoAvailable"

    public static let `true` = DynamicInfoAvailable(rawValue: "true")
    public static let `false` = DynamicInfoAvailable(rawValue: "false")
    public static let auto = DynamicInfoAvailable(rawValue: "auto")

    private static let values23: [DynamicInfoAvailable] = [.`true`, .`false`, .auto]
    private static let values22: [DynamicInfoAvailable] = [.`true`, .`false`, .auto]

    public static func allowedValues(in version: OICPVersion) -> [Self] {
        switch version {
        case .v2_3: values23
        case .v2_2: values22
        }
    }
}
