/// A postal address (OICP `AddressIso19773`).
///
/// A value like any struct, held in one shared object that is copied when changed (copy on
/// write): the EVSEs of one station carry the same address, and copying it then counts one
/// reference instead of one per text in it.
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

    /// The shared object: changed in place only while no other address holds it.
    @usableFromInline final class Box: @unchecked Sendable {
        @usableFromInline var fields: Fields
        @inlinable init(_ fields: Fields) { self.fields = fields }
    }

    @usableFromInline var box: Box

    /// The fields, for changing: copied first when another address shares them.
    @inlinable var fields: Fields {
        get { box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    /// ISO 3166-1 alpha-3 country code.
    @inlinable public var country: String? {
        get { box.fields.country }
        set { fields.country = newValue }
    }
    @inlinable public var city: String? {
        get { box.fields.city }
        set { fields.city = newValue }
    }
    @inlinable public var street: String? {
        get { box.fields.street }
        set { fields.street = newValue }
    }
    @inlinable public var postalCode: String? {
        get { box.fields.postalCode }
        set { fields.postalCode = newValue }
    }
    @inlinable public var houseNum: String? {
        get { box.fields.houseNum }
        set { fields.houseNum = newValue }
    }
    @inlinable public var floor: String? {
        get { box.fields.floor }
        set { fields.floor = newValue }
    }
    @inlinable public var region: String? {
        get { box.fields.region }
        set { fields.region = newValue }
    }
    /// New in 2.3.
    @inlinable public var parkingFacility: Bool? {
        get { box.fields.parkingFacility }
        set { fields.parkingFacility = newValue }
    }
    /// New in 2.3.
    @inlinable public var parkingSpot: String? {
        get { box.fields.parkingSpot }
        set { fields.parkingSpot = newValue }
    }
    /// An offset such as `UTC+01:00`, never an IANA zone name.
    @inlinable public var timeZone: String? {
        get { box.fields.timeZone }
        set { fields.timeZone = newValue }
    }

    @inlinable public init(
        country: String? = nil, city: String? = nil, street: String? = nil, postalCode: String? = nil,
        houseNum: String? = nil, floor: String? = nil, region: String? = nil, parkingFacility: Bool? = nil,
        parkingSpot: String? = nil, timeZone: String? = nil
    ) {
        box = Box(Fields(country: country, city: city, street: street, postalCode: postalCode, houseNum: houseNum, floor: floor,
            region: region, parkingFacility: parkingFacility, parkingSpot: parkingSpot, timeZone: timeZone))
    }

    /// Whether the two hold the very same fields object (then they are equal, unread).
    @inlinable public func isIdentical(to other: Address) -> Bool { box === other.box }

    @inlinable public static func == (a: Address, b: Address) -> Bool {
        a.box === b.box || a.box.fields == b.box.fields
    }

    @inlinable public func hash(into hasher: inout Hasher) {
        hasher.combine(box.fields)
    }
}

/// Shown (and printed) field by field, as a plain struct is, not as the object holding them.
extension Address: CustomReflectable {
    public var customMirror: Mirror { Mirror(reflecting: box.fields) }
}
