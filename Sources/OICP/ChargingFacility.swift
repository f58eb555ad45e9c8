/// One way the EVSE can charge (OICP `ChargingFacility`).
public struct ChargingFacility: Sendable, Hashable {
    public var powerType: PowerType?
    /// Volts, line to neutral. 0–999 in 2.3.
    public var voltage: Int?
    /// Amperes. 0–99 in 2.3 (so high-current DC does not fit; see docs/oicp-decisions.md).
    public var amperage: Int?
    /// Kilowatts. An integer 0–999 in 2.3; a number in 2.2.
    public var power: Double?
    /// Charging modes of this facility (2.3; in 2.2 they sit on the record).
    public var chargingModes: [ChargingMode]?

    @inlinable public init(
        powerType: PowerType? = nil, voltage: Int? = nil, amperage: Int? = nil, power: Double? = nil,
        chargingModes: [ChargingMode]? = nil
    ) {
        self.powerType = powerType
        self.voltage = voltage
        self.amperage = amperage
        self.power = power
        self.chargingModes = chargingModes
    }
}
