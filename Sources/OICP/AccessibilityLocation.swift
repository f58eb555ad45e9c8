/// Where the EVSE stands (OICP `AccessibilityLocationType`, new in 2.3).
public struct AccessibilityLocation: OICPEnumeration {
    public let rawValue: String

    @inlinable public init(rawValue: String) { self.rawValue = rawValue }

    public static let typeName = "AccessibilityLocation"

    public static let onStreet = AccessibilityLocation(rawValue: "OnStreet")
    public static let parkingLot = AccessibilityLocation(rawValue: "ParkingLot")
    public static let parkingGarage = AccessibilityLocation(rawValue: "ParkingGarage")
    public static let undergroundParkingGarage = AccessibilityLocation(rawValue: "UndergroundParkingGarage")

    private static let values23: [AccessibilityLocation] = [.onStreet, .parkingLot, .parkingGarage, .undergroundParkingGarage]
    private static let values22: [AccessibilityLocation] = []  // new in OICP 2.3

    public static func allowedValues(in version: OICPVersion) -> [Self] {
        switch version {
        case .v2_3: values23
        case .v2_2: values22
        }
    }
}
