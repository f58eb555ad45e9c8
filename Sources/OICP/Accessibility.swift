/// Who may use the EVSE (OICP `AccessibilityType`).
public struct Accessibility: OICPEnumeration {
    public let rawValue: String

    @inlinable public init(rawValue: String) { self.rawValue = rawValue }

    public static let typeName = "Accessibility"

    public static let freePubliclyAccessible = Accessibility(rawValue: "Free publicly accessible")
    public static let restrictedAccess = Accessibility(rawValue: "Restricted access")
    public static let payingPubliclyAccessible = Accessibility(rawValue: "Paying publicly accessible")
    public static let testStation = Accessibility(rawValue: "Test Station")
    public static let unspecified = Accessibility(rawValue: "Unspecified")

    private static let values23: [Accessibility] = [.freePubliclyAccessible, .restrictedAccess, .payingPubliclyAccessible, .testStation]
    private static let values22: [Accessibility] = [.freePubliclyAccessible, .restrictedAccess, .payingPubliclyAccessible, .testStation, .unspecified]

    public static func allowedValues(in version: OICPVersion) -> [Self] {
        switch version {
        case .v2_3: values23
        case .v2_2: values22
        }
    }
}
