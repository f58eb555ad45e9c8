import Testing

@testable import OICP

@Suite struct OICPValidatorTests {
    let v23 = OICPValidator(version: .v2_3)
    let v22 = OICPValidator(version: .v2_2)

    func rules(_ r: EvseDataRecord, _ validator: OICPValidator? = nil) -> [String] {
        (validator ?? v23).validate(r.prepared(for: (validator ?? v23).version)).filter { $0.severity == .error }.map(\.rule.id)
    }

    func paths(_ r: EvseDataRecord) -> [String] { v23.validate(r).map(\.path) }

    @Test func validRecordsPass() {
        #expect(rules(Fixtures.validRecord()) == [])
        #expect(rules(Fixtures.fullRecord()) == [])
        #expect(rules(Fixtures.validRecord(), v22) == [])
        #expect(rules(Fixtures.fullRecord(), v22) == [])
    }

    @Test(arguments: [
        "EvseID", "ChargingStationNames", "Address", "GeoCoordinates", "Plugs", "ChargingFacilities", "RenewableEnergy",
        "CalibrationLawDataAvailability", "AuthenticationModes", "PaymentOptions", "ValueAddedServices", "Accessibility",
        "HotlinePhoneNumber", "IsOpen24Hours", "IsHubjectCompatible", "DynamicInfoAvailable",
    ])
    func mandatoryFields(field: String) {
        var r = Fixtures.validRecord()
        switch field {
        case "EvseID": r.evseID = nil
        case "ChargingStationNames": r.chargingStationNames = nil
        case "Address": r.address = nil
        case "GeoCoordinates": r.geoCoordinates = nil
        case "Plugs": r.plugs = nil
        case "ChargingFacilities": r.chargingFacilities = nil
        case "RenewableEnergy": r.renewableEnergy = nil
        case "CalibrationLawDataAvailability": r.calibrationLawDataAvailability = nil
        case "AuthenticationModes": r.authenticationModes = nil
        case "PaymentOptions": r.paymentOptions = nil
        case "ValueAddedServices": r.valueAddedServices = nil
        case "Accessibility": r.accessibility = nil
        case "HotlinePhoneNumber": r.hotlinePhoneNumber = nil
        case "IsOpen24Hours": r.isOpen24Hours = nil
        case "IsHubjectCompatible": r.isHubjectCompatible = nil
        default: r.dynamicInfoAvailable = nil
        }
        let found = v23.validate(r)
        #expect(found.count == 1)
        #expect(found.first?.rule == .required)
        #expect(found.first?.path == field)
    }

    @Test func mandatoryIn22Only() {
        var r = Fixtures.validRecord()
        r.hotlinePhoneNumber = nil
        r.paymentOptions = nil
        r.address?.postalCode = nil
        r.address?.houseNum = nil
        #expect(rules(r, v22) == [])
        #expect(Set(paths(r)) == ["HotlinePhoneNumber", "PaymentOptions", "Address.PostalCode", "Address.HouseNum"])
    }

    @Test func emptyMandatoryLists() {
        var r = Fixtures.validRecord()
        r.plugs = []
        r.authenticationModes = []
        #expect(rules(r) == ["list.empty", "list.empty"])
        var ok = Fixtures.validRecord()
        ok.plugs = [.chademo]
        #expect(rules(ok) == [])
    }

    @Test func enumerationValues() {
        var r = Fixtures.validRecord()
        r.plugs = ["Type 2 outlet"]
        let found = v23.validate(r)
        #expect(found.map(\.rule) == [.enumValue])
        #expect(found[0].message.contains("did you mean 'Type 2 Outlet'"))
        // Values of one version only.
        var u = Fixtures.validRecord()
        u.accessibility = .unspecified
        #expect(rules(u) == ["enum.value"])
        #expect(rules(u, v22) == [])
        var roof = Fixtures.validRecord()
        roof.valueAddedServices = [.roofProvided]
        #expect(rules(roof) == [])
        #expect(rules(roof, v22) == ["enum.value"])
        var auth = Fixtures.validRecord()
        auth.authenticationModes = [.noAuthenticationRequired]
        #expect(rules(auth) == [])
        #expect(rules(auth, v22) == ["enum.value"])
    }

    @Test func evseIDPatternAndCase() {
        var r = Fixtures.validRecord()
        r.evseID = "de*abc*E1234*1"  // the "E" is upper case in both patterns
        let found = v23.validate(r)
        #expect(found.map(\.rule) == [.evseIDPattern])
        #expect(found[0].message.contains("upper case"))
        #expect(rules(r, v22) == [])
        r.evseID = "DE-ABC-1234"
        #expect(rules(r, v22) == ["evse-id.pattern"])
    }

    @Test func patterns() {
        var r = Fixtures.validRecord()
        r.chargingPoolID = "pool 1"
        r.hotlinePhoneNumber = "+49 221 12345"
        r.address?.timeZone = "Europe/Berlin"
        r.address?.country = "DE"
        r.chargingStationNames = [InfoText(lang: "DE", value: "x")]
        r.hubOperatorID = "HUB"
        #expect(Set(rules(r)) == ["pool-id.pattern", "hotline.pattern", "time-zone.pattern", "country.pattern", "lang.pattern", "operator-id.pattern"])
        let country = v23.validate(r).first { $0.rule == .countryPattern }
        #expect(country?.message.contains("DEU") == true)
    }

    @Test func unassignedCountryIsAWarning() {
        var r = Fixtures.validRecord()
        r.address?.country = "XYZ"
        let found = v23.validate(r)
        #expect(found.map(\.rule) == [.countryPattern])
        #expect(found.first?.severity == .warning)
    }

    @Test func lengths() {
        var r = Fixtures.validRecord()
        r.address?.street = "A"
        r.address?.city = String(repeating: "x", count: 51)
        r.address?.postalCode = "12345678901"
        r.chargingStationNames = [InfoText(lang: "de", value: String(repeating: "n", count: 151))]
        r.chargingStationID = String(repeating: "s", count: 51)
        #expect(rules(r).filter { $0 == "text.length" }.count == 5)
        var ok = Fixtures.validRecord()
        ok.address?.street = "Ab"
        ok.address?.city = String(repeating: "x", count: 50)
        ok.chargingStationNames = [InfoText(lang: "de", value: String(repeating: "n", count: 150))]
        #expect(rules(ok) == [])
    }

    @Test func numbersAndRanges() {
        var r = Fixtures.validRecord()
        r.chargingFacilities = [ChargingFacility(powerType: .dc, voltage: 1000, amperage: 100, power: 7.4)]
        #expect(Set(rules(r)) == ["number.range", "number.integer"])
        #expect(rules(r).count == 3)
        // 2.2: Power is a number, Voltage and Amperage have no upper bound.
        #expect(rules(r, v22) == [])
        var p = Fixtures.validRecord()
        p.energySource = [EnergySource(energy: .solar, percentage: 100)]
        #expect(rules(p) == ["number.range"])
        p.energySource = [EnergySource(energy: .solar, percentage: 99)]
        #expect(rules(p) == [])
    }

    @Test func noPaymentAlone() {
        var r = Fixtures.validRecord()
        r.paymentOptions = [.noPayment, .direct]
        #expect(rules(r) == ["payment.no-payment-alone"])
        r.paymentOptions = [.noPayment]
        #expect(rules(r) == [])
    }

    @Test func openingTimesWhenNotAlwaysOpen() {
        var r = Fixtures.validRecord()
        r.isOpen24Hours = false
        #expect(rules(r) == ["opening-times.required"])
        r.openingTimes = [OpeningTimes(period: [Period(begin: "8:00", end: "20:00")], on: .everyday)]
        #expect(rules(r) == ["period.pattern"])
        r.openingTimes = [OpeningTimes(period: [], on: "Holiday")]
        #expect(Set(rules(r)) == ["list.empty", "enum.value"])
        r.openingTimes = [OpeningTimes(period: [Period(begin: "08:00", end: "20:00")], on: .everyday)]
        #expect(rules(r) == [])
    }

    @Test func coordinates() {
        var r = Fixtures.validRecord()
        r.geoCoordinates = GeoCoordinates()
        #expect(rules(r) == ["coordinates.form"])
        r.geoCoordinates = GeoCoordinates(google: "50.1 6.9", decimalDegree: CoordinatePair(latitude: "50.1", longitude: "6.9"))
        #expect(rules(r) == ["coordinates.form"])
        r.geoCoordinates = GeoCoordinates(decimalDegree: CoordinatePair(latitude: "50.1234567", longitude: "6.9"))
        #expect(rules(r) == ["coordinates.pattern"])
        r.geoCoordinates = GeoCoordinates(decimalDegree: CoordinatePair(latitude: "95.0", longitude: "6.9"))
        #expect(rules(r) == ["coordinates.range"])
        r.geoCoordinates = GeoCoordinates(google: "50.1 -186.9")
        #expect(rules(r) == ["coordinates.range"])
        // Numbers known for the texts are taken as they are (their maker vouches for them); the
        // texts' pattern is still checked.
        r.geoCoordinates = GeoCoordinates(decimalDegree: CoordinatePair(latitude: "50.100000", longitude: "6.900000"), readAs: 50.1, 6.9)
        #expect(rules(r) == [])
        r.geoCoordinates = GeoCoordinates(decimalDegree: CoordinatePair(latitude: "50.100000", longitude: "6.900000"), readAs: 95, 6.9)
        #expect(rules(r) == ["coordinates.range"])
        r.geoCoordinates = GeoCoordinates(decimalDegree: CoordinatePair(latitude: "50.1234567", longitude: "6.900000"), readAs: 50.1234567, 6.9)
        #expect(rules(r) == ["coordinates.pattern"])
        r.geoCoordinates = GeoCoordinates(degreeMinuteSeconds: CoordinatePair(latitude: "50°56'15.0''", longitude: "6°57'37.08''"))
        #expect(rules(r) == [])
        r.geoCoordinates = GeoCoordinates(degreeMinuteSeconds: CoordinatePair(latitude: "50°56'15\"", longitude: "6°57'37.08''"))
        #expect(rules(r) == ["coordinates.pattern"])
    }

    @Test func operatorEnvelope() {
        #expect(v23.validateOperator(id: "DE*ABC", name: "ABC GmbH").isEmpty)
        #expect(v23.validateOperator(id: "DE*ABC", name: nil).map(\.rule) == [.required])
        #expect(v22.validateOperator(id: "DE*ABC", name: nil).isEmpty)
        #expect(v23.validateOperator(id: "Germany", name: "x").map(\.rule) == [.operatorIDPattern])
        #expect(v23.validateOperator(id: "DE*ABC", name: String(repeating: "n", count: 101)).map(\.rule) == [.length])
    }

    @Test func ownershipAndDuplicates() {
        var o = OperatorOwnership(operatorID: "DE*ABC", subOperatorIDs: ["DE*SUB"])
        #expect(o.check(evseID: "DE*ABC*E1") == nil)
        #expect(o.check(evseID: "DEABCE2") == nil)
        #expect(o.check(evseID: "DE*SUB*E1") == nil)
        #expect(o.check(evseID: "DE*XYZ*E1")?.rule == .evseIDOperator)
        #expect(o.check(evseID: "DE*ABC*E1")?.rule == .evseIDDuplicate)
        #expect(o.check(evseID: "de*abc*e1")?.rule == .evseIDDuplicate)
        #expect(o.count == 3)
        // Operator parts alternating (the last one is remembered): each ID is judged by its own.
        let ids = ["DE*ABC*E5", "DE*ABD*E5", "DE*ABC*E6", "DE*ABC*E7", "DE*XYZ*E2", "DE*XYZ*E3", "DEABCE8", "DEABCE8X", "DE*SUB*E2"]
        #expect(ids.map { o.check(evseID: $0)?.rule } == [nil, .evseIDOperator, nil, nil, .evseIDOperator, .evseIDOperator, nil, nil, nil])
    }

    @Test func wholePush() {
        var other = Fixtures.validRecord()
        other.evseID = "DE*XYZ*E1"
        let push = PushEvseData(actionType: .fullLoad, operatorEvseData: OperatorEvseData(operatorID: "DE*ABC", operatorName: "ABC",
            evseDataRecord: [Fixtures.validRecord(), Fixtures.validRecord(), other]))
        let found = v23.validate(push)
        #expect(found.map(\.rule) == [.evseIDDuplicate, .evseIDOperator])
        #expect(found.map(\.path) == ["OperatorEvseData.EvseDataRecord[1].EvseID", "OperatorEvseData.EvseDataRecord[2].EvseID"])
        let bad = PushEvseData(actionType: "FullLoad", operatorEvseData: nil)
        #expect(v23.validate(bad).map(\.rule) == [.enumValue, .required])
    }

    @Test func everyRuleHasAUniqueID() {
        let ids = Rule.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.range(of: "^[a-z0-9-]+\\.[a-z0-9-]+$", options: .regularExpression) != nil })
    }
}

import Foundation

@Suite struct OICPWarningTests {
    @Test func plausibilityWarnings() {
        var r = Fixtures.validRecord()
        r.chargingFacilities = [ChargingFacility(powerType: .ac3Phase, voltage: 400, amperage: 32, power: 22, chargingModes: [.mode4])]
        let found = OICPValidator(version: .v2_3).validate(r)
        #expect(found.map(\.rule) == [.voltagePlausible, .chargingModePlausible])
        #expect(found.allSatisfy { $0.severity == .warning })
        r.chargingFacilities = [ChargingFacility(powerType: .dc, voltage: 400, amperage: 99, power: 50, chargingModes: [.mode4])]
        #expect(OICPValidator(version: .v2_3).validate(r).isEmpty)
    }

    @Test("each facility and each opening period's begin and end are checked, at their index")
    func facilitiesAndPeriodsByIndex() {
        var r = Fixtures.validRecord()
        r.isOpen24Hours = false
        r.openingTimes = [OpeningTimes(period: [Period(begin: "08:00", end: "18:00")], on: .workdays),
            OpeningTimes(period: [Period(begin: "09:00", end: "12:00"), Period(begin: "9h", end: nil)], on: .weekend)]
        r.chargingFacilities = [ChargingFacility(powerType: .dc, voltage: 400, amperage: 99, power: 50),
            ChargingFacility(powerType: nil, voltage: 400, amperage: 100, power: 50)]
        let found = OICPValidator(version: .v2_3).validate(r)
        #expect(found.map(\.path) == ["ChargingFacilities[1].PowerType", "ChargingFacilities[1].Amperage",
            "OpeningTimes[1].Period[1].begin", "OpeningTimes[1].Period[1].end"])
        #expect(found.map(\.rule) == [.required, .numberRange, .periodPattern, .required])
    }

    @Test("brief warnings carry only their rule; other findings keep path, message and value")
    func briefWarnings() {
        var r = Fixtures.validRecord()
        r.chargingFacilities = [ChargingFacility(powerType: .ac3Phase, voltage: 400, amperage: 32, power: 22, chargingModes: [.mode4])]
        r.hotlinePhoneNumber = "call us"
        let validator = OICPValidator(version: .v2_3)
        let full = validator.validate(r)
        let brief = validator.validate(r, briefWarnings: [Rule.voltagePlausible.id])
        #expect(brief.map(\.rule) == full.map(\.rule))
        for (b, f) in zip(brief, full) {
            if b.rule == .voltagePlausible {
                #expect(b.path.isEmpty && b.message.isEmpty && b.value == nil)
                #expect(f.path == "ChargingFacilities[0].Voltage" && !f.message.isEmpty && f.value == "400")
            } else {
                #expect(b == f)
            }
        }
    }

    @Test func hubjectFieldsInAPush() {
        var r = Fixtures.validRecord()
        r.deltaType = .insert
        let push = PushEvseData(actionType: .insert, operatorEvseData: OperatorEvseData(operatorID: "DE*ABC", operatorName: "A", evseDataRecord: [r]))
        let found = OICPValidator(version: .v2_3).validate(push)
        #expect(found.map(\.rule) == [.hubjectField])
        #expect(found.first?.path == "OperatorEvseData.EvseDataRecord[0].deltaType")
    }
}
