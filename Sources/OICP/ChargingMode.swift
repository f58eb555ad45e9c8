/// A charging mode (OICP `ChargingModeType`).
public struct ChargingMode: OICPEnumeration {
    public let rawValue: String

    @inlinable public init(rawValue: String) { self.rawValue = rawValue }

    public static let typeName = "ChargingMode"

    public static let mode1 = ChargingMode(rawValue: "Mode_1")
    public static let mode2 = ChargingMode(rawValue: "Mode_2")
    public static let mode3 = ChargingMode(rawValue: "Mode_3")
    public static let mode4 = ChargingMode(rawValue: "Mode_4")
    public static let chademo = ChargingMode(rawValue: "CHAdeMO")

    private static let values23: [ChargingMode] = [.mode1, .mode2, .mode3, .mode4, .chademo]
    private static let values22: [ChargingMode] = [.mode1, .mode2, .mode3, .mode4, .chademo]

    public static func allowedValues(in version: OICPVersion) -> [Self] {
        switch version {
        case .v2_3: values23
        case .v2_2: values22
        }
    }
}
