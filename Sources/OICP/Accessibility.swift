/// Who may use the EVSE (OICP `AccessibilityType`).
public struct Accessibility: OICPEnumeration {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let typeName = "Accessibility"

    public static let freePubliclyAccessible = Accessibility(rawValue: "Free publicly accessible")
    public static let restrictedAccess = Accessibility(rawValue: "Restricted access")
    public static let payingPubliclyAccessible = Accessibility(rawValue: "Paying publicly accessible")
    public static let testStation = Accessibility(rawValue: "Test Station")
    public static let unspecified = Accessibility(rawValue: "Unspecified")

    public static func allowedValues(in version: OICPVersion) -> [Self] {
        switch version {
        case .v2_3: [.freePubliclyAccessible, .restrictedAccess, .payingPubliclyAccessible, .testStation]
        case .v2_2: [.freePubliclyAccessible, .restrictedAccess, .payingPubliclyAccessible, .testStation, .unspecified]
        }
    }
}
