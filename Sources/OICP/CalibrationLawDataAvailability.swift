/// Whether metering data conforming to German calibration law is available (OICP `CalibrationLawDataAvailabilityType`, new in 2.3).
public struct CalibrationLawDataAvailability: OICPEnumeration {
    public let rawValue: String

    @inlinable public init(rawValue: String) { self.rawValue = rawValue }

    public static let typeName = "CalibrationLawDataAvailability"

    public static let local = CalibrationLawDataAvailability(rawValue: "Local")
    public static let external = CalibrationLawDataAvailability(rawValue: "External")
    public static let notAvailable = CalibrationLawDataAvailability(rawValue: "Not Available")

    private static let values23: [CalibrationLawDataAvailability] = [.local, .external, .notAvailable]
    private static let values22: [CalibrationLawDataAvailability] = []  // new in OICP 2.3

    public static func allowedValues(in version: OICPVersion) -> [Self] {
        switch version {
        case .v2_3: values23
        case .v2_2: values22
        }
    }
}
