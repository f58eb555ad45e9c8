/// A WGS84 position (OICP `GeoCoordinatesType`). Exactly one of the three forms must be given;
/// every value is a string.
///
/// The model keeps all three slots so that a file that (wrongly) gives several forms decodes and
/// can be reported on (rule `coordinates.form`).
public struct GeoCoordinates: Sendable, Hashable {
    // Held in one shared object, copied when changed (`CopyOnWrite`, as `Address`): the EVSEs of
    // one station carry the same position, and a copy then counts one reference, not one per text.
    @usableFromInline struct Fields: Sendable, Hashable {
        // Changing a form forgets the numbers known for the texts.
        @usableFromInline var google: String? { didSet { known = KnownPosition() } }
        @usableFromInline var decimalDegree: CoordinatePair? { didSet { known = KnownPosition() } }
        @usableFromInline var degreeMinuteSeconds: CoordinatePair? { didSet { known = KnownPosition() } }
        @usableFromInline var known = KnownPosition()

        @inlinable init(google: String?, decimalDegree: CoordinatePair?, degreeMinuteSeconds: CoordinatePair?) {
            self.google = google
            self.decimalDegree = decimalDegree
            self.degreeMinuteSeconds = degreeMinuteSeconds
        }
    }

    /// What the texts read as numbers, when whoever made them knew it (the converter parses the
    /// texts it keeps; checking the position for swapped coordinates and validating it would
    /// otherwise parse them again, once each). Not part of the value: equality and hashing
    /// ignore it.
    @usableFromInline struct KnownPosition: Sendable, Hashable {
        @usableFromInline var latitude = Double.nan
        @usableFromInline var longitude = Double.nan

        @usableFromInline init() {}
        @usableFromInline init(latitude: Double, longitude: Double) {
            self.latitude = latitude
            self.longitude = longitude
        }

        @usableFromInline static func == (_: KnownPosition, _: KnownPosition) -> Bool { true }
        @usableFromInline func hash(into hasher: inout Hasher) {}
    }

    /// Equality and hashing are the fields' (`CopyOnWrite` compares the object first).
    @usableFromInline var storage: CopyOnWrite<Fields>

    /// `Google.Coordinates`: `"<lat> <lon>"`.
    @inlinable public var google: String? {
        get { storage.value.google }
        set { storage.value.google = newValue }
    }
    /// `DecimalDegree`: latitude and longitude such as `"52.520008"`.
    @inlinable public var decimalDegree: CoordinatePair? {
        get { storage.value.decimalDegree }
        set { storage.value.decimalDegree = newValue }
    }
    /// `DegreeMinuteSeconds`: latitude and longitude such as `"9°21'39.32''"`.
    @inlinable public var degreeMinuteSeconds: CoordinatePair? {
        get { storage.value.degreeMinuteSeconds }
        set { storage.value.degreeMinuteSeconds = newValue }
    }

    @inlinable public init(google: String? = nil, decimalDegree: CoordinatePair? = nil, degreeMinuteSeconds: CoordinatePair? = nil) {
        storage = CopyOnWrite(Fields(google: google, decimalDegree: decimalDegree, degreeMinuteSeconds: degreeMinuteSeconds))
    }

    /// The `DecimalDegree` form from texts whose values are known: `latitude` and `longitude` must
    /// be what `DecimalParser.double` reads the texts as (`numericValue` then gives them without
    /// parsing).
    package init(decimalDegree pair: CoordinatePair, readAs latitude: Double, _ longitude: Double) {
        var fields = Fields(google: nil, decimalDegree: pair, degreeMinuteSeconds: nil)
        fields.known = KnownPosition(latitude: latitude, longitude: longitude)
        storage = CopyOnWrite(fields)
    }

    /// The numbers the `DecimalDegree` texts read as, when they were known on making them.
    package var knownDecimalDegrees: (latitude: Double, longitude: Double)? {
        let known = storage.value.known
        return known.latitude.isNaN ? nil : (known.latitude, known.longitude)
    }

    /// Whether the two hold the very same fields object (then they are equal, unread).
    @inlinable public func isIdentical(to other: GeoCoordinates) -> Bool { storage.isIdentical(to: other.storage) }

    /// The `DecimalDegree` form with both values printed with a fixed number of decimals.
    ///
    /// Default float printing is never used: it can produce exponents or more than six decimals,
    /// which the OICP pattern refuses.
    public static func decimalDegree(latitude: Double, longitude: Double, decimals: Int = 6) -> GeoCoordinates {
        GeoCoordinates(decimalDegree: CoordinatePair(
            latitude: FixedDecimal.format(latitude, decimals: decimals),
            longitude: FixedDecimal.format(longitude, decimals: decimals)))
    }

    /// The `Google` form, `"<lat> <lon>"`, with a fixed number of decimals.
    public static func google(latitude: Double, longitude: Double, decimals: Int = 6) -> GeoCoordinates {
        GeoCoordinates(google: FixedDecimal.format(latitude, decimals: decimals) + " "
            + FixedDecimal.format(longitude, decimals: decimals))
    }

    /// The `DegreeMinuteSeconds` form, seconds with two decimals and two apostrophes.
    public static func degreeMinuteSeconds(latitude: Double, longitude: Double) -> GeoCoordinates {
        GeoCoordinates(degreeMinuteSeconds: CoordinatePair(
            latitude: FixedDecimal.degreesMinutesSeconds(latitude),
            longitude: FixedDecimal.degreesMinutesSeconds(longitude)))
    }

    /// The position as numbers, from whichever form is present and parses.
    public var numericValue: (latitude: Double, longitude: Double)? {
        if let known = knownDecimalDegrees { return known }
        if let pair = decimalDegree, let lat = pair.latitude.flatMap(DecimalParser.double), let lon = pair.longitude.flatMap(DecimalParser.double) {
            return (lat, lon)
        }
        if let google {
            let parts = google.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
            if parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]) { return (lat, lon) }
        }
        if let pair = degreeMinuteSeconds, let lat = pair.latitude.flatMap(FixedDecimal.parseDegreesMinutesSeconds),
            let lon = pair.longitude.flatMap(FixedDecimal.parseDegreesMinutesSeconds)
        {
            return (lat, lon)
        }
        return nil
    }
}

/// Latitude and longitude strings of the `DecimalDegree` or `DegreeMinuteSeconds` form.
public struct CoordinatePair: Sendable, Hashable {
    public var latitude: String?
    public var longitude: String?

    @inlinable public init(latitude: String?, longitude: String?) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// Shown (and printed) field by field, as a plain struct is, not as the object holding them (and
/// without the numbers known for the texts, which are not part of the value).
extension GeoCoordinates: CustomReflectable {
    public var customMirror: Mirror {
        Mirror(self, children: ["google": google as Any, "decimalDegree": decimalDegree as Any, "degreeMinuteSeconds": degreeMinuteSeconds as Any],
               displayStyle: .struct)
    }
}
