/// The kind of current a charging facility delivers (OICP `PowerType`).
public struct PowerType: OICPEnumeration {
    public let rawValue: String

    @inlinable public init(rawValue: String) { self.rawValue = rawValue }

    public static let typeName = "PowerType"

    public static let ac1Phase = PowerType(rawValue: "AC_1_PHASE")
    public static let ac3Phase = PowerType(rawValue: "AC_3_PHASE")
    public static let dc = PowerType(rawValue: "DC")
    public static let unspecified = PowerType(rawValue: "Unspecified")

    private static let values23: [PowerType] = [.ac1Phase, .ac3Phase, .dc]
    private static let values22: [PowerType] = [.ac1Phase, .ac3Phase, .dc, .unspecified]

    public static func allowedValues(in version: OICPVersion) -> [Self] {
        switch version {
        case .v2_3: values23
        case .v2_2: values22
        }
    }
}
