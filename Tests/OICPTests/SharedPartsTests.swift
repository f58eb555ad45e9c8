import Testing

@testable import OICP

/// `Address` and `GeoCoordinates` hold their fields in one shared object, copied when changed:
/// they must still behave as values.
@Suite struct SharedPartsTests {
    private static func address() -> Address {
        Address(country: "DEU", city: "Köln", street: "Domkloster", postalCode: "50667", houseNum: "4", parkingFacility: true,
            timeZone: "UTC+01:00")
    }

    @Test func everyAddressFieldReadsBackWhatWasSet() {
        var a = Address()
        a.country = "DEU"
        a.city = "Köln"
        a.street = "Domkloster"
        a.postalCode = "50667"
        a.houseNum = "4"
        a.floor = "2"
        a.region = "NRW"
        a.parkingFacility = false
        a.parkingSpot = "P7"
        a.timeZone = "UTC+01:00"
        #expect([a.country, a.city, a.street, a.postalCode, a.houseNum, a.floor, a.region, a.parkingSpot, a.timeZone]
            == ["DEU", "Köln", "Domkloster", "50667", "4", "2", "NRW", "P7", "UTC+01:00"])
        #expect(a.parkingFacility == false)
        a.floor = nil
        #expect(a.floor == nil && a.region == "NRW")
    }

    @Test func aCopyIsTheSameObjectUntilOneIsChanged() {
        let a = Self.address()
        var b = a
        #expect(b.isIdentical(to: a))
        b.city = "Bonn"
        #expect(!b.isIdentical(to: a))
        #expect(a.city == "Köln" && b.city == "Bonn")
        #expect(a.street == b.street && a.parkingFacility == b.parkingFacility)
        #expect(a != b)
    }

    /// An address that alone holds its object changes it in place (no new object per field set).
    @Test func aUniqueObjectIsChangedInPlace() {
        var a = Address()
        let first = ObjectIdentifier(a.storage.box)
        a.country = "FRA"
        a.city = "Paris"
        #expect(ObjectIdentifier(a.storage.box) == first)
    }

    @Test func equalityAndHashingAreByValue() {
        let a = Self.address()
        let b = Self.address()  // another object, the same fields
        #expect(!a.isIdentical(to: b))
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        var c = b
        c.houseNum = "5"
        #expect(a != c)
        c.houseNum = "4"
        #expect(a == c && a.hashValue == c.hashValue)
    }

    /// Printed and mirrored field by field, as before the fields moved into an object.
    @Test func describedByTheirFields() {
        let a = Address(country: "DEU", city: "Köln")
        #expect(Mirror(reflecting: a).children.compactMap(\.label).prefix(3) == ["country", "city", "street"])
        #expect(String(describing: a).contains("Köln") && !String(describing: a).contains("Box"))
        let g = GeoCoordinates(google: "50.9 6.9")
        #expect(String(describing: g).contains("50.9 6.9") && !String(describing: g).contains("Box"))
        let known = GeoCoordinates(decimalDegree: CoordinatePair(latitude: "50.9", longitude: "6.9"), readAs: 50.9, 6.9)
        #expect(Mirror(reflecting: known).children.compactMap(\.label) == ["google", "decimalDegree", "degreeMinuteSeconds"])
        #expect(!String(describing: known).contains("known") && String(describing: known).contains("6.9"))
    }

    @Test func coordinatesBehaveAsValues() {
        let g = GeoCoordinates.decimalDegree(latitude: 50.9413, longitude: 6.9583)
        var h = g
        #expect(h.isIdentical(to: g))
        h.decimalDegree?.longitude = "7.000000"
        #expect(!h.isIdentical(to: g))
        #expect(g.decimalDegree?.longitude == "6.958300" && h.decimalDegree?.longitude == "7.000000")
        #expect(g.decimalDegree?.latitude == h.decimalDegree?.latitude)
        let same = GeoCoordinates(decimalDegree: CoordinatePair(latitude: "50.941300", longitude: "6.958300"))
        #expect(same == g && same.hashValue == g.hashValue && !same.isIdentical(to: g))
        var google = GeoCoordinates()
        google.google = "50.9 6.9"
        #expect(google.google == "50.9 6.9" && google.decimalDegree == nil && google != GeoCoordinates())
        #expect(google.numericValue?.latitude == 50.9)
    }

    /// The numbers a position's texts were made from travel with it, outside its value.
    @Test func knownNumbersAreNotPartOfTheValue() {
        let pair = CoordinatePair(latitude: "50.941300", longitude: "6.958300")
        let known = GeoCoordinates(decimalDegree: pair, readAs: 50.9413, 6.9583)
        let plain = GeoCoordinates(decimalDegree: pair)
        #expect(known == plain && known.hashValue == plain.hashValue)
        #expect(known.knownDecimalDegrees?.latitude == 50.9413 && known.knownDecimalDegrees?.longitude == 6.9583)
        #expect(plain.knownDecimalDegrees == nil)
        #expect(known.numericValue?.latitude == 50.9413 && plain.numericValue?.latitude == 50.9413)
        // Changing a form forgets them; the copy that was not changed keeps them.
        var moved = known
        moved.decimalDegree?.latitude = "51.000000"
        #expect(moved.knownDecimalDegrees == nil && moved.numericValue?.latitude == 51)
        #expect(known.knownDecimalDegrees != nil)
        var google = known
        google.google = "1 2"
        #expect(google.knownDecimalDegrees == nil)
    }

    /// A record's address changed through the record leaves an address copied from it as it was.
    @Test func changingAPartInsideARecordLeavesCopiesAlone() {
        var r = EvseDataRecord()
        r.address = Self.address()
        let kept = r.address!
        r.address?.street = "Roncalliplatz"
        #expect(kept.street == "Domkloster" && r.address?.street == "Roncalliplatz")
        r.geoCoordinates = .decimalDegree(latitude: 1, longitude: 2)
        let position = r.geoCoordinates!
        r.geoCoordinates?.decimalDegree?.latitude = "3.000000"
        #expect(position.decimalDegree?.latitude == "1.000000" && r.geoCoordinates?.decimalDegree?.latitude == "3.000000")
    }
}
