/// A postal address (OICP `AddressIso19773`).
public struct Address: Sendable, Hashable {
    /// ISO 3166-1 alpha-3 country code.
    public var country: String?
    public var city: String?
    public var street: String?
    public var postalCode: String?
    public var houseNum: String?
    public var floor: String?
    public var region: String?
    /// New in 2.3.
    public var parkingFacility: Bool?
    /// New in 2.3.
    public var parkingSpot: String?
    /// An offset such as `UTC+01:00`, never an IANA zone name.
    public var timeZone: String?

    @inlinable public init(
        country: String? = nil, city: String? = nil, street: String? = nil, postalCode: String? = nil,
        houseNum: String? = nil, floor: String? = nil, region: String? = nil, parkingFacility: Bool? = nil,
        parkingSpot: String? = nil, timeZone: String? = nil
    ) {
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
