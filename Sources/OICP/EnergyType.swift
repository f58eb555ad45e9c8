/// A source of energy (OICP `EnergyType`, new in 2.3).
public struct EnergyType: OICPEnumeration {
    public let rawValue: String

    @inlinable public init(rawValue: String) { self.rawValue = rawValue }

    public static let typeName = "EnergyType"

    public static let solar = EnergyType(rawValue: "Solar")
    public static let wind = EnergyType(rawValue: "Wind")
    public static let hydroPower = EnergyType(rawValue: "HydroPower")
    public static let geothermalEnergy = EnergyType(rawValue: "GeothermalEnergy")
    public static let biomass = EnergyType(rawValue: "Biomass")
    public static let coal = EnergyType(rawValue: "Coal")
    public static let nuclearEnergy = EnergyType(rawValue: "NuclearEnergy")
    public static let petroleum = EnergyType(rawValue: "Petroleum")
    public static let naturalGas = EnergyType(rawValue: "NaturalGas")

    private static let values23: [EnergyType] = [.solar, .wind, .hydroPower, .geothermalEnergy, .biomass, .coal, .nuclearEnergy, .petroleum, .naturalGas]
    private static let values22: [EnergyType] = []  // new in OICP 2.3

    public static func allowedValues(in version: OICPVersion) -> [Self] {
        switch version {
        case .v2_3: values23
        case .v2_2: values22
        }
    }
}
