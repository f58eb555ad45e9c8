/// The static data of one EVSE (OICP `EvseDataRecord`), for 2.3 and 2.2.
///
/// Every field is optional in the model: whether a mandatory field is missing is a validation
/// finding (rule `field.required`), not a decoding failure. Fields of only one version are
/// marked; ``prepared(for:)`` turns a record into what that version's encoding writes.
public struct EvseDataRecord: Sendable, Hashable {
    public var evseID: String?
    /// Spelled `ChargingStationID` (see docs/oicp-decisions.md).
    public var chargingStationID: String?
    /// 2.3: the station's names, one per language.
    public var chargingStationNames: [InfoText]?
    public var address: Address?
    public var geoCoordinates: GeoCoordinates?
    public var plugs: [PlugType]?
    public var chargingFacilities: [ChargingFacility]?
    /// 2.3 only.
    public var renewableEnergy: Bool?
    /// 2.3 only.
    public var calibrationLawDataAvailability: CalibrationLawDataAvailability?
    public var authenticationModes: [AuthenticationMode]?
    public var paymentOptions: [PaymentOption]?
    public var valueAddedServices: [ValueAddedService]?
    public var accessibility: Accessibility?
    /// 2.3 only.
    public var accessibilityLocation: AccessibilityLocation?
    public var hotlinePhoneNumber: String?
    public var additionalInfo: [InfoText]?
    /// 2.3 only.
    public var chargingStationLocationReference: [InfoText]?
    public var isOpen24Hours: Bool?
    public var openingTimes: [OpeningTimes]?
    public var isHubjectCompatible: Bool?
    public var dynamicInfoAvailable: DynamicInfoAvailable?
    /// The fields most records leave empty (``RareFields``), in one object made when the first
    /// is set: a record is copied and moved some twenty times between mapping and encoding, and
    /// each empty field it carries inline is bytes to copy and a case to test when it is freed.
    @usableFromInline var rare = RareFields.Box()

    @inlinable public init() {}

    /// The record as the given version writes it.
    ///
    /// For 2.2: `ChargingStationName` and `EnChargingStationName` come from `ChargingStationNames`
    /// when not set (the English entry becomes `EnChargingStationName`, the first other entry
    /// `ChargingStationName`), and record-level `ChargingModes` from the facilities; the
    /// 2.3-only fields are left out.
    /// For 2.3: `ChargingStationNames` comes from the 2.2 names when not set, and the 2.2-only
    /// fields are left out.
    public func prepared(for version: OICPVersion) -> EvseDataRecord {
        var r = self
        r.prepare(for: version)
        return r
    }

    /// Makes the record what ``prepared(for:)`` returns, in place.
    public mutating func prepare(for version: OICPVersion) {
        switch version {
        case .v2_2:
            if self.chargingStationName == nil && self.enChargingStationName == nil, let names = self.chargingStationNames {
                self.enChargingStationName = names.first(where: { $0.lang?.lowercased().hasPrefix("en") == true })?.value
                self.chargingStationName = names.first(where: { $0.lang?.lowercased().hasPrefix("en") != true })?.value
                    ?? self.enChargingStationName
            }
            if self.chargingModes == nil, let facilities = self.chargingFacilities {
                var modes: [ChargingMode] = []
                for mode in facilities.flatMap({ $0.chargingModes ?? [] }) where !modes.contains(mode) {
                    modes.append(mode)
                }
                if !modes.isEmpty { self.chargingModes = modes }
            }
            self.chargingStationNames = nil
            self.hardwareManufacturer = nil
            self.chargingStationImage = nil
            self.subOperatorName = nil
            self.dynamicPowerLevel = nil
            self.renewableEnergy = nil
            self.energySource = nil
            self.environmentalImpact = nil
            self.calibrationLawDataAvailability = nil
            self.accessibilityLocation = nil
            self.chargingStationLocationReference = nil
            self.address?.parkingFacility = nil
            self.address?.parkingSpot = nil
            self.chargingFacilities = self.chargingFacilities?.map {
                var f = $0
                f.chargingModes = nil
                return f
            }
        case .v2_3:
            if self.chargingStationNames == nil {
                var names: [InfoText] = []
                if let name = self.chargingStationName { names.append(InfoText(lang: nil, value: name)) }
                if let name = self.enChargingStationName { names.append(InfoText(lang: "en", value: name)) }
                if !names.isEmpty { self.chargingStationNames = names }
            }
            if let modes = self.chargingModes, let facilities = self.chargingFacilities,
                facilities.allSatisfy({ $0.chargingModes == nil })
            {
                self.chargingFacilities = facilities.map {
                    var f = $0
                    f.chargingModes = modes
                    return f
                }
            }
            self.chargingStationName = nil
            self.enChargingStationName = nil
            self.chargingModes = nil
            // Only when there is one to drop: a new list per record would also hide that the
            // record's list is the one the record before had (see TailMemo).
            if let times = self.openingTimes, times.contains(where: { $0.unstructuredOpeningTime != nil }) {
                self.openingTimes = times.map {
                    var o = $0
                    o.unstructuredOpeningTime = nil
                    return o
                }
            }
        }
    }
}
