import Testing

@testable import OICP

/// The validator's memo of the last address and position found without a finding.
@Suite struct ValidationMemoTests {
    /// Records whose address and position repeat (a copy: the same storage), change, come back,
    /// and are wrong (a finding each time they come), in turn.
    func records() -> [EvseDataRecord] {
        let base = Fixtures.validRecord()
        var moved = base
        moved.address?.city = "Bonn"
        moved.geoCoordinates = .decimalDegree(latitude: 50.7374, longitude: 7.0982)
        var badCountry = base
        badCountry.address?.country = "DE"
        var unassigned = base
        unassigned.address?.country = "XXA"  // a warning only
        var badPosition = base
        badPosition.geoCoordinates = GeoCoordinates(decimalDegree: CoordinatePair(latitude: "50,1", longitude: "7.0"))
        var twoForms = base
        twoForms.geoCoordinates?.google = "50.1 7.0"
        var noAddress = base
        noAddress.address = nil
        var grown = base
        var badName = base
        badName.chargingStationNames = [InfoText(lang: "deutsch", value: "Am Markt")]
        var longName = base
        longName.chargingStationNames = [InfoText(lang: "de", value: String(repeating: "x", count: 151))]
        var noNames = base
        noNames.chargingStationNames = nil
        var out = [base, base, moved, moved, base, badCountry, badCountry, base, unassigned, unassigned, badPosition, badPosition, base,
                   twoForms, twoForms, noAddress, base, grown, badName, badName, base, longName, longName, noNames, base]
        // Changed in place after being checked: the memo's copy keeps the old value.
        grown.address?.street = "M"
        out += [grown, grown, base]
        return out
    }

    @Test("with a memo, each record gives exactly the violations it gives without one", arguments: [OICPVersion.v2_3, .v2_2])
    func memoChangesNothing(version: OICPVersion) {
        let validator = OICPValidator(version: version)
        var memo = ValidationMemo()
        for (i, record) in records().enumerated() {
            let r = record.prepared(for: version)
            let plain = validator.validate(r, briefWarnings: [])
            let remembered = validator.validate(r, briefWarnings: [], memo: &memo)
            #expect(remembered == plain, "record \(i)")
        }
        // The list holds records with findings in the address and the position.
        let findings = records().map { validator.validate($0.prepared(for: version)).map(\.path) }.joined()
        #expect(version == .v2_2 || findings.contains("ChargingStationNames[0].lang") && findings.contains("ChargingStationNames[0].value"))
        #expect(findings.contains("Address.Country") && findings.contains("Address.Street")
            && findings.contains("GeoCoordinates.DecimalDegree.Latitude") && findings.contains("GeoCoordinates"))
    }

    @Test("the bit keys name every stored field of the parts they stand for (a field added later must join its key)")
    func keysCoverEveryField() {
        // StorageBits-keyed memos: ValidationMemo's address and position keys, TailMemo's key
        // (the tail members of EvseDataRecord and of its rare fields).
        let fields = { (value: Any) in Mirror(reflecting: value).children.compactMap(\.label) }
        // Address and GeoCoordinates hold their fields in one shared object (copy on write).
        #expect(fields(Address().storage.value) == ["country", "city", "street", "postalCode", "houseNum", "floor", "region", "parkingFacility",
                                      "parkingSpot", "timeZone"])
        // `known`: the numbers the DecimalDegree texts read as, when known; the texts' key covers
        // them (the same texts read as the same numbers).
        #expect(fields(GeoCoordinates().storage.value) == ["google", "decimalDegree", "degreeMinuteSeconds", "known"])
        #expect(fields(EvseDataRecord()) == ["evseID", "chargingStationID", "chargingStationNames", "address", "geoCoordinates", "plugs",
            "chargingFacilities", "renewableEnergy", "calibrationLawDataAvailability", "authenticationModes", "paymentOptions",
            "valueAddedServices", "accessibility", "accessibilityLocation", "hotlinePhoneNumber", "additionalInfo",
            "chargingStationLocationReference", "isOpen24Hours", "openingTimes", "isHubjectCompatible", "dynamicInfoAvailable", "rare"])
        #expect(fields(RareFields()) == ["deltaType", "lastUpdate", "chargingPoolID", "chargingStationName", "enChargingStationName",
            "hardwareManufacturer", "chargingStationImage", "subOperatorName", "dynamicPowerLevel", "energySource", "environmentalImpact",
            "maxCapacity", "geoChargingPointEntrance", "hubOperatorID", "clearinghouseID", "chargingModes"])
    }

    @Test("keys: the same for a copy, different after a change; the bit patterns have the sizes the keys read")
    func keys() {
        #expect(MemoryLayout<String?>.size == 16 && MemoryLayout<[InfoText]?>.size == 8 && MemoryLayout<CoordinatePair?>.size == 32)
        let a = Fixtures.validRecord().address!
        var b = a
        #expect(ValidationMemo.AddressKey(a, .v2_3) == ValidationMemo.AddressKey(b, .v2_3))
        #expect(ValidationMemo.AddressKey(a, .v2_3) != ValidationMemo.AddressKey(a, .v2_2))
        b.timeZone = "UTC+01:00"
        #expect(ValidationMemo.AddressKey(a, .v2_3) != ValidationMemo.AddressKey(b, .v2_3))
        let g = Fixtures.validRecord().geoCoordinates!
        var h = g
        #expect(ValidationMemo.GeoKey(g, .v2_3) == ValidationMemo.GeoKey(h, .v2_3))
        h.decimalDegree?.longitude = "7.1"
        #expect(ValidationMemo.GeoKey(g, .v2_3) != ValidationMemo.GeoKey(h, .v2_3))
    }

    /// Records whose members after the facilities repeat, change one at a time, come back in new
    /// storage, or carry findings (each twice, then the clean one again).
    func tails() -> [EvseDataRecord] {
        var out = EncodingMemoTests().tails()
        let lean = out[0]
        let findings: [(inout EvseDataRecord) -> Void] = [
            { $0.hotlinePhoneNumber = "0221 123" },
            { $0.accessibility = nil },
            { $0.isOpen24Hours = false; $0.openingTimes = nil },
            { $0.openingTimes = [OpeningTimes(period: [Period(begin: "8:00", end: "20:00")], on: .workdays)] },
            { $0.paymentOptions = [.noPayment, .direct] },
            { $0.authenticationModes = [] },
            { $0.dynamicInfoAvailable = nil },
            { $0.renewableEnergy = nil },
        ]
        for change in findings {
            var r = lean
            change(&r)
            out += [r, r, lean]
        }
        return out
    }

    @Test("with a memo, records whose members after the facilities repeat or change get exactly the findings they get without one",
          arguments: [OICPVersion.v2_3, .v2_2])
    func tailMemoChangesNothing(version: OICPVersion) {
        let validator = OICPValidator(version: version)
        var memo = ValidationMemo()
        var paths = Set<String>()
        for (i, record) in tails().enumerated() {
            let r = record.prepared(for: version)
            let plain = validator.validate(r, briefWarnings: [])
            let remembered = validator.validate(r, briefWarnings: [], memo: &memo)
            #expect(remembered == plain, "record \(i)")
            paths.formUnion(plain.map(\.path))
        }
        #expect(memo.tail.enabled)
        // The list holds records with findings in the tail.
        #expect(paths.isSuperset(of: ["HotlinePhoneNumber", "Accessibility", "OpeningTimes", "PaymentOptions", "DynamicInfoAvailable"]))
    }

    @Test("the tail memo is no longer tried when tails seldom repeat, and stays on when they do")
    func tailMemoTrial() {
        let validator = OICPValidator(version: .v2_3)
        for repeating in [false, true] {
            var memo = ValidationMemo()
            for r in EncodingMemoTests().trialTails(repeating: repeating) {
                #expect(validator.validate(r, briefWarnings: [], memo: &memo) == validator.validate(r, briefWarnings: []))
            }
            #expect(memo.tail.enabled == repeating)
        }
    }
}
