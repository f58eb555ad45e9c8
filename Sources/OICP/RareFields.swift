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
        // Only changed through `Box.set`, when no other record holds this object.
        @exclusivity(unchecked) var fields: RareFields

        init(_ fields: RareFields) { self.fields = fields }
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

        /// Changes a field with `write`, whose value is `current` and becomes `newValue`; a field
        /// that stays empty needs no storage, so nothing happens then.
        @inline(__always) mutating func set<T>(_ newValue: T?, over current: T?, _ write: (inout RareFields) -> Void) {
            guard newValue != nil || current != nil else { return }
            write(&unique().fields)
        }

        /// The storage to change a field in: made when there is none, copied when another record
        /// holds it too.
        private mutating func unique() -> Storage {
            // Checked before anything else holds the object (a binding made first would).
            if isKnownUniquelyReferenced(&storage), let s = storage { return s }
            let s = Storage(storage?.fields ?? RareFields())
            storage = s
            return s
        }
    }
}

extension EvseDataRecord {
    public var deltaType: DeltaType? {
        get { rare.storage?.fields.deltaType }
        set { rare.set(newValue, over: rare.storage?.fields.deltaType) { $0.deltaType = newValue } }
    }

    public var lastUpdate: String? {
        get { rare.storage?.fields.lastUpdate }
        set { rare.set(newValue, over: rare.storage?.fields.lastUpdate) { $0.lastUpdate = newValue } }
    }

    public var chargingPoolID: String? {
        get { rare.storage?.fields.chargingPoolID }
        set { rare.set(newValue, over: rare.storage?.fields.chargingPoolID) { $0.chargingPoolID = newValue } }
    }

    /// 2.2 only.
    public var chargingStationName: String? {
        get { rare.storage?.fields.chargingStationName }
        set { rare.set(newValue, over: rare.storage?.fields.chargingStationName) { $0.chargingStationName = newValue } }
    }

    /// 2.2 only.
    public var enChargingStationName: String? {
        get { rare.storage?.fields.enChargingStationName }
        set { rare.set(newValue, over: rare.storage?.fields.enChargingStationName) { $0.enChargingStationName = newValue } }
    }

    /// 2.3 only.
    public var hardwareManufacturer: String? {
        get { rare.storage?.fields.hardwareManufacturer }
        set { rare.set(newValue, over: rare.storage?.fields.hardwareManufacturer) { $0.hardwareManufacturer = newValue } }
    }

    /// 2.3 only.
    public var chargingStationImage: String? {
        get { rare.storage?.fields.chargingStationImage }
        set { rare.set(newValue, over: rare.storage?.fields.chargingStationImage) { $0.chargingStationImage = newValue } }
    }

    /// 2.3 only.
    public var subOperatorName: String? {
        get { rare.storage?.fields.subOperatorName }
        set { rare.set(newValue, over: rare.storage?.fields.subOperatorName) { $0.subOperatorName = newValue } }
    }

    /// 2.3 only.
    public var dynamicPowerLevel: Bool? {
        get { rare.storage?.fields.dynamicPowerLevel }
        set { rare.set(newValue, over: rare.storage?.fields.dynamicPowerLevel) { $0.dynamicPowerLevel = newValue } }
    }

    /// 2.3 only.
    public var energySource: [EnergySource]? {
        get { rare.storage?.fields.energySource }
        set { rare.set(newValue, over: rare.storage?.fields.energySource) { $0.energySource = newValue } }
    }

    /// 2.3 only.
    public var environmentalImpact: EnvironmentalImpact? {
        get { rare.storage?.fields.environmentalImpact }
        set { rare.set(newValue, over: rare.storage?.fields.environmentalImpact) { $0.environmentalImpact = newValue } }
    }

    /// kWh.
    public var maxCapacity: Int? {
        get { rare.storage?.fields.maxCapacity }
        set { rare.set(newValue, over: rare.storage?.fields.maxCapacity) { $0.maxCapacity = newValue } }
    }

    public var geoChargingPointEntrance: GeoCoordinates? {
        get { rare.storage?.fields.geoChargingPointEntrance }
        set { rare.set(newValue, over: rare.storage?.fields.geoChargingPointEntrance) { $0.geoChargingPointEntrance = newValue } }
    }

    public var hubOperatorID: String? {
        get { rare.storage?.fields.hubOperatorID }
        set { rare.set(newValue, over: rare.storage?.fields.hubOperatorID) { $0.hubOperatorID = newValue } }
    }

    public var clearinghouseID: String? {
        get { rare.storage?.fields.clearinghouseID }
        set { rare.set(newValue, over: rare.storage?.fields.clearinghouseID) { $0.clearinghouseID = newValue } }
    }

    /// 2.2 only: the record-level charging modes (in 2.3 they sit on each ChargingFacility).
    public var chargingModes: [ChargingMode]? {
        get { rare.storage?.fields.chargingModes }
        set { rare.set(newValue, over: rare.storage?.fields.chargingModes) { $0.chargingModes = newValue } }
    }
}
