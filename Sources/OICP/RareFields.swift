/// The fields of an ``EvseDataRecord`` that most records leave empty: 2.2-only names and modes,
/// Hubject's own fields, the entrance, energy mix and the rest of the rarely given ones. They
/// live in one shared object that a record makes when the first of them is set and copies before
/// changing one when another record holds it too (copy on write), so a record is a value as
/// before.
@usableFromInline struct RareFields: Sendable, Hashable {
    var deltaType: DeltaType?
    var lastUpdate: String?
    var chargingPoolID: String?
    var chargingStationName: String?
    var enChargingStationName: String?
    var hardwareManufacturer: String?
    var chargingStationImage: String?
    var subOperatorName: String?
    var dynamicPowerLevel: Bool?
    var energySource: [EnergySource]?
    var environmentalImpact: EnvironmentalImpact?
    var maxCapacity: Int?
    var geoChargingPointEntrance: GeoCoordinates?
    var hubOperatorID: String?
    var clearinghouseID: String?
    var chargingModes: [ChargingMode]?

    @usableFromInline final class Storage: @unchecked Sendable {
        // Only changed through `unique`, when no other record holds this object.
        @exclusivity(unchecked) var fields: RareFields

        init(_ fields: RareFields) { self.fields = fields }
    }

    /// The storage to change a field in: made when there is none, copied when another record
    /// holds it too.
    static func unique(_ storage: inout Storage?) -> Storage {
        // Checked before anything else holds the object (a binding made first would).
        if isKnownUniquelyReferenced(&storage), let s = storage { return s }
        let s = Storage(storage?.fields ?? RareFields())
        storage = s
        return s
    }
}

extension RareFields {
    /// A record's rare fields: none (no storage) or those of its storage. Equal and hashed by
    /// the fields, like the values a record held inline before (no storage equals storage whose
    /// fields are all empty again).
    @usableFromInline struct Box: Sendable, Hashable {
        var storage: Storage?

        @usableFromInline init() {}

        @usableFromInline static func == (a: Box, b: Box) -> Bool {
            if a.storage === b.storage { return true }
            return (a.storage?.fields ?? RareFields()) == (b.storage?.fields ?? RareFields())
        }

        @usableFromInline func hash(into hasher: inout Hasher) {
            (storage?.fields ?? RareFields()).hash(into: &hasher)
        }
    }
}

extension EvseDataRecord {
    public var deltaType: DeltaType? {
        get { rare.storage?.fields.deltaType }
        set { if newValue != nil || rare.storage?.fields.deltaType != nil { RareFields.unique(&rare.storage).fields.deltaType = newValue } }
    }

    public var lastUpdate: String? {
        get { rare.storage?.fields.lastUpdate }
        set { if newValue != nil || rare.storage?.fields.lastUpdate != nil { RareFields.unique(&rare.storage).fields.lastUpdate = newValue } }
    }

    public var chargingPoolID: String? {
        get { rare.storage?.fields.chargingPoolID }
        set { if newValue != nil || rare.storage?.fields.chargingPoolID != nil { RareFields.unique(&rare.storage).fields.chargingPoolID = newValue } }
    }

    /// 2.2 only.
    public var chargingStationName: String? {
        get { rare.storage?.fields.chargingStationName }
        set { if newValue != nil || rare.storage?.fields.chargingStationName != nil { RareFields.unique(&rare.storage).fields.chargingStationName = newValue } }
    }

    /// 2.2 only.
    public var enChargingStationName: String? {
        get { rare.storage?.fields.enChargingStationName }
        set { if newValue != nil || rare.storage?.fields.enChargingStationName != nil { RareFields.unique(&rare.storage).fields.enChargingStationName = newValue } }
    }

    /// 2.3 only.
    public var hardwareManufacturer: String? {
        get { rare.storage?.fields.hardwareManufacturer }
        set { if newValue != nil || rare.storage?.fields.hardwareManufacturer != nil { RareFields.unique(&rare.storage).fields.hardwareManufacturer = newValue } }
    }

    /// 2.3 only.
    public var chargingStationImage: String? {
        get { rare.storage?.fields.chargingStationImage }
        set { if newValue != nil || rare.storage?.fields.chargingStationImage != nil { RareFields.unique(&rare.storage).fields.chargingStationImage = newValue } }
    }

    /// 2.3 only.
    public var subOperatorName: String? {
        get { rare.storage?.fields.subOperatorName }
        set { if newValue != nil || rare.storage?.fields.subOperatorName != nil { RareFields.unique(&rare.storage).fields.subOperatorName = newValue } }
    }

    /// 2.3 only.
    public var dynamicPowerLevel: Bool? {
        get { rare.storage?.fields.dynamicPowerLevel }
        set { if newValue != nil || rare.storage?.fields.dynamicPowerLevel != nil { RareFields.unique(&rare.storage).fields.dynamicPowerLevel = newValue } }
    }

    /// 2.3 only.
    public var energySource: [EnergySource]? {
        get { rare.storage?.fields.energySource }
        set { if newValue != nil || rare.storage?.fields.energySource != nil { RareFields.unique(&rare.storage).fields.energySource = newValue } }
    }

    /// 2.3 only.
    public var environmentalImpact: EnvironmentalImpact? {
        get { rare.storage?.fields.environmentalImpact }
        set { if newValue != nil || rare.storage?.fields.environmentalImpact != nil { RareFields.unique(&rare.storage).fields.environmentalImpact = newValue } }
    }

    /// kWh.
    public var maxCapacity: Int? {
        get { rare.storage?.fields.maxCapacity }
        set { if newValue != nil || rare.storage?.fields.maxCapacity != nil { RareFields.unique(&rare.storage).fields.maxCapacity = newValue } }
    }

    public var geoChargingPointEntrance: GeoCoordinates? {
        get { rare.storage?.fields.geoChargingPointEntrance }
        set { if newValue != nil || rare.storage?.fields.geoChargingPointEntrance != nil { RareFields.unique(&rare.storage).fields.geoChargingPointEntrance = newValue } }
    }

    public var hubOperatorID: String? {
        get { rare.storage?.fields.hubOperatorID }
        set { if newValue != nil || rare.storage?.fields.hubOperatorID != nil { RareFields.unique(&rare.storage).fields.hubOperatorID = newValue } }
    }

    public var clearinghouseID: String? {
        get { rare.storage?.fields.clearinghouseID }
        set { if newValue != nil || rare.storage?.fields.clearinghouseID != nil { RareFields.unique(&rare.storage).fields.clearinghouseID = newValue } }
    }

    /// 2.2 only: the record-level charging modes (in 2.3 they sit on each ChargingFacility).
    public var chargingModes: [ChargingMode]? {
        get { rare.storage?.fields.chargingModes }
        set { if newValue != nil || rare.storage?.fields.chargingModes != nil { RareFields.unique(&rare.storage).fields.chargingModes = newValue } }
    }
}
