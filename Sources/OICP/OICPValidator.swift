/// Checks records and push requests against every OICP rule of one version.
///
/// The checks are those of `CHECKLIST.md`: mandatory fields and non-empty mandatory lists,
/// enumeration spellings, patterns, lengths and ranges, `No Payment` alone, OpeningTimes when not
/// open 24 hours, coordinate forms and ranges, EvseIDs that belong to the operator, duplicates.
/// Each finding carries a stable ``Rule``.
public struct OICPValidator: Sendable {
    public let version: OICPVersion

    public init(version: OICPVersion) {
        self.version = version
    }

    /// Findings for one record, as the version writes it (see ``EvseDataRecord/prepared(for:)``).
    /// Paths are relative to the record.
    public func validate(_ record: EvseDataRecord) -> [Violation] {
        validate(record, briefWarnings: [])
    }

    /// Findings for one record; warnings of the rules in `briefWarnings` (by ``Rule/id``) come
    /// without path, message and value, for a caller that details only the first so many of a
    /// rule and counts the rest.
    public func validate(_ record: EvseDataRecord, briefWarnings: Set<String>) -> [Violation] {
        var memo = ValidationMemo()
        return validate(record, briefWarnings: briefWarnings, memo: &memo)
    }

    /// Like ``validate(_:briefWarnings:)``; the address and position of the records validated
    /// before with the same `memo` are not checked again when the record has the very same ones.
    public func validate(_ record: EvseDataRecord, briefWarnings: Set<String>, memo: inout ValidationMemo) -> [Violation] {
        var sink = Sink()
        sink.briefWarnings = briefWarnings
        check(record, into: &sink, memo: &memo)
        return sink.violations
    }

    /// Findings for a whole push request: envelope, every record, ownership and duplicates.
    /// Record paths start with `OperatorEvseData.EvseDataRecord[i]`.
    public func validate(_ push: PushEvseData, subOperatorIDs: Set<String> = []) -> [Violation] {
        var sink = Sink()
        if let action = push.actionType {
            sink.enumeration(action, path: "ActionType", version: version)
        } else {
            sink.required("ActionType")
        }
        guard let data = push.operatorEvseData else {
            sink.required("OperatorEvseData")
            return sink.violations
        }
        sink.violations += validateOperator(id: data.operatorID, name: data.operatorName)
            .map { prefixed($0, "OperatorEvseData.") }
        guard let records = data.evseDataRecord else {
            sink.required("OperatorEvseData.EvseDataRecord")
            return sink.violations
        }
        var ownership = operatorOwnership(operatorID: data.operatorID, subOperatorIDs: subOperatorIDs)
        for (i, record) in records.enumerated() {
            let prefix = "OperatorEvseData.EvseDataRecord[\(i)]."
            sink.violations += validate(record.prepared(for: version)).map { prefixed($0, prefix) }
            for (key, present) in [("deltaType", record.deltaType != nil), ("lastUpdate", record.lastUpdate != nil)] where present {
                sink.add(.hubjectField, prefix + key, "\(key) is set by Hubject; a push request leaves it out", severity: .warning)
            }
            if let evseID = record.evseID {
                if var v = ownership.check(evseID: evseID) {
                    if v.rule == .evseIDOperator { v.message += Self.subOperatorHint(record) }
                    sink.violations.append(prefixed(v, prefix))
                }
            }
        }
        return sink.violations
    }

    /// Findings for an acknowledgement: `Result` and `StatusCode.Code` mandatory, the code from
    /// the OICP code table, the SessionID pattern and the text lengths.
    public func validate(_ ack: Acknowledgement) -> [Violation] {
        var sink = Sink()
        if ack.result == nil { sink.required("Result") }
        if let status = ack.statusCode {
            if let code = status.code {
                if StatusCode.meanings[code] == nil {
                    sink.add(.statusCode, "StatusCode.Code", "'\(code)' is not a code of the OICP code table (three digits such as \"000\")", code)
                }
            } else {
                sink.required("StatusCode.Code")
            }
            sink.length(status.description, path: "StatusCode.Description", max: 200)
            sink.length(status.additionalInfo, path: "StatusCode.AdditionalInfo", max: 1000)
        } else {
            sink.required("StatusCode")
        }
        if let id = ack.sessionID, !Patterns.isSessionID(id) {
            sink.add(.sessionIDPattern, "SessionID", "'\(id)' is not a SessionID such as f98efba4-02d8-4fa0-b810-9a9d50d2c527", id)
        }
        sink.length(ack.cpoPartnerSessionID, path: "CPOPartnerSessionID", max: 250)
        sink.length(ack.empPartnerSessionID, path: "EMPPartnerSessionID", max: 250)
        return sink.violations
    }

    /// Findings for the OperatorID and OperatorName of a bundle.
    public func validateOperator(id: String?, name: String?) -> [Violation] {
        var sink = Sink()
        if let id {
            if !Patterns.isOperatorID(id) {
                sink.add(.operatorIDPattern, "OperatorID", "'\(id)' is not an OperatorID (such as DE*ABC or +49*536)", id)
            }
        } else {
            sink.required("OperatorID")
        }
        if let name {
            sink.length(name, path: "OperatorName", max: 100)
        } else if version == .v2_3 {
            sink.required("OperatorName")
        }
        return sink.violations
    }

    /// For a record that names a sub-operator: how to tell the check that it is one.
    public static func subOperatorHint(_ record: EvseDataRecord) -> String {
        guard let name = record.subOperatorName, !name.isEmpty, let part = record.evseID.flatMap(Patterns.operatorPart(ofEvseID:)) else { return "" }
        return " (the record names the sub-operator '\(name)': if Hubject has \(part) configured as a sub-operator, give --sub-operator \(part))"
    }

    /// A checker of EvseID ownership and duplicates for one operator's bundle.
    public func operatorOwnership(operatorID: String?, subOperatorIDs: Set<String> = []) -> OperatorOwnership {
        OperatorOwnership(operatorID: operatorID, subOperatorIDs: subOperatorIDs)
    }

    private func prefixed(_ v: Violation, _ prefix: String) -> Violation {
        var v = v
        v.path = prefix + v.path
        return v
    }

    // MARK: - Record

    private func check(_ r: EvseDataRecord, into sink: inout Sink, memo: inout ValidationMemo) {
        let v23 = version == .v2_3
        if let id = r.evseID {
            if !Patterns.isEvseID(id, allowLowercase: !v23) {
                let hint = v23 && Patterns.isEvseID(id, allowLowercase: true) ? " (OICP 2.3 requires upper case)" : ""
                sink.add(.evseIDPattern, "EvseID", "'\(id)' is not an EvseID such as DE*AB7*E840*6487\(hint)", id)
            }
        } else {
            sink.required("EvseID")
        }
        if let id = r.chargingPoolID, !Patterns.isChargingPoolID(id) {
            sink.add(.poolIDPattern, "ChargingPoolID", "'\(id)' is not a ChargingPoolID such as IT*123*P456*AB789", id)
        }
        sink.length(r.chargingStationID, path: "ChargingStationID", max: 50)
        if v23 {
            sink.list(r.chargingStationNames, path: "ChargingStationNames", required: true)
            // The station's names: the very list of the record before, mostly (see ValidationMemo).
            if let names = r.chargingStationNames {
                check(names, key: StorageBits.of(names), unlessClean: &memo.names, into: &sink) {
                    checkInfoTexts($0, path: "ChargingStationNames", into: &$1)
                }
            }
            sink.length(r.hardwareManufacturer, path: "HardwareManufacturer", max: 50)
            sink.length(r.chargingStationImage, path: "ChargingStationImage", max: 200)
            sink.length(r.subOperatorName, path: "SubOperatorName", max: 100)
        } else {
            sink.length(r.chargingStationName, path: "ChargingStationName", max: 50)
            sink.length(r.enChargingStationName, path: "EnChargingStationName", max: 50)
        }
        // Read where the record holds them: `if let` copied each through its type's value witnesses.
        if r.address != nil {
            check(r.address.unsafelyUnwrapped, key: ValidationMemo.AddressKey(r.address.unsafelyUnwrapped, version), unlessClean: &memo.address,
                into: &sink) { checkAddress($0, into: &$1) }
        } else {
            sink.required("Address")
        }
        if r.geoCoordinates != nil {
            check(r.geoCoordinates.unsafelyUnwrapped, key: ValidationMemo.GeoKey(r.geoCoordinates.unsafelyUnwrapped, version),
                unlessClean: &memo.geo, into: &sink) { checkGeo($0, path: "GeoCoordinates", into: &$1) }
        } else {
            sink.required("GeoCoordinates")
        }
        if let g = r.geoChargingPointEntrance { checkGeo(g, path: "GeoChargingPointEntrance", into: &sink) }
        sink.list(r.plugs, path: "Plugs", required: v23)
        sink.enumerations(r.plugs, path: "Plugs", version: version)
        sink.list(r.chargingFacilities, path: "ChargingFacilities", required: v23)
        // A facility of a kind checked before (mostly) gets the findings it got then (FacilityMemo).
        if let facilities = r.chargingFacilities { checkFacilities(facilities, into: &sink, memo: &memo.facilities) }
        if version == .v2_2 { sink.enumerations(r.chargingModes, path: "ChargingModes", version: version) }
        // The members after the facilities (the encoder's tail, see TailMemo): mostly those of
        // the record before, not checked again when they are the very ones found clean.
        let tailKey = memo.tail.enabled ? TailMemo.key(r, version) : nil
        if tailKey == nil || !memo.tail.holds(tailKey.unsafelyUnwrapped) {
            let before = sink.violations.count
            checkTail(r, into: &sink)
            if let tailKey, sink.violations.count == before { memo.tail.remember(r, tailKey) }
        }
        if let d = r.deltaType { sink.enumeration(d, path: "deltaType", version: version) }
    }

    /// Checks a part with `check`, unless `part` holds it as found without a finding; remembers
    /// it when the check finds nothing.
    @inline(__always) private func check<Value, Key>(_ value: Value, key: Key, unlessClean part: inout ValidationMemo.Clean<Value, Key>,
                                                     into sink: inout Sink, _ check: (Value, inout Sink) -> Void) {
        guard !part.holds(key) else { return }
        let before = sink.violations.count
        check(value, &sink)
        if sink.violations.count == before { part.remember(value, key) }
    }

    private func checkAddress(_ a: Address, into sink: inout Sink) {
        let v23 = version == .v2_3
        if let c = a.country {
            if !Patterns.isAlpha3Shape(c) {
                let hint = CountryCodes.alpha3ByAlpha2[c.uppercased()].map { " (alpha-3 of '\(c)' is \($0))" } ?? ""
                sink.add(.countryPattern, "Address.Country", "'\(c)' is not an ISO 3166-1 alpha-3 code\(hint)", c)
            } else if !CountryCodes.isAlpha3(c) {
                sink.add(.countryPattern, "Address.Country", "'\(c)' is not an assigned ISO 3166-1 alpha-3 code", c, severity: .warning)
            }
        } else {
            sink.required("Address.Country")
        }
        sink.length(a.city, path: "Address.City", min: 1, max: 50, required: true)
        sink.length(a.street, path: "Address.Street", min: 2, max: 100, required: true)
        sink.length(a.postalCode, path: "Address.PostalCode", max: 10, required: v23)
        sink.length(a.houseNum, path: "Address.HouseNum", max: 10, required: v23)
        sink.length(a.floor, path: "Address.Floor", max: 5)
        sink.length(a.region, path: "Address.Region", max: 50)
        if v23 { sink.length(a.parkingSpot, path: "Address.ParkingSpot", max: 5) }
        if let tz = a.timeZone, !Patterns.isTimeZone(tz) {
            sink.add(.timeZonePattern, "Address.TimeZone", "'\(tz)' is not an offset such as UTC+01:00", tz)
        }
    }

    private func checkGeo(_ g: GeoCoordinates, path: String, into sink: inout Sink) {
        let forms = (g.google != nil ? 1 : 0) + (g.decimalDegree != nil ? 1 : 0) + (g.degreeMinuteSeconds != nil ? 1 : 0)
        if forms != 1 {
            sink.add(.coordinatesForm, path, forms == 0 ? "no coordinates given" : "\(forms) coordinate forms given; give exactly one")
        }
        var lat: Double?
        var lon: Double?
        if let text = g.google {
            if Patterns.isGoogleCoordinates(text) {
                (lat, lon) = g.numericValue.map { ($0.latitude, $0.longitude) } ?? (nil, nil)
            } else {
                sink.add(.coordinatesPattern, path + ".Google.Coordinates", "'\(text)' is not '<lat> <lon>' with 1 to 6 decimals", text)
            }
        }
        if let pair = g.decimalDegree {
            // The numbers the texts read as, when the maker of the position knew them.
            let known = g.knownDecimalDegrees
            func check(_ value: String?, _ key: String, _ known: Double?) -> Double? {
                guard let value else {
                    sink.required("\(path).DecimalDegree.\(key)")
                    return nil
                }
                guard Patterns.isDecimalDegree(value) else {
                    sink.add(.coordinatesPattern, "\(path).DecimalDegree.\(key)", "'\(value)' is not a decimal degree with 1 to 6 decimals", value)
                    return nil
                }
                return known ?? DecimalParser.double(value)
            }
            lat = check(pair.latitude, "Latitude", known?.latitude)
            lon = check(pair.longitude, "Longitude", known?.longitude)
        }
        if let pair = g.degreeMinuteSeconds {
            for (key, value) in [("Latitude", pair.latitude), ("Longitude", pair.longitude)] {
                let p = "\(path).DegreeMinuteSeconds.\(key)"
                guard let value else {
                    sink.required(p)
                    continue
                }
                if Patterns.isDegreeMinuteSeconds(value) {
                    let n = FixedDecimal.parseDegreesMinutesSeconds(value)
                    if key == "Latitude" { lat = n } else { lon = n }
                } else {
                    sink.add(.coordinatesPattern, p, "'\(value)' is not degrees, minutes and seconds such as 9°21'39.32''", value)
                }
            }
        }
        if let lat, !(-90...90).contains(lat) {
            sink.add(.coordinatesRange, path, "latitude \(FixedDecimal.shortest(lat)) is outside -90..90", FixedDecimal.shortest(lat))
        }
        if let lon, !(-180...180).contains(lon) {
            sink.add(.coordinatesRange, path, "longitude \(FixedDecimal.shortest(lon)) is outside -180..180", FixedDecimal.shortest(lon))
        }
    }

    /// Checks the members that `TailMemo.Key` stands for (and the environmental impact, which
    /// keeps a record's tail from the memo).
    private func checkTail(_ r: EvseDataRecord, into sink: inout Sink) {
        let v23 = version == .v2_3
        if v23 {
            if r.renewableEnergy == nil { sink.required("RenewableEnergy") }
            for (i, s) in (r.energySource ?? []).enumerated() {
                if let e = s.energy { sink.enumeration(e, path: "EnergySource[\(i)].Energy", version: version) }
                sink.range(s.percentage.map(Double.init), path: "EnergySource[\(i)].Percentage", 0...99)
            }
            if let e = r.environmentalImpact {
                sink.range(e.co2Emission, path: "EnvironmentalImpact.CO2Emission", 0...99_999)
                sink.range(e.nuclearWaste, path: "EnvironmentalImpact.NuclearWaste", 0...99_999)
            }
            if let c = r.calibrationLawDataAvailability {
                sink.enumeration(c, path: "CalibrationLawDataAvailability", version: version)
            } else {
                sink.required("CalibrationLawDataAvailability")
            }
            if let l = r.accessibilityLocation { sink.enumeration(l, path: "AccessibilityLocation", version: version) }
            checkInfoTexts(r.chargingStationLocationReference, path: "ChargingStationLocationReference", into: &sink)
        }
        sink.list(r.authenticationModes, path: "AuthenticationModes", required: true)
        sink.enumerations(r.authenticationModes, path: "AuthenticationModes", version: version)
        sink.range(r.maxCapacity.map(Double.init), path: "MaxCapacity", 0...Double(Int32.max))
        sink.list(r.paymentOptions, path: "PaymentOptions", required: v23)
        sink.enumerations(r.paymentOptions, path: "PaymentOptions", version: version)
        if let p = r.paymentOptions, p.contains(.noPayment), p.count > 1 {
            sink.add(.noPaymentAlone, "PaymentOptions", "'No Payment' cannot be combined with other payment options",
                p.map(\.rawValue).joined(separator: ", "))
        }
        sink.list(r.valueAddedServices, path: "ValueAddedServices", required: v23)
        sink.enumerations(r.valueAddedServices, path: "ValueAddedServices", version: version)
        if let a = r.accessibility {
            sink.enumeration(a, path: "Accessibility", version: version)
        } else {
            sink.required("Accessibility")
        }
        if let h = r.hotlinePhoneNumber {
            if !Patterns.isHotlinePhoneNumber(h) {
                sink.add(.hotlinePattern, "HotlinePhoneNumber", "'\(h)' is not '+' followed by 5 to 15 digits", h)
            }
        } else if v23 {
            sink.required("HotlinePhoneNumber")
        }
        checkInfoTexts(r.additionalInfo, path: "AdditionalInfo", into: &sink)
        if let open = r.isOpen24Hours {
            if !open && (r.openingTimes ?? []).isEmpty {
                sink.add(.openingTimesRequired, "OpeningTimes", "IsOpen24Hours is false, so OpeningTimes must be given")
            }
        } else {
            sink.required("IsOpen24Hours")
        }
        let openingTimes = r.openingTimes ?? []
        for i in openingTimes.indices {
            let o = openingTimes[i]
            var path: String { "OpeningTimes[\(i)]" }
            if let on = o.on {
                sink.enumeration(on, path: path + ".on", version: version)
            } else {
                sink.required(path + ".on")
            }
            sink.list(o.period, path: path + ".Period", required: true)
            for (j, p) in (o.period ?? []).enumerated() {
                // Begin and end in turn, without a list of the two made for each period.
                func check(_ value: String?, _ key: String) {
                    if let value {
                        if !Patterns.isTimeOfDay(value) { sink.add(.periodPattern, "\(path).Period[\(j)].\(key)", "'\(value)' is not hh:mm", value) }
                    } else {
                        sink.required("\(path).Period[\(j)].\(key)")
                    }
                }
                check(p.begin, "begin")
                check(p.end, "end")
            }
        }
        if let h = r.hubOperatorID, !Patterns.isOperatorID(h) {
            sink.add(.operatorIDPattern, "HubOperatorID", "'\(h)' is not an OperatorID", h)
        }
        sink.length(r.clearinghouseID, path: "ClearinghouseID", max: 20)
        if r.isHubjectCompatible == nil { sink.required("IsHubjectCompatible") }
        if let d = r.dynamicInfoAvailable {
            sink.enumeration(d, path: "DynamicInfoAvailable", version: version)
        } else {
            sink.required("DynamicInfoAvailable")
        }
    }

    /// Checks each facility, or adds the findings `memo` holds for it: they depend on the
    /// facility, its index (in their paths), the version and which warnings are brief, kept with
    /// them (a record checked with other brief warnings is checked again; the set is mostly the
    /// very one of the record before, which compares without reading it).
    private func checkFacilities(_ facilities: [ChargingFacility], into sink: inout Sink, memo: inout FacilityMemo<FacilityFindings>) {
        let v23 = version == .v2_3
        facilities.withUnsafeBufferPointer { list in
            for i in list.indices {
                let f = list.baseAddress! + i  // read in place: `list[i]` copies the facility
                let key = FacilityKey(f.pointee, context: i << 1 | (v23 ? 1 : 0))
                var hit = false
                _ = memo.withResult(for: key) { found in
                    guard StorageBits.same(found.briefWarnings, sink.briefWarnings) || found.briefWarnings == sink.briefWarnings else { return }
                    // Appending nothing still made the empty list a buffer of its own.
                    if !found.violations.isEmpty { sink.violations.append(contentsOf: found.violations) }
                    hit = true
                }
                if hit { continue }
                let before = sink.violations.count
                checkFacility(list, index: i, into: &sink)
                let found = FacilityFindings(violations: Array(sink.violations[before...]), briefWarnings: sink.briefWarnings)
                memo.remember(key, of: f.pointee, empty: found) { $0 = found }
            }
        }
    }

    /// What checking a facility found, and the brief warnings it was checked with.
    struct FacilityFindings: Sendable {
        var violations: [Violation]
        var briefWarnings: Set<String>
    }

    /// Checks facility `index` of `list`, read where the list holds it.
    private func checkFacility(_ list: UnsafeBufferPointer<ChargingFacility>, index: Int, into sink: inout Sink) {
        let f = list.baseAddress! + index
        var path: String { "ChargingFacilities[\(index)]" }
        let v23 = version == .v2_3
        if let t = f.pointee.powerType {
            sink.enumeration(t, path: path + ".PowerType", version: version)
        } else if v23 {
            sink.required(path + ".PowerType")
        }
        if let p = f.pointee.power {
            sink.range(p, path: path + ".Power", 0...999)
            if v23 && p != p.rounded() {
                sink.add(.numberInteger, path + ".Power", "Power must be an integer number of kW in OICP 2.3", FixedDecimal.shortest(p))
            }
        } else if v23 {
            sink.required(path + ".Power")
        }
        let ac = f.pointee.powerType == .ac1Phase || f.pointee.powerType == .ac3Phase
        if ac, let v = f.pointee.voltage, v > 300 {
            sink.add(.voltagePlausible, path + ".Voltage",
                "\(v) V on \(f.pointee.powerType!.rawValue) looks like a line-to-line voltage; OICP expects line to neutral (230 V for a 400 V supply)",
                String(v), severity: .warning)
        }
        for mode in f.pointee.chargingModes ?? [] where (mode == .mode4 || mode == .chademo) && ac || (mode != .mode4 && mode != .chademo && f.pointee.powerType == .dc) {
            sink.add(.chargingModePlausible, path + ".ChargingModes", "\(mode.rawValue) does not fit \(f.pointee.powerType!.rawValue)", mode.rawValue,
                severity: .warning)
        }
        if v23 {
            sink.range(f.pointee.voltage.map(Double.init), path: path + ".Voltage", 0...999)
            sink.range(f.pointee.amperage.map(Double.init), path: path + ".Amperage", 0...99)
            sink.enumerations(f.pointee.chargingModes, path: path + ".ChargingModes", version: version)
        } else {
            sink.range(f.pointee.voltage.map(Double.init), path: path + ".Voltage", 0...Double(Int32.max))
            sink.range(f.pointee.amperage.map(Double.init), path: path + ".Amperage", 0...Double(Int32.max))
        }
    }

    private func checkInfoTexts(_ texts: [InfoText]?, path: String, into sink: inout Sink) {
        for (i, t) in (texts ?? []).enumerated() {
            var p: String { "\(path)[\(i)]" }
            if let lang = t.lang {
                if !Patterns.isLanguageCode(lang) {
                    sink.add(.langPattern, p + ".lang", "'\(lang)' is not a language code such as de or de-DE", lang)
                }
            } else {
                sink.required(p + ".lang")
            }
            if version == .v2_3 {
                sink.length(t.value, path: p + ".value", max: 150, required: true)
            } else if t.value == nil {
                sink.required(p + ".value")
            }
        }
    }

    // MARK: - Collecting

    /// Collects findings. Paths are built only when something is found: validation runs for
    /// every record written.
    struct Sink {
        var violations: [Violation] = []
        /// Rules whose warnings are wanted without their text.
        var briefWarnings: Set<String> = []

        mutating func add(_ rule: Rule, _ path: @autoclosure () -> String, _ message: @autoclosure () -> String,
                          _ value: @autoclosure () -> String? = nil, severity: Violation.Severity = .error) {
            if severity == .warning && !briefWarnings.isEmpty && briefWarnings.contains(rule.id) {
                violations.append(Violation(rule: rule, severity: severity, path: "", message: ""))
                return
            }
            violations.append(Violation(rule: rule, severity: severity, path: path(), message: message(), value: value()))
        }

        mutating func required(_ path: @autoclosure () -> String) {
            let p = path()
            add(.required, p, "\(p) is mandatory")
        }

        mutating func list<T>(_ list: [T]?, path: @autoclosure () -> String, required: Bool) {
            guard let list else {
                if required { self.required(path()) }
                return
            }
            if list.isEmpty && required {
                let p = path()
                add(.emptyList, p, "\(p) must have at least one element")
            }
        }

        mutating func length(_ text: String?, path: @autoclosure () -> String, min: Int = 0, max: Int, required: Bool = false) {
            guard let text else {
                if required { self.required(path()) }
                return
            }
            // Lengths count UTF-16 code units, as Hubject's Java platform does (never fewer than
            // the Unicode scalars that other validators count). Counting is only needed near the limits.
            let bytes = text.utf8.count
            if bytes <= max && bytes >= min * 4 { return }
            let count = text.utf16.count
            if count > max {
                add(.length, path(), "\(count) characters, more than the \(max) allowed", text)
            } else if count < min {
                add(.length, path(), "\(count) characters, fewer than the \(min) required", text)
            }
        }

        mutating func range(_ value: Double?, path: @autoclosure () -> String, _ range: ClosedRange<Double>) {
            guard let value, !range.contains(value) else { return }
            add(.numberRange, path(), "\(FixedDecimal.shortest(value)) is outside \(FixedDecimal.shortest(range.lowerBound))..\(FixedDecimal.shortest(range.upperBound))",
                FixedDecimal.shortest(value))
        }

        mutating func enumeration<E: OICPEnumeration>(_ value: E, path: @autoclosure () -> String, version: OICPVersion) {
            guard !value.isValid(in: version) else { return }
            var message = "'\(value.rawValue)' is not a \(E.typeName) of OICP \(version)"
            if let close = E.closestValue(to: value.rawValue, in: version) {
                message += " (did you mean '\(close.rawValue)'?)"
            } else if E.allowedValues(in: version).isEmpty {
                message = "\(E.typeName) does not exist in OICP \(version)"
            }
            add(.enumValue, path(), message, value.rawValue)
        }

        mutating func enumerations<E: OICPEnumeration>(_ values: [E]?, path: @autoclosure () -> String, version: OICPVersion) {
            guard let values else { return }
            for (i, v) in values.enumerated() where !v.isValid(in: version) {
                enumeration(v, path: "\(path())[\(i)]", version: version)
            }
        }
    }
}
