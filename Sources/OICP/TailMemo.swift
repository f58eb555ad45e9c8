/// The members a record writes after its charging facilities (`RenewableEnergy` …
/// `DynamicInfoAvailable`), remembered with their JSON: the EVSEs of one station mostly repeat
/// them (the station's payment, access, hotline and hours), and a conversion hands each record
/// the very strings and arrays it handed the one before (remembered by the mapping).
///
/// So the members are recognised by their storage, not by their text: the key is the bits of
/// each value (the address of a string's or an array's storage, or the bytes of a small string,
/// and the plain values). Equal bits are the same value, since the memo keeps the values it
/// remembered alive (no other value can take their place in memory, and a value held twice is
/// copied before it changes); equal values in other storage only miss, and are written. Reading
/// the bits counts no reference, unlike comparing the values.
struct TailMemo {
    /// The bits, word by word (a plain struct: comparing it is a few vector instructions).
    struct Key: Equatable {
        var flags: UInt64 = 0
        var calibration: (UInt64, UInt64) = (0, 0)
        var authentication: UInt64 = 0
        var payment: UInt64 = 0
        var services: UInt64 = 0
        var accessibility: (UInt64, UInt64) = (0, 0)
        var location: (UInt64, UInt64) = (0, 0)
        var hotline: (UInt64, UInt64) = (0, 0)
        var additionalInfo: UInt64 = 0
        var locationReference: UInt64 = 0
        var openingTimes: UInt64 = 0
        var dynamicInfo: (UInt64, UInt64) = (0, 0)
        var energySource: UInt64 = 0
        var maxCapacity: UInt64 = 0
        var hubOperator: (UInt64, UInt64) = (0, 0)
        var clearinghouse: (UInt64, UInt64) = (0, 0)

        static func == (a: Key, b: Key) -> Bool {
            withUnsafeBytes(of: a) { x in
                withUnsafeBytes(of: b) { y in
                    var differ: UInt64 = 0
                    for i in stride(from: 0, to: MemoryLayout<Key>.size, by: 8) {
                        differ |= x.load(fromByteOffset: i, as: UInt64.self) ^ y.load(fromByteOffset: i, as: UInt64.self)
                    }
                    return differ == 0
                }
            }
        }
    }

    private var key = Key()
    private var valid = false
    private var json: [UInt8] = []
    /// The record whose tail is remembered, kept alive for the key's sake.
    private var kept = EvseDataRecord()

    /// Lookups and hits in the present trial; off for the rest of the run after a trial in which
    /// under half of the tails repeated (remembering costs about as much as a hit saves).
    private var lookups = 0
    private var hits = 0
    private(set) var enabled = true
    static let trial = 256

    /// Copies the JSON of the tail remembered when `key` is its key; false when it is not.
    mutating func replay(_ key: Key, into out: ByteStorage) -> Bool {
        lookups &+= 1
        guard valid && key == self.key else {
            if lookups >= Self.trial {
                if hits * 2 < lookups { enabled = false }
                lookups = 0
                hits = 0
            }
            return false
        }
        hits &+= 1
        json.withUnsafeBufferPointer { out.append(contentsOf: $0) }
        return true
    }

    /// Remembers the tail of `r`, its key and its JSON: the bytes written to `out` from `start`
    /// on (they start with the comma after the members before).
    mutating func remember(_ key: Key, of r: borrowing EvseDataRecord, writtenFrom start: Int, in out: ByteStorage) {
        json.removeAll(keepingCapacity: true)
        out.withBuffer { json.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start...])) }
        self.key = key
        // The whole record (one copy costs less than its tail's fields set one by one).
        kept = copy r
        valid = true
    }

    /// The key of the record's tail; nil when the tail holds a value not keyed (an environmental
    /// impact, a charging point entrance: rare, and then written each time).
    static func key(_ r: borrowing EvseDataRecord, _ version: OICPVersion) -> Key? {
        var k = Key()
        k.flags = flag(r.renewableEnergy) | flag(r.isOpen24Hours) << 2 | flag(r.isHubjectCompatible) << 4
            | (version == .v2_3 ? 1 << 6 : 0)
        k.calibration = bits(r.calibrationLawDataAvailability?.rawValue)
        k.authentication = bits(r.authenticationModes)
        k.payment = bits(r.paymentOptions)
        k.services = bits(r.valueAddedServices)
        k.accessibility = bits(r.accessibility?.rawValue)
        k.location = bits(r.accessibilityLocation?.rawValue)
        k.hotline = bits(r.hotlinePhoneNumber)
        k.additionalInfo = bits(r.additionalInfo)
        k.locationReference = bits(r.chargingStationLocationReference)
        k.openingTimes = bits(r.openingTimes)
        k.dynamicInfo = bits(r.dynamicInfoAvailable?.rawValue)
        if let rare = r.rare.storage {
            guard rare.fields.environmentalImpact == nil, rare.fields.geoChargingPointEntrance == nil else { return nil }
            k.energySource = bits(rare.fields.energySource)
            if let n = rare.fields.maxCapacity {
                k.flags |= 1 << 8
                k.maxCapacity = UInt64(bitPattern: Int64(n))
            }
            k.hubOperator = bits(rare.fields.hubOperatorID)
            k.clearinghouse = bits(rare.fields.clearinghouseID)
        }
        return k
    }

    @inline(__always) private static func flag(_ b: Bool?) -> UInt64 {
        switch b {
        case .none: 2
        case .some(let v): v ? 1 : 0
        }
    }

    @inline(__always) private static func bits(_ s: String?) -> (UInt64, UInt64) {
        unsafeBitCast(s, to: (UInt64, UInt64).self)
    }

    @inline(__always) private static func bits<T>(_ a: [T]?) -> UInt64 {
        UInt64(UInt(bitPattern: unsafeBitCast(a, to: Int.self)))
    }
}
