/// The operation of a push request.
public struct ActionType: OICPEnumeration {
    public let rawValue: String

    @inlinable public init(rawValue: String) { self.rawValue = rawValue }

    public static let typeName = "ActionType"

    public static let fullLoad = ActionType(rawValue: "fullLoad")
    public static let update = ActionType(rawValue: "update")
    public static let insert = ActionType(rawValue: "insert")
    public static let delete = ActionType(rawValue: "delete")

    private static let values23: [ActionType] = [.fullLoad, .update, .insert, .delete]
    private static let values22: [ActionType] = [.fullLoad, .update, .insert, .delete]

    public static func allowedValues(in version: OICPVersion) -> [Self] {
        switch version {
        case .v2_3: values23
        case .v2_2: values22
        }
    }
}
