/// Writes OICP JSON for one version.
///
/// Keys are written in the specification's order; absent fields are left out; a field that the
/// version does not have is never written. Records are passed through
/// ``EvseDataRecord/prepared(for:)`` first, so a record built for 2.3 writes valid 2.2 shape.
public struct OICPEncoder: Sendable {
    public let version: OICPVersion

    public init(version: OICPVersion) {
        self.version = version
    }

    /// A whole push request as JSON bytes, one record per line.
    public func encode(_ push: PushEvseData) -> [UInt8] {
        var w = JSONWriter(capacity: 1024, lineBreakArrayDepth: 3)
        w.beginObject()
        if let action = push.actionType {
            w.key("ActionType")
            w.string(action.rawValue)
        }
        if let data = push.operatorEvseData {
            w.key("OperatorEvseData")
            w.beginObject()
            if let id = data.operatorID {
                w.key("OperatorID")
                w.string(id)
            }
            if let name = data.operatorName {
                w.key("OperatorName")
                w.string(name)
            }
            if let records = data.evseDataRecord {
                w.key("EvseDataRecord")
                w.beginArray()
                for record in records { write(record, into: &w) }
                w.endArray()
            }
            w.endObject()
        }
        w.endObject()
        return w.bytes
    }

    /// One record as a JSON object, appended to `w`.
    public func write(_ record: EvseDataRecord, into w: inout JSONWriter) {
        writePrepared(record.prepared(for: version), into: &w)
    }

    /// Like ``write(_:into:)`` for a record already prepared for this version.
    public func writePrepared(_ r: EvseDataRecord, into w: inout JSONWriter) {
        var memo = EncodingMemo()
        writePrepared(r, into: &w, memo: &memo)
    }

    /// Like ``writePrepared(_:into:)``; parts equal to those of the record written before with
    /// the same `memo` are copied from there.
    public func writePrepared(_ r: EvseDataRecord, into w: inout JSONWriter, memo: inout EncodingMemo) {
        w.beginObject()
        if let v = r.deltaType { w.key("deltaType"); w.string(v.rawValue) }
        if let v = r.lastUpdate { w.key("lastUpdate"); w.string(v) }
        if let v = r.evseID { w.key("EvseID"); w.string(v) }
        if let v = r.chargingPoolID { w.key("ChargingPoolID"); w.string(v) }
        if let v = r.chargingStationID { w.key("ChargingStationID"); w.string(v) }
        if version == .v2_3 {
            if let v = r.chargingStationNames {
                w.key("ChargingStationNames")
                memo.stationNames.write(v, into: &w) { writeInfoTexts(v, into: &$0) }
            }
            if let v = r.hardwareManufacturer { w.key("HardwareManufacturer"); w.string(v) }
            if let v = r.chargingStationImage { w.key("ChargingStationImage"); w.string(v) }
            if let v = r.subOperatorName { w.key("SubOperatorName"); w.string(v) }
        } else {
            if let v = r.chargingStationName { w.key("ChargingStationName"); w.string(v) }
            if let v = r.enChargingStationName { w.key("EnChargingStationName"); w.string(v) }
        }
        if let v = r.address {
            w.key("Address")
            memo.address.write(v, into: &w) { writeAddress(v, into: &$0) }
        }
        if let v = r.geoCoordinates {
            w.key("GeoCoordinates")
            memo.geo.write(v, into: &w) { writeGeo(v, into: &$0) }
        }
        if let v = r.plugs { w.key("Plugs"); writeEnums(v, into: &w) }
        if version == .v2_3, let v = r.dynamicPowerLevel { w.key("DynamicPowerLevel"); w.bool(v) }
        if let v = r.chargingFacilities {
            w.key("ChargingFacilities")
            w.beginArray()
            for f in v { writeFacility(f, into: &w) }
            w.endArray()
        }
        if version == .v2_2, let v = r.chargingModes { w.key("ChargingModes"); writeEnums(v, into: &w) }
        if version == .v2_3 {
            if let v = r.renewableEnergy { w.key("RenewableEnergy"); w.bool(v) }
            if let v = r.energySource {
                w.key("EnergySource")
                w.beginArray()
                for s in v {
                    w.beginObject()
                    if let e = s.energy { w.key("Energy"); w.string(e.rawValue) }
                    if let p = s.percentage { w.key("Percentage"); w.int(p) }
                    w.endObject()
                }
                w.endArray()
            }
            if let v = r.environmentalImpact {
                w.key("EnvironmentalImpact")
                w.beginObject()
                if let c = v.co2Emission { w.key("CO2Emission"); w.number(c) }
                if let n = v.nuclearWaste { w.key("NuclearWaste"); w.number(n) }
                w.endObject()
            }
            if let v = r.calibrationLawDataAvailability { w.key("CalibrationLawDataAvailability"); w.string(v.rawValue) }
        }
        if let v = r.authenticationModes { w.key("AuthenticationModes"); writeEnums(v, into: &w) }
        if let v = r.maxCapacity { w.key("MaxCapacity"); w.int(v) }
        if let v = r.paymentOptions { w.key("PaymentOptions"); writeEnums(v, into: &w) }
        if let v = r.valueAddedServices { w.key("ValueAddedServices"); writeEnums(v, into: &w) }
        if let v = r.accessibility { w.key("Accessibility"); w.string(v.rawValue) }
        if version == .v2_3, let v = r.accessibilityLocation { w.key("AccessibilityLocation"); w.string(v.rawValue) }
        if let v = r.hotlinePhoneNumber { w.key("HotlinePhoneNumber"); w.string(v) }
        if let v = r.additionalInfo { w.key("AdditionalInfo"); writeInfoTexts(v, into: &w) }
        if version == .v2_3, let v = r.chargingStationLocationReference {
            w.key("ChargingStationLocationReference")
            writeInfoTexts(v, into: &w)
        }
        if let v = r.geoChargingPointEntrance { w.key("GeoChargingPointEntrance"); writeGeo(v, into: &w) }
        if let v = r.isOpen24Hours { w.key("IsOpen24Hours"); w.bool(v) }
        if let v = r.openingTimes {
            w.key("OpeningTimes")
            w.beginArray()
            for o in v { writeOpeningTimes(o, into: &w) }
            w.endArray()
        }
        if let v = r.hubOperatorID { w.key("HubOperatorID"); w.string(v) }
        if let v = r.clearinghouseID { w.key("ClearinghouseID"); w.string(v) }
        if let v = r.isHubjectCompatible { w.key("IsHubjectCompatible"); w.bool(v) }
        if let v = r.dynamicInfoAvailable { w.key("DynamicInfoAvailable"); w.string(v.rawValue) }
        w.endObject()
    }

    /// An acknowledgement as JSON bytes.
    public func encode(_ ack: Acknowledgement) -> [UInt8] {
        var w = JSONWriter(capacity: 256)
        w.beginObject()
        if let v = ack.result { w.key("Result"); w.bool(v) }
        if let s = ack.statusCode {
            w.key("StatusCode")
            w.beginObject()
            if let v = s.code { w.key("Code"); w.string(v) }
            if let v = s.description { w.key("Description"); w.string(v) }
            if let v = s.additionalInfo { w.key("AdditionalInfo"); w.string(v) }
            w.endObject()
        }
        if let v = ack.sessionID { w.key("SessionID"); w.string(v) }
        if let v = ack.cpoPartnerSessionID { w.key("CPOPartnerSessionID"); w.string(v) }
        if let v = ack.empPartnerSessionID { w.key("EMPPartnerSessionID"); w.string(v) }
        w.endObject()
        return w.bytes
    }

    private func writeEnums<E: OICPEnumeration>(_ values: [E], into w: inout JSONWriter) {
        w.beginArray()
        for v in values { w.string(v.rawValue) }
        w.endArray()
    }

    private func writeInfoTexts(_ texts: [InfoText], into w: inout JSONWriter) {
        w.beginArray()
        for t in texts {
            w.beginObject()
            if let l = t.lang { w.key("lang"); w.string(l) }
            if let v = t.value { w.key("value"); w.string(v) }
            w.endObject()
        }
        w.endArray()
    }

    private func writeAddress(_ a: Address, into w: inout JSONWriter) {
        w.beginObject()
        if let v = a.country { w.key("Country"); w.string(v) }
        if let v = a.city { w.key("City"); w.string(v) }
        if let v = a.street { w.key("Street"); w.string(v) }
        if let v = a.postalCode { w.key("PostalCode"); w.string(v) }
        if let v = a.houseNum { w.key("HouseNum"); w.string(v) }
        if let v = a.floor { w.key("Floor"); w.string(v) }
        if let v = a.region { w.key("Region"); w.string(v) }
        if version == .v2_3 {
            if let v = a.parkingFacility { w.key("ParkingFacility"); w.bool(v) }
            if let v = a.parkingSpot { w.key("ParkingSpot"); w.string(v) }
        }
        if let v = a.timeZone { w.key("TimeZone"); w.string(v) }
        w.endObject()
    }

    private func writeGeo(_ g: GeoCoordinates, into w: inout JSONWriter) {
        w.beginObject()
        if let v = g.google {
            w.key("Google")
            w.beginObject()
            w.key("Coordinates")
            w.string(v)
            w.endObject()
        }
        if let v = g.decimalDegree { w.key("DecimalDegree"); writePair(v, into: &w) }
        if let v = g.degreeMinuteSeconds { w.key("DegreeMinuteSeconds"); writePair(v, into: &w) }
        w.endObject()
    }

    private func writePair(_ p: CoordinatePair, into w: inout JSONWriter) {
        w.beginObject()
        if let v = p.latitude { w.key("Latitude"); w.string(v) }
        if let v = p.longitude { w.key("Longitude"); w.string(v) }
        w.endObject()
    }

    private func writeFacility(_ f: ChargingFacility, into w: inout JSONWriter) {
        w.beginObject()
        if let v = f.powerType { w.key("PowerType"); w.string(v.rawValue) }
        if let v = f.voltage { w.key("Voltage"); w.int(v) }
        if let v = f.amperage { w.key("Amperage"); w.int(v) }
        if let v = f.power { w.key("Power"); w.number(v) }
        if version == .v2_3, let v = f.chargingModes { w.key("ChargingModes"); writeEnums(v, into: &w) }
        w.endObject()
    }

    private func writeOpeningTimes(_ o: OpeningTimes, into w: inout JSONWriter) {
        w.beginObject()
        if let v = o.period {
            w.key("Period")
            w.beginArray()
            for p in v {
                w.beginObject()
                if let b = p.begin { w.key("begin"); w.string(b) }
                if let e = p.end { w.key("end"); w.string(e) }
                w.endObject()
            }
            w.endArray()
        }
        if let v = o.on { w.key("on"); w.string(v.rawValue) }
        if version == .v2_2, let v = o.unstructuredOpeningTime { w.key("unstructuredOpeningTime"); w.string(v) }
        w.endObject()
    }
}
