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

    /// One part last found without a finding: its key, and the value kept alive for the key's
    /// sake. (The key is not optional: an optional key is copied to be compared.)
    struct Clean<Value: Sendable, Key: Equatable & Sendable>: Sendable {
        private var key: Key
        private var kept: Value
        private var valid = false

        init(_ empty: Value, key: Key) {
            kept = empty
            self.key = key
        }

        /// Whether the part with this key, in this storage, was checked without a finding.
        @inline(__always) func holds(_ key: Key) -> Bool { valid && self.key == key }

        mutating func remember(_ value: borrowing Value, _ key: Key) {
            kept = copy value
            self.key = key
            valid = true
        }
    }

    var address = Clean(Address(), key: AddressKey(Address(), .v2_3))
    var geo = Clean(GeoCoordinates(), key: GeoKey(GeoCoordinates(), .v2_3))
    /// The station names (OICP 2.3), by the bits of the list's storage.
    var names = Clean<[InfoText], UInt64>([], key: 0)
    /// The members after the facilities (see `TailMemo`) found clean lately.
    var tail = CleanTails()
    /// The findings for the kinds of facility checked lately (none, mostly), by their index and
    /// with the brief warnings they were made with.
    var facilities = FacilityMemo<OICPValidator.FacilityFindings>()

    public init() {}

    /// The tails found clean lately (see `TailTable`), no longer tried after a trial in which
    /// under half of them repeated (`TailMemo.Trial`: a record copied for each miss would cost
    /// more than the hits save; the EVSEs of an OCPI location may differ in them).
    struct CleanTails: Sendable {
        private var table = TailTable<Bool>()
        private var trial = TailMemo.Trial()
        var enabled: Bool { trial.enabled }

        /// Whether the tail with this key was checked without a finding.
        @inline(__always) mutating func holds(_ key: TailMemo.Key) -> Bool {
            trial.count(table.withResult(for: key) { _ in })
        }

        mutating func remember(_ record: borrowing EvseDataRecord, _ key: TailMemo.Key) {
            table.remember(key, of: record, empty: true) { _ in }
        }
    }
}
