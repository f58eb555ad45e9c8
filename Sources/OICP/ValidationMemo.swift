/// The address and the position of the last records a validator found without a finding, keyed
/// by the bits of their storage (see `StorageBits`): the EVSEs of one station share them, so a
/// record whose address or position is the very one checked before is not checked again. Only
/// parts that gave no violation (no error, no warning) are remembered, so nothing a check would
/// report is left out. Owned by one validating thread, one record at a time.
public struct ValidationMemo: Sendable {
    struct AddressKey: Equatable {
        var country: StorageBits.Pair
        var city: StorageBits.Pair
        var street: StorageBits.Pair
        var postalCode: StorageBits.Pair
        var houseNum: StorageBits.Pair
        var floor: StorageBits.Pair
        var region: StorageBits.Pair
        var parkingSpot: StorageBits.Pair
        var timeZone: StorageBits.Pair
        var flags: UInt64

        init(_ a: borrowing Address, _ version: OICPVersion) {
            country = StorageBits.of(a.country)
            city = StorageBits.of(a.city)
            street = StorageBits.of(a.street)
            postalCode = StorageBits.of(a.postalCode)
            houseNum = StorageBits.of(a.houseNum)
            floor = StorageBits.of(a.floor)
            region = StorageBits.of(a.region)
            parkingSpot = StorageBits.of(a.parkingSpot)
            timeZone = StorageBits.of(a.timeZone)
            flags = StorageBits.flag(a.parkingFacility) | (version == .v2_3 ? 4 : 0)
        }

        @inline(__always) static func == (a: AddressKey, b: AddressKey) -> Bool { StorageBits.equal(a, b) }
    }

    struct GeoKey: Equatable {
        var google: StorageBits.Pair
        var decimalDegree: StorageBits.Quad
        var degreeMinuteSeconds: StorageBits.Quad
        var version: UInt64

        init(_ g: borrowing GeoCoordinates, _ version: OICPVersion) {
            google = StorageBits.of(g.google)
            decimalDegree = StorageBits.of(g.decimalDegree)
            degreeMinuteSeconds = StorageBits.of(g.degreeMinuteSeconds)
            self.version = version == .v2_3 ? 1 : 0
        }

        @inline(__always) static func == (a: GeoKey, b: GeoKey) -> Bool { StorageBits.equal(a, b) }
    }

    // Not optional (an optional key is copied to be compared); `has…` tell whether one is set.
    private var address = AddressKey(Address(), .v2_3)
    private var geo = GeoKey(GeoCoordinates(), .v2_3)
    private var hasAddress = false
    private var hasGeo = false
    /// The values keyed, kept alive for the keys' sake.
    private var keptAddress = Address()
    private var keptGeo = GeoCoordinates()

    public init() {}

    /// Whether this address, in this storage, was checked without a finding.
    @inline(__always) func isClean(_ key: AddressKey) -> Bool { hasAddress && address == key }
    @inline(__always) func isClean(_ key: GeoKey) -> Bool { hasGeo && geo == key }

    mutating func clean(_ a: borrowing Address, _ key: AddressKey) {
        keptAddress = copy a
        address = key
        hasAddress = true
    }

    mutating func clean(_ g: borrowing GeoCoordinates, _ key: GeoKey) {
        keptGeo = copy g
        geo = key
        hasGeo = true
    }
}
