/// Reads OICP JSON (push requests, pull responses, bare record arrays) into the model without
/// ever giving up on a record.
///
/// Wrong JSON types and keys that the version does not define are reported (rules `json.type`
/// and `json.unknown-key`, with the JSON path) and decoding goes on, so `validate` can name every
/// departure of a file in one run. A key that differs from an OICP key only in case is reported
/// with the right spelling and its value is still read.
public struct OICPDecoder: Sendable {
    public let version: OICPVersion

    public init(version: OICPVersion) {
        self.version = version
    }

    /// A push request (`{ActionType, OperatorEvseData}`).
    public func decodePush(_ json: JSONValue, path: String = "") -> (PushEvseData, [Violation]) {
        var ctx = Context()
        var reader = ctx.object(json, path: path, allowed: ["ActionType", "OperatorEvseData"])
        let action = reader.string("ActionType", &ctx).map(ActionType.init(rawValue:))
        var data: OperatorEvseData?
        if let value = reader.take("OperatorEvseData") {
            data = operatorData(value, path: join(path, "OperatorEvseData"), &ctx)
        }
        reader.finish(&ctx)
        return (PushEvseData(actionType: action, operatorEvseData: data), ctx.violations)
    }

    /// One record. `pull`: a record of a pull response, which may carry its `OperatorID` and
    /// `OperatorName` (they are read and dropped).
    public func decodeRecord(_ json: JSONValue, path: String = "", pull: Bool = false) -> (EvseDataRecord, [Violation]) {
        var ctx = Context()
        let r = record(json, path: path, &ctx, pull: pull)
        return (r, ctx.violations)
    }

    /// An acknowledgement.
    public func decodeAcknowledgement(_ json: JSONValue) -> (Acknowledgement, [Violation]) {
        var ctx = Context()
        var o = ctx.object(json, path: "", allowed: ["Result", "StatusCode", "SessionID", "CPOPartnerSessionID", "EMPPartnerSessionID"])
        var ack = Acknowledgement(result: o.bool("Result", &ctx), statusCode: nil)
        if let s = o.take("StatusCode") {
            var so = ctx.object(s, path: "StatusCode", allowed: ["Code", "Description", "AdditionalInfo"])
            ack.statusCode = StatusCode(code: so.string("Code", &ctx), description: so.string("Description", &ctx),
                additionalInfo: so.string("AdditionalInfo", &ctx))
            so.finish(&ctx)
        }
        ack.sessionID = o.string("SessionID", &ctx)
        ack.cpoPartnerSessionID = o.string("CPOPartnerSessionID", &ctx)
        ack.empPartnerSessionID = o.string("EMPPartnerSessionID", &ctx)
        o.finish(&ctx)
        return (ack, ctx.violations)
    }

    private func operatorData(_ json: JSONValue, path: String, _ ctx: inout Context) -> OperatorEvseData {
        var o = ctx.object(json, path: path, allowed: ["OperatorID", "OperatorName", "EvseDataRecord"])
        var data = OperatorEvseData(operatorID: o.string("OperatorID", &ctx), operatorName: o.string("OperatorName", &ctx), evseDataRecord: nil)
        if let value = o.take("EvseDataRecord") {
            data.evseDataRecord = ctx.array(value, path: join(path, "EvseDataRecord")).map { item, p in record(item, path: p, &ctx) }
        }
        o.finish(&ctx)
        return data
    }

    static let recordKeys23: [String] = [
        "deltaType", "lastUpdate", "EvseID", "ChargingPoolID", "ChargingStationID", "ChargingStationNames",
        "HardwareManufacturer", "ChargingStationImage", "SubOperatorName", "Address", "GeoCoordinates", "Plugs",
        "DynamicPowerLevel", "ChargingFacilities", "RenewableEnergy", "EnergySource", "EnvironmentalImpact",
        "CalibrationLawDataAvailability", "AuthenticationModes", "MaxCapacity", "PaymentOptions", "ValueAddedServices",
        "Accessibility", "AccessibilityLocation", "HotlinePhoneNumber", "AdditionalInfo", "ChargingStationLocationReference",
        "GeoChargingPointEntrance", "IsOpen24Hours", "OpeningTimes", "HubOperatorID", "ClearinghouseID",
        "IsHubjectCompatible", "DynamicInfoAvailable",
    ]
    static let recordKeys22: [String] = [
        "deltaType", "lastUpdate", "EvseID", "ChargingPoolID", "ChargingStationID", "ChargingStationName",
        "EnChargingStationName", "Address", "GeoCoordinates", "Plugs", "ChargingFacilities", "ChargingModes",
        "AuthenticationModes", "MaxCapacity", "PaymentOptions", "ValueAddedServices", "Accessibility", "HotlinePhoneNumber",
        "AdditionalInfo", "GeoChargingPointEntrance", "IsOpen24Hours", "OpeningTimes", "HubOperatorID", "ClearinghouseID",
        "IsHubjectCompatible", "DynamicInfoAvailable",
    ]

    /// The record keys of the version.
    public var recordKeys: [String] { version == .v2_3 ? Self.recordKeys23 : Self.recordKeys22 }

    private func record(_ json: JSONValue, path: String, _ ctx: inout Context, pull: Bool = false) -> EvseDataRecord {
        var o = ctx.object(json, path: path, allowed: recordKeys + (pull ? ["OperatorID", "OperatorName"] : []),
            otherVersion: version == .v2_3 ? Self.recordKeys22 : Self.recordKeys23)
        if pull {
            _ = o.string("OperatorID", &ctx)
            _ = o.string("OperatorName", &ctx)
        }
        var r = EvseDataRecord()
        r.deltaType = o.string("deltaType", &ctx).map(DeltaType.init(rawValue:))
        r.lastUpdate = o.string("lastUpdate", &ctx)
        r.evseID = o.string("EvseID", &ctx)
        r.chargingPoolID = o.string("ChargingPoolID", &ctx)
        r.chargingStationID = o.string("ChargingStationID", &ctx)
        r.chargingStationNames = o.list("ChargingStationNames", &ctx) { infoText($0, $1, &$2) }
        r.chargingStationName = o.string("ChargingStationName", &ctx)
        r.enChargingStationName = o.string("EnChargingStationName", &ctx)
        r.hardwareManufacturer = o.string("HardwareManufacturer", &ctx)
        r.chargingStationImage = o.string("ChargingStationImage", &ctx)
        r.subOperatorName = o.string("SubOperatorName", &ctx)
        if let a = o.take("Address"), !isNull(a, join(path, "Address"), &ctx) { r.address = address(a, path: join(path, "Address"), &ctx) }
        if let g = o.take("GeoCoordinates"), !isNull(g, join(path, "GeoCoordinates"), &ctx) {
            r.geoCoordinates = geo(g, path: join(path, "GeoCoordinates"), &ctx)
        }
        r.plugs = o.strings("Plugs", &ctx)?.map(PlugType.init(rawValue:))
        r.dynamicPowerLevel = o.bool("DynamicPowerLevel", &ctx)
        r.chargingFacilities = o.list("ChargingFacilities", &ctx) { facility($0, $1, &$2) }
        r.chargingModes = o.strings("ChargingModes", &ctx)?.map(ChargingMode.init(rawValue:))
        r.renewableEnergy = o.bool("RenewableEnergy", &ctx)
        r.energySource = o.list("EnergySource", &ctx) { json, p, ctx in
            var e = ctx.object(json, path: p, allowed: ["Energy", "Percentage"])
            let s = EnergySource(energy: e.string("Energy", &ctx).map(EnergyType.init(rawValue:)), percentage: e.int("Percentage", &ctx))
            e.finish(&ctx)
            return s
        }
        if let e = o.take("EnvironmentalImpact"), !isNull(e, join(path, "EnvironmentalImpact"), &ctx) {
            var eo = ctx.object(e, path: join(path, "EnvironmentalImpact"), allowed: ["CO2Emission", "NuclearWaste"])
            r.environmentalImpact = EnvironmentalImpact(co2Emission: eo.number("CO2Emission", &ctx), nuclearWaste: eo.number("NuclearWaste", &ctx))
            eo.finish(&ctx)
        }
        r.calibrationLawDataAvailability = o.string("CalibrationLawDataAvailability", &ctx).map(CalibrationLawDataAvailability.init(rawValue:))
        r.authenticationModes = o.strings("AuthenticationModes", &ctx)?.map(AuthenticationMode.init(rawValue:))
        r.maxCapacity = o.int("MaxCapacity", &ctx)
        r.paymentOptions = o.strings("PaymentOptions", &ctx)?.map(PaymentOption.init(rawValue:))
        r.valueAddedServices = o.strings("ValueAddedServices", &ctx)?.map(ValueAddedService.init(rawValue:))
        r.accessibility = o.string("Accessibility", &ctx).map(Accessibility.init(rawValue:))
        r.accessibilityLocation = o.string("AccessibilityLocation", &ctx).map(AccessibilityLocation.init(rawValue:))
        r.hotlinePhoneNumber = o.string("HotlinePhoneNumber", &ctx)
        r.additionalInfo = o.list("AdditionalInfo", &ctx) { infoText($0, $1, &$2) }
        r.chargingStationLocationReference = o.list("ChargingStationLocationReference", &ctx) { infoText($0, $1, &$2) }
        if let g = o.take("GeoChargingPointEntrance"), !isNull(g, join(path, "GeoChargingPointEntrance"), &ctx) {
            r.geoChargingPointEntrance = geo(g, path: join(path, "GeoChargingPointEntrance"), &ctx)
        }
        r.isOpen24Hours = o.bool("IsOpen24Hours", &ctx)
        r.openingTimes = o.list("OpeningTimes", &ctx) { json, p, ctx in
            var t = ctx.object(json, path: p, allowed: version == .v2_2 ? ["Period", "on", "unstructuredOpeningTime"] : ["Period", "on"])
            let periods: [Period]? = t.list("Period", &ctx) { json, p, ctx in
                var po = ctx.object(json, path: p, allowed: ["begin", "end"])
                let period = Period(begin: po.string("begin", &ctx), end: po.string("end", &ctx))
                po.finish(&ctx)
                return period
            }
            let times = OpeningTimes(period: periods, on: t.string("on", &ctx).map(OpeningDay.init(rawValue:)),
                unstructuredOpeningTime: t.string("unstructuredOpeningTime", &ctx))
            t.finish(&ctx)
            return times
        }
        r.hubOperatorID = o.string("HubOperatorID", &ctx)
        r.clearinghouseID = o.string("ClearinghouseID", &ctx)
        r.isHubjectCompatible = o.bool("IsHubjectCompatible", &ctx)
        r.dynamicInfoAvailable = o.string("DynamicInfoAvailable", &ctx, acceptBool: true).map(DynamicInfoAvailable.init(rawValue:))
        o.finish(&ctx)
        return r
    }

    private func infoText(_ json: JSONValue, _ path: String, _ ctx: inout Context) -> InfoText {
        var o = ctx.object(json, path: path, allowed: ["lang", "value"])
        let t = InfoText(lang: o.string("lang", &ctx), value: o.string("value", &ctx))
        o.finish(&ctx)
        return t
    }

    private func address(_ json: JSONValue, path: String, _ ctx: inout Context) -> Address {
        let keys = version == .v2_3
            ? ["Country", "City", "Street", "PostalCode", "HouseNum", "Floor", "Region", "ParkingFacility", "ParkingSpot", "TimeZone"]
            : ["Country", "City", "Street", "PostalCode", "HouseNum", "Floor", "Region", "TimeZone"]
        var o = ctx.object(json, path: path, allowed: keys)
        let a = Address(country: o.string("Country", &ctx), city: o.string("City", &ctx), street: o.string("Street", &ctx),
            postalCode: o.string("PostalCode", &ctx), houseNum: o.string("HouseNum", &ctx), floor: o.string("Floor", &ctx),
            region: o.string("Region", &ctx), parkingFacility: o.bool("ParkingFacility", &ctx),
            parkingSpot: o.string("ParkingSpot", &ctx), timeZone: o.string("TimeZone", &ctx))
        o.finish(&ctx)
        return a
    }

    private func geo(_ json: JSONValue, path: String, _ ctx: inout Context) -> GeoCoordinates {
        var o = ctx.object(json, path: path, allowed: ["Google", "DecimalDegree", "DegreeMinuteSeconds"])
        var g = GeoCoordinates()
        if let google = o.take("Google") {
            if case .string(let text) = google {
                // A common departure: the coordinates as a plain string instead of {Coordinates: ...}.
                ctx.violation(.jsonType, join(path, "Google"), "Google must be an object {\"Coordinates\": \"<lat> <lon>\"}, not a string", text)
                g.google = text
            } else {
                var go = ctx.object(google, path: join(path, "Google"), allowed: ["Coordinates"])
                g.google = go.string("Coordinates", &ctx)
                if g.google == nil { ctx.violation(.required, join(path, "Google.Coordinates"), "Google.Coordinates is mandatory") }
                go.finish(&ctx)
            }
        }
        for (key, form) in [("DecimalDegree", 0), ("DegreeMinuteSeconds", 1)] {
            guard let value = o.take(key) else { continue }
            var po = ctx.object(value, path: join(path, key), allowed: ["Latitude", "Longitude"])
            let pair = CoordinatePair(latitude: po.string("Latitude", &ctx, acceptNumber: true), longitude: po.string("Longitude", &ctx, acceptNumber: true))
            po.finish(&ctx)
            if form == 0 { g.decimalDegree = pair } else { g.degreeMinuteSeconds = pair }
        }
        o.finish(&ctx)
        return g
    }

    private func facility(_ json: JSONValue, _ path: String, _ ctx: inout Context) -> ChargingFacility {
        var o = ctx.object(json, path: path, allowed: version == .v2_3
            ? ["PowerType", "Voltage", "Amperage", "Power", "ChargingModes"] : ["PowerType", "Voltage", "Amperage", "Power"])
        let f = ChargingFacility(powerType: o.string("PowerType", &ctx).map(PowerType.init(rawValue:)), voltage: o.int("Voltage", &ctx),
            amperage: o.int("Amperage", &ctx), power: o.number("Power", &ctx),
            chargingModes: o.strings("ChargingModes", &ctx)?.map(ChargingMode.init(rawValue:)))
        o.finish(&ctx)
        return f
    }

    private func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// Whether the value is null (reported as a warning: OICP leaves such keys out).
    private func isNull(_ json: JSONValue, _ path: String, _ ctx: inout Context) -> Bool {
        guard case .null = json else { return false }
        ctx.violations.append(Violation(rule: .jsonType, severity: .warning, path: path, message: "\(path.split(separator: ".").last.map(String.init) ?? path) is null; OICP leaves a key without value out"))
        return true
    }
}
