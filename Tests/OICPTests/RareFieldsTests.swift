import Testing

@testable import OICP

/// The rarely given fields live in a shared object: the record must still behave as a value.
@Suite struct RareFieldsTests {
    @Test func aRecordWithoutRareFieldsMakesNoStorage() {
        var r = EvseDataRecord()
        r.evseID = "DE*ABC*E1"
        r.chargingStationName = nil
        r.hubOperatorID = nil
        #expect(r.rare.storage == nil)
        #expect(r.chargingStationName == nil)
    }

    /// A record that alone holds its storage changes it in place: setting a second rare field
    /// makes no new object.
    @Test func aUniqueStorageIsChangedInPlace() {
        var r = EvseDataRecord()
        r.hubOperatorID = "DE*HUB"
        let first = r.rare.storage.map(ObjectIdentifier.init)
        r.clearinghouseID = "CH1"
        r.maxCapacity = 40
        #expect(first != nil)
        #expect(r.rare.storage.map(ObjectIdentifier.init) == first)
        #expect(r.hubOperatorID == "DE*HUB" && r.clearinghouseID == "CH1" && r.maxCapacity == 40)
    }

    @Test func copiesChangeIndependently() {
        var a = EvseDataRecord()
        a.hubOperatorID = "DE*HUB"
        a.maxCapacity = 40
        var b = a
        b.hubOperatorID = "DE*OTHER"
        b.energySource = [EnergySource(energy: .solar, percentage: 30)]
        #expect(a.hubOperatorID == "DE*HUB")
        #expect(a.energySource == nil)
        #expect(b.hubOperatorID == "DE*OTHER")
        #expect(b.maxCapacity == 40)
        #expect(a != b)
        #expect(a.rare.storage !== b.rare.storage)
    }

    /// A record whose rare fields were set and cleared again equals (and hashes as) one that never
    /// had them, as when they were held inline.
    @Test func equalityIsByValue() {
        var cleared = EvseDataRecord()
        cleared.evseID = "DE*ABC*E1"
        cleared.clearinghouseID = "X"
        cleared.geoChargingPointEntrance = GeoCoordinates(decimalDegree: CoordinatePair(latitude: "50.1", longitude: "8.2"))
        cleared.clearinghouseID = nil
        cleared.geoChargingPointEntrance = nil
        var plain = EvseDataRecord()
        plain.evseID = "DE*ABC*E1"
        #expect(cleared.rare.storage != nil)
        #expect(cleared == plain)
        #expect(cleared.hashValue == plain.hashValue)
        #expect(Set([cleared, plain]).count == 1)
    }

    @Test func everyRareFieldReadsBackWhatWasSet() {
        var r = EvseDataRecord()
        r.deltaType = .insert
        r.lastUpdate = "2026-11-27T08:00:00Z"
        r.chargingPoolID = "DE*ABC*P1"
        r.chargingStationName = "Name"
        r.enChargingStationName = "Name en"
        r.hardwareManufacturer = "Maker"
        r.chargingStationImage = "https://example.org/a.jpg"
        r.subOperatorName = "Sub"
        r.dynamicPowerLevel = true
        r.energySource = [EnergySource(energy: .wind, percentage: 60)]
        r.environmentalImpact = EnvironmentalImpact(co2Emission: 12, nuclearWaste: 0)
        r.maxCapacity = 22
        r.geoChargingPointEntrance = GeoCoordinates(google: "50.1 8.2")
        r.hubOperatorID = "DE*HUB"
        r.clearinghouseID = "CH1"
        r.chargingModes = [.mode3]
        #expect(r.deltaType == .insert)
        #expect(r.lastUpdate == "2026-11-27T08:00:00Z")
        #expect(r.chargingPoolID == "DE*ABC*P1")
        #expect(r.chargingStationName == "Name")
        #expect(r.enChargingStationName == "Name en")
        #expect(r.hardwareManufacturer == "Maker")
        #expect(r.chargingStationImage == "https://example.org/a.jpg")
        #expect(r.subOperatorName == "Sub")
        #expect(r.dynamicPowerLevel == true)
        #expect(r.energySource?.first?.percentage == 60)
        #expect(r.environmentalImpact?.co2Emission == 12)
        #expect(r.maxCapacity == 22)
        #expect(r.geoChargingPointEntrance?.google == "50.1 8.2")
        #expect(r.hubOperatorID == "DE*HUB")
        #expect(r.clearinghouseID == "CH1")
        #expect(r.chargingModes == [.mode3])
        // 2.3 leaves the 2.2-only ones out.
        let v23 = r.prepared(for: .v2_3)
        #expect(v23.chargingStationName == nil && v23.chargingModes == nil)
        #expect(r.chargingStationName == "Name")
    }
}
