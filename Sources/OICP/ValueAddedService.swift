/// A service offered at the EVSE (OICP `ValueAddedServiceType`).
public struct ValueAddedService: OICPEnumeration {
    public let rawValue: String

    @inlinable public init(rawValue: String) { self.rawValue = rawValue }

    public static let typeName = "ValueAddedService"

    public static let reservation = ValueAddedService(rawValue: "Reservation")
    public static let dynamicPricing = ValueAddedService(rawValue: "DynamicPricing")
    public static let parkingSensors = ValueAddedService(rawValue: "ParkingSensors")
    public static let maximumPowerCharging = ValueAddedService(rawValue: "MaximumPowerCharging")
    public static let predictiveChargePointUsage = ValueAddedService(rawValue: "PredictiveChargePointUsage")
    public static let chargingPlans = ValueAddedService(rawValue: "ChargingPlans")
    public static let roofProvided = ValueAddedService(rawValue: "RoofProvided")
    public static let `none` = ValueAddedService(rawValue: "None")

    private static let values23: [ValueAddedService] = [.reservation, .dynamicPricing, .parkingSensors, .maximumPowerCharging, .predictiveChargePointUsage, .chargingPlans, .roofProvided, .`none`]
    private static let values22: [ValueAddedService] = [.reservation, .dynamicPricing, .parkingSensors, .maximumPowerCharging, .predictiveChargePointUsage, .chargingPlans, .`none`]

    public static func allowedValues(in version: OICPVersion) -> [Self] {
        switch version {
        case .v2_3: values23
        case .v2_2: values22
        }
    }
}
