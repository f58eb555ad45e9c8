/// The change a pulled record represents; set by Hubject.
public struct DeltaType: OICPEnumeration {
    public let rawValue: String

    @inlinable public init(rawValue: String) { self.rawValue = rawValue }

    public static let typeName = "DeltaType"

    public static let update = DeltaType(rawValue: "update")
    public static let insert = DeltaType(rawValue: "insert")
    public static let delete = DeltaType(rawValue: "delete")

    private static let values23: [DeltaType] = [.update, .insert, .delete]
    private static let values22: [DeltaType] = [.update, .insert, .delete]

    public static func allowedValues(in version: OICPVersion) -> [Self] {
        switch version {
        case .v2_3: values23
        case .v2_2: values22
        }
    }
}
