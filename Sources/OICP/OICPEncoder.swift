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
        // Not through a closure: capturing the record would copy it (a count per string in it).
        writeRecord(r, to: w.element(), memo: &memo)
    }

    /// The record's object, written straight into the storage (the hot path of a conversion).
    private func writeRecord(_ r: EvseDataRecord, to out: ByteStorage, memo: inout EncodingMemo) {
        var o = JSONObjectBytes(out)
        o.enumeration("deltaType", r.deltaType)
        o.string("lastUpdate", r.lastUpdate)
        o.string("EvseID", r.evseID)
        o.string("ChargingPoolID", r.chargingPoolID)
        o.string("ChargingStationID", r.chargingStationID)
        if version == .v2_3 {
            if let v = r.chargingStationNames {
                o.key("ChargingStationNames")
                memo.stationNames.write(v, into: out, writeInfoTexts)
            }
            o.string("HardwareManufacturer", r.hardwareManufacturer)
            o.string("ChargingStationImage", r.chargingStationImage)
            o.string("SubOperatorName", r.subOperatorName)
        } else {
            o.string("ChargingStationName", r.chargingStationName)
            o.string("EnChargingStationName", r.enChargingStationName)
        }
        if let v = r.address {
            o.key("Address")
            memo.address.write(v, into: out, writeAddress)
        }
        if let v = r.geoCoordinates {
            o.key("GeoCoordinates")
            memo.geo.write(v, into: out, writeGeo)
        }
        o.enumerations("Plugs", r.plugs)
        if version == .v2_3 { o.bool("DynamicPowerLevel", r.dynamicPowerLevel) }
        if let v = r.chargingFacilities {
            o.key("ChargingFacilities")
            // Mostly the kinds of facility written before (see FacilityMemo).
            out.append(UInt8(ascii: "["))
            v.withUnsafeBufferPointer { list in
                for i in list.indices {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    let f = list.baseAddress! + i  // read in place: `list[i]` copies the facility
                    let key = FacilityKey(f.pointee, context: 0)
                    if memo.facilities.withResult(for: key, { json in json.withUnsafeBufferPointer { out.append(contentsOf: $0) } }) { continue }
                    let start = out.count
                    writeFacility(f.pointee, to: out)
                    memo.facilities.remember(key, of: f.pointee, empty: []) { json in
                        json.removeAll(keepingCapacity: true)
                        out.withBuffer { json.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start...])) }
                    }
                }
            }
            out.append(UInt8(ascii: "]"))
        }
        if version == .v2_2 { o.enumerations("ChargingModes", r.chargingModes) }
        // The members after the facilities: mostly those of the record before (see TailMemo).
        let tailKey = o.hasMembers && memo.tail.enabled ? TailMemo.key(r, version) : nil
        if let tailKey, memo.tail.replay(tailKey, into: out) {
            o.end()
            return
        }
        let tailStart = out.count
        if version == .v2_3 {
            o.bool("RenewableEnergy", r.renewableEnergy)
            if let v = r.energySource {
                o.key("EnergySource")
                out.appendJSONArray(v) { s in
                    var e = JSONObjectBytes(out)
                    e.enumeration("Energy", s.energy)
                    e.int("Percentage", s.percentage)
                    e.end()
                }
            }
            if let v = r.environmentalImpact {
                o.key("EnvironmentalImpact")
                var e = JSONObjectBytes(out)
                e.number("CO2Emission", v.co2Emission)
                e.number("NuclearWaste", v.nuclearWaste)
                e.end()
            }
            o.enumeration("CalibrationLawDataAvailability", r.calibrationLawDataAvailability)
        }
        o.enumerations("AuthenticationModes", r.authenticationModes)
        o.int("MaxCapacity", r.maxCapacity)
        o.enumerations("PaymentOptions", r.paymentOptions)
        o.enumerations("ValueAddedServices", r.valueAddedServices)
        o.enumeration("Accessibility", r.accessibility)
        if version == .v2_3 { o.enumeration("AccessibilityLocation", r.accessibilityLocation) }
        o.string("HotlinePhoneNumber", r.hotlinePhoneNumber)
        if let v = r.additionalInfo {
            o.key("AdditionalInfo")
            writeInfoTexts(v, to: out)
        }
        if version == .v2_3, let v = r.chargingStationLocationReference {
            o.key("ChargingStationLocationReference")
            writeInfoTexts(v, to: out)
        }
        if let v = r.geoChargingPointEntrance {
            o.key("GeoChargingPointEntrance")
            writeGeo(v, to: out)
        }
        o.bool("IsOpen24Hours", r.isOpen24Hours)
        if let v = r.openingTimes {
            o.key("OpeningTimes")
            out.appendJSONArray(v) { writeOpeningTimes($0, to: out) }
        }
        o.string("HubOperatorID", r.hubOperatorID)
        o.string("ClearinghouseID", r.clearinghouseID)
        o.bool("IsHubjectCompatible", r.isHubjectCompatible)
        o.enumeration("DynamicInfoAvailable", r.dynamicInfoAvailable)
        if let tailKey { memo.tail.remember(tailKey, of: r, writtenFrom: tailStart, in: out) }
        o.end()
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

    private func writeInfoTexts(_ texts: [InfoText], to out: ByteStorage) {
        out.appendJSONArray(texts) { t in
            var o = JSONObjectBytes(out)
            o.string("lang", t.lang)
            o.string("value", t.value)
            o.end()
        }
    }

    private func writeAddress(_ a: Address, to out: ByteStorage) {
        var o = JSONObjectBytes(out)
        o.string("Country", a.country)
        o.string("City", a.city)
        o.string("Street", a.street)
        o.string("PostalCode", a.postalCode)
        o.string("HouseNum", a.houseNum)
        o.string("Floor", a.floor)
        o.string("Region", a.region)
        if version == .v2_3 {
            o.bool("ParkingFacility", a.parkingFacility)
            o.string("ParkingSpot", a.parkingSpot)
        }
        o.string("TimeZone", a.timeZone)
        o.end()
    }

    private func writeGeo(_ g: GeoCoordinates, to out: ByteStorage) {
        var o = JSONObjectBytes(out)
        if let v = g.google {
            o.key("Google")
            var c = JSONObjectBytes(out)
            c.string("Coordinates", v)
            c.end()
        }
        if let v = g.decimalDegree {
            o.key("DecimalDegree")
            writePair(v, to: out)
        }
        if let v = g.degreeMinuteSeconds {
            o.key("DegreeMinuteSeconds")
            writePair(v, to: out)
        }
        o.end()
    }

    private func writePair(_ p: CoordinatePair, to out: ByteStorage) {
        var o = JSONObjectBytes(out)
        o.string("Latitude", p.latitude)
        o.string("Longitude", p.longitude)
        o.end()
    }

    private func writeFacility(_ f: ChargingFacility, to out: ByteStorage) {
        var o = JSONObjectBytes(out)
        o.enumeration("PowerType", f.powerType)
        o.int("Voltage", f.voltage)
        o.int("Amperage", f.amperage)
        o.number("Power", f.power)
        if version == .v2_3 { o.enumerations("ChargingModes", f.chargingModes) }
        o.end()
    }

    private func writeOpeningTimes(_ ot: OpeningTimes, to out: ByteStorage) {
        var o = JSONObjectBytes(out)
        if let v = ot.period {
            o.key("Period")
            out.appendJSONArray(v) { p in
                var po = JSONObjectBytes(out)
                po.string("begin", p.begin)
                po.string("end", p.end)
                po.end()
            }
        }
        o.enumeration("on", ot.on)
        if version == .v2_2 { o.string("unstructuredOpeningTime", ot.unstructuredOpeningTime) }
        o.end()
    }
}
