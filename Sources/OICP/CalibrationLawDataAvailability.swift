/// Whether metering data conforming to German calibration law is available (OICP `CalibrationLawDataAvailabilityType`, new in 2.3).
public struct CalibrationLawDataAvailability: OICPEnumeration {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let typeName = "CalibrationLawDataAvailability"

    public static let local = CalibrationLawDataAvailability(rawValue: "Local")
    public static let external = CalibrationLawDataAvailability(rawValue: "External")
    public static let notAvailable = CalibrationLawDataAvailability(rawValue: "Not Available")

    public static func allowedValues(in version: OICPVersion) -> [Self] {
        switch version {
        case .v2_3: [.local, .external, .notAvailable]
        case .v2_2: []  // new in OICP 2.3
        }
    }
}
