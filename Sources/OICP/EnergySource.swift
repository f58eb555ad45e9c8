/// A share of the energy mix (OICP `EnergySource`, new in 2.3).
public struct EnergySource: Sendable, Hashable {
    public var energy: EnergyType?
    /// 0–99 per the 2.3 text and OpenAPI.
    public var percentage: Int?

    @inlinable public init(energy: EnergyType?, percentage: Int?) {
        self.energy = energy
        self.percentage = percentage
    }
}

/// Environmental impact of the energy (OICP `EnvironmentalImpact`, new in 2.3), in g/kWh.
public struct EnvironmentalImpact: Sendable, Hashable {
    public var co2Emission: Double?
    public var nuclearWaste: Double?

    @inlinable public init(co2Emission: Double?, nuclearWaste: Double?) {
        self.co2Emission = co2Emission
        self.nuclearWaste = nuclearWaste
    }
}
