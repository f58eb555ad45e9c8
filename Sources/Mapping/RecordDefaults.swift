import OICP

/// Fills the fields a record lacks from another record (`operators:` defaults).
enum RecordDefaults {
    static func fillAbsent(_ r: inout EvseDataRecord, from d: EvseDataRecord) {
        func fill<T>(_ kp: WritableKeyPath<EvseDataRecord, T?>) { if r[keyPath: kp] == nil { r[keyPath: kp] = d[keyPath: kp] } }
        fill(\.evseID)
        fill(\.chargingPoolID)
        fill(\.chargingStationID)
        fill(\.chargingStationNames)
        fill(\.chargingStationName)
        fill(\.enChargingStationName)
        fill(\.hardwareManufacturer)
        fill(\.chargingStationImage)
        fill(\.subOperatorName)
        if let da = d.address {
            var a = r.address ?? Address()
            func fillA<T>(_ kp: WritableKeyPath<Address, T?>) { if a[keyPath: kp] == nil { a[keyPath: kp] = da[keyPath: kp] } }
            fillA(\.country)
            fillA(\.city)
            fillA(\.street)
            fillA(\.postalCode)
            fillA(\.houseNum)
            fillA(\.floor)
            fillA(\.region)
            fillA(\.parkingFacility)
            fillA(\.parkingSpot)
            fillA(\.timeZone)
            r.address = a
        }
        fill(\.geoCoordinates)
        fill(\.plugs)
        fill(\.dynamicPowerLevel)
        fill(\.chargingFacilities)
        fill(\.renewableEnergy)
        fill(\.energySource)
        fill(\.environmentalImpact)
        fill(\.calibrationLawDataAvailability)
        fill(\.authenticationModes)
        fill(\.maxCapacity)
        fill(\.paymentOptions)
        fill(\.valueAddedServices)
        fill(\.accessibility)
        fill(\.accessibilityLocation)
        fill(\.hotlinePhoneNumber)
        fill(\.additionalInfo)
        fill(\.chargingStationLocationReference)
        fill(\.geoChargingPointEntrance)
        if r.isOpen24Hours == nil && r.openingTimes == nil {
            r.isOpen24Hours = d.isOpen24Hours
            r.openingTimes = d.openingTimes
        }
        fill(\.hubOperatorID)
        fill(\.clearinghouseID)
        fill(\.isHubjectCompatible)
        fill(\.dynamicInfoAvailable)
        fill(\.chargingModes)
        fill(\.lastUpdate)
        fill(\.deltaType)
    }
}
