@testable import OICP

/// Records the tests start from: valid for OICP 2.3, every mandatory field filled.
enum Fixtures {
    static func validRecord() -> EvseDataRecord {
        var r = EvseDataRecord()
        r.evseID = "DE*ABC*E1234*1"
        r.chargingStationID = "ST-1"
        r.chargingStationNames = [InfoText(lang: "de", value: "Ladestation Marktplatz"), InfoText(lang: "en", value: "Market square")]
        r.address = Address(country: "DEU", city: "Köln", street: "Marktplatz", postalCode: "50667", houseNum: "1")
        r.geoCoordinates = .decimalDegree(latitude: 50.9375, longitude: 6.9603)
        r.plugs = [.type2Outlet]
        r.chargingFacilities = [ChargingFacility(powerType: .ac3Phase, voltage: 230, amperage: 32, power: 22, chargingModes: [.mode3])]
        r.renewableEnergy = false
        r.calibrationLawDataAvailability = .notAvailable
        r.authenticationModes = [.nfcRFIDClassic, .remote]
        r.paymentOptions = [.contract]
        r.valueAddedServices = [.none]
        r.accessibility = .freePubliclyAccessible
        r.hotlinePhoneNumber = "+4922112345"
        r.isOpen24Hours = true
        r.isHubjectCompatible = true
        r.dynamicInfoAvailable = .auto
        return r
    }

    /// A record with every field of both versions set.
    static func fullRecord() -> EvseDataRecord {
        var r = validRecord()
        r.deltaType = .insert
        r.lastUpdate = "2026-01-02T03:04:05.000Z"
        r.chargingPoolID = "DE*ABC*P1"
        r.hardwareManufacturer = "ACME"
        r.chargingStationImage = "https://example.org/station.jpg"
        r.subOperatorName = "Sub GmbH"
        r.address?.floor = "2"
        r.address?.region = "NRW"
        r.address?.parkingFacility = true
        r.address?.parkingSpot = "P12"
        r.address?.timeZone = "UTC+01:00"
        r.dynamicPowerLevel = true
        r.energySource = [EnergySource(energy: .solar, percentage: 60), EnergySource(energy: .wind, percentage: 40)]
        r.environmentalImpact = EnvironmentalImpact(co2Emission: 30.5, nuclearWaste: 0)
        r.maxCapacity = 50
        r.accessibilityLocation = .parkingGarage
        r.additionalInfo = [InfoText(lang: "en", value: "Level 2")]
        r.chargingStationLocationReference = [InfoText(lang: "de", value: "Einfahrt Nord")]
        r.geoChargingPointEntrance = .google(latitude: 50.9376, longitude: 6.9604)
        r.isOpen24Hours = false
        r.openingTimes = [OpeningTimes(period: [Period(begin: "08:00", end: "20:00")], on: .workdays)]
        r.hubOperatorID = "DE*HUB"
        r.clearinghouseID = "CH-1"
        return r
    }
}
