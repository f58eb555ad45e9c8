/// A postal address (OICP `AddressIso19773`).
///
/// A value like any struct, held in one shared object that is copied when changed
/// (`CopyOnWrite`): the EVSEs of one station carry the same address, and copying it then counts
/// one reference instead of one per text in it.
public struct Address: Sendable, Hashable {
    /// The fields themselves.
    @usableFromInline struct Fields: Sendable, Hashable {
        @usableFromInline var country: String?
        @usableFromInline var city: String?
        @usableFromInline var street: String?
        @usableFromInline var postalCode: String?
        @usableFromInline var houseNum: String?
        @usableFromInline var floor: String?
        @usableFromInline var region: String?
        @usableFromInline var parkingFacility: Bool?
        @usableFromInline var parkingSpot: String?
        @usableFromInline var timeZone: String?

        @inlinable init(country: String?, city: String?, street: String?, postalCode: String?, houseNum: String?, floor: String?,
                        region: String?, parkingFacility: Bool?, parkingSpot: String?, timeZone: String?) {
            self.country = country
            self.city = city
            self.street = street
            self.postalCode = postalCode
            self.houseNum = houseNum
            self.floor = floor
            self.region = region
            self.parkingFacility = parkingFacility
            self.parkingSpot = parkingSpot
            self.timeZone = timeZone
        }
    }

    /// Equality and hashing are the fields' (`CopyOnWrite` compares the object first).
    @usableFromInline var storage: CopyOnWrite<Fields>

    /// ISO 3166-1 alpha-3 country code.
    @inlinable public var country: String? {
        get { storage.value.country }
        set { storage.value.country = newValue }
    }
    @inlinable public var city: String? {
        get { storage.value.city }
        set { storage.value.city = newValue }
    }
    @inlinable public var street: String? {
        get { storage.value.street }
        set { storage.value.street = newValue }
    }
    @inlinable public var postalCode: String? {
        get { storage.value.postalCode }
        set { storage.value.postalCode = newValue }
    }
    @inlinable public var houseNum: String? {
        get { storage.value.houseNum }
        set { storage.value.houseNum = newValue }
    }
    @inlinable public var floor: String? {
        get { storage.value.floor }
        set { storage.value.floor = newValue }
    }
    @inlinable public var region: String? {
        get { storage.value.region }
        set { storage.value.region = newValue }
    }
    /// New in 2.3.
    @inlinable public var parkingFacility: Bool? {
        get { storage.value.parkingFacility }
        set { storage.value.parkingFacility = newValue }
    }
    /// New in 2.3.
    @inlinable public var parkingSpot: String? {
        get { storage.value.parkingSpot }
        set { storage.value.parkingSpot = newValue }
    }
    /// An offset such as `UTC+01:00`, never an IANA zone name.
    @inlinable public var timeZone: String? {
        get { storage.value.timeZone }
        set { storage.value.timeZone = newValue }
    }

    @inlinable public init(
        country: String? = nil, city: String? = nil, street: String? = nil, postalCode: String? = nil,
        houseNum: String? = nil, floor: String? = nil, region: String? = nil, parkingFacility: Bool? = nil,
        parkingSpot: String? = nil, timeZone: String? = nil
    ) {
        storage = CopyOnWrite(Fields(country: country, city: city, street: street, postalCode: postalCode, houseNum: houseNum, floor: floor,
            region: region, parkingFacility: parkingFacility, parkingSpot: parkingSpot, timeZone: timeZone))
    }

    /// Whether the two hold the very same fields object (then they are equal, unread).
    @inlinable public func isIdentical(to other: Address) -> Bool { storage.isIdentical(to: other.storage) }
}

/// Shown (and printed) field by field, as a plain struct is, not as the object holding them.
extension Address: CustomReflectable {
    public var customMirror: Mirror { Mirror(reflecting: storage.value) }
}
