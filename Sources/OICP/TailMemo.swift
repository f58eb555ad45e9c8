/// The members a record writes after its charging facilities (`RenewableEnergy` …
/// `DynamicInfoAvailable`), remembered with their JSON: the EVSEs of one station mostly repeat
/// them (the station's payment, access, hotline and hours). Recognised by the bits of their
/// storage (see `StorageBits`); the record whose tail is remembered is kept alive. The tails of
/// the last few stations are kept (see `TailTable`), not only the last one.
struct TailMemo {
    /// The bits, word by word (a plain struct: comparing it is a few vector instructions).
    struct Key: SlotKey {
        var flags: UInt64 = 0
        var calibration: StorageBits.Pair = (0, 0)
        var authentication: UInt64 = 0
        var payment: UInt64 = 0
        var services: UInt64 = 0
        var accessibility: StorageBits.Pair = (0, 0)
        var location: StorageBits.Pair = (0, 0)
        var hotline: StorageBits.Pair = (0, 0)
        var additionalInfo: UInt64 = 0
        var locationReference: UInt64 = 0
        var openingTimes: UInt64 = 0
        var dynamicInfo: StorageBits.Pair = (0, 0)
        var energySource: UInt64 = 0
        var maxCapacity: UInt64 = 0
        var hubOperator: StorageBits.Pair = (0, 0)
        var clearinghouse: StorageBits.Pair = (0, 0)

        @inline(__always) static func == (a: Key, b: Key) -> Bool { StorageBits.equal(a, b) }
    }

    /// The tails met lately with their JSON (see `TailTable`).
    private var table = TailTable<[UInt8]>()

    /// Whether tails repeat often enough to be worth remembering (see ``Trial``).
    private var trialState = Trial()
    var enabled: Bool { trialState.enabled }
    static let trial = 256

    /// Lookups and hits in the present trial; off for the rest of the run after a trial of
    /// `TailMemo.trial` lookups in which under half hit (remembering a tail costs about as much
    /// as a hit saves). The encoder's tails and the validator's clean tails each keep one.
    struct Trial: Sendable {
        private var lookups = 0
        private var hits = 0
        private(set) var enabled = true

        /// Counts a lookup; returns `hit`.
        @inline(__always) mutating func count(_ hit: Bool) -> Bool {
            lookups &+= 1
            if hit {
                hits &+= 1
                return true
            }
            if lookups >= TailMemo.trial {
                if hits * 2 < lookups { enabled = false }
                lookups = 0
                hits = 0
            }
            return false
        }
    }

    /// Copies the JSON of the tail remembered for `key`; false when there is none.
    mutating func replay(_ key: Key, into out: ByteStorage) -> Bool {
        trialState.count(table.withResult(for: key) { json in json.withUnsafeBufferPointer { out.append(contentsOf: $0) } })
    }

    /// Remembers the tail of `r`, its key and its JSON: the bytes written to `out` from `start`
    /// on (they start with the comma after the members before).
    mutating func remember(_ key: Key, of r: borrowing EvseDataRecord, writtenFrom start: Int, in out: ByteStorage) {
        table.remember(key, of: r, empty: []) { json in
            json.removeAll(keepingCapacity: true)
            out.withBuffer { json.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start...])) }
        }
    }

    /// The key of the record's tail; nil when the tail holds a value not keyed (an environmental
    /// impact, a charging point entrance: rare, and then written each time).
    static func key(_ r: borrowing EvseDataRecord, _ version: OICPVersion) -> Key? {
        var k = Key()
        k.flags = StorageBits.flag(r.renewableEnergy) | StorageBits.flag(r.isOpen24Hours) << 2 | StorageBits.flag(r.isHubjectCompatible) << 4
            | (version == .v2_3 ? 1 << 6 : 0)
        k.calibration = StorageBits.of(r.calibrationLawDataAvailability?.rawValue)
        k.authentication = StorageBits.of(r.authenticationModes)
        k.payment = StorageBits.of(r.paymentOptions)
        k.services = StorageBits.of(r.valueAddedServices)
        k.accessibility = StorageBits.of(r.accessibility?.rawValue)
        k.location = StorageBits.of(r.accessibilityLocation?.rawValue)
        k.hotline = StorageBits.of(r.hotlinePhoneNumber)
        k.additionalInfo = StorageBits.of(r.additionalInfo)
        k.locationReference = StorageBits.of(r.chargingStationLocationReference)
        k.openingTimes = StorageBits.of(r.openingTimes)
        k.dynamicInfo = StorageBits.of(r.dynamicInfoAvailable?.rawValue)
        if let rare = r.rare.storage {
            guard rare.fields.environmentalImpact == nil, rare.fields.geoChargingPointEntrance == nil else { return nil }
            k.energySource = StorageBits.of(rare.fields.energySource)
            if let n = rare.fields.maxCapacity {
                k.flags |= 1 << 8
                k.maxCapacity = UInt64(bitPattern: Int64(n))
            }
            k.hubOperator = StorageBits.of(rare.fields.hubOperatorID)
            k.clearinghouse = StorageBits.of(rare.fields.clearinghouseID)
        }
        return k
    }
}
