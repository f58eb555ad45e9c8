/// When the EVSE can be used, for one day or group of days (OICP `OpeningTimes`).
public struct OpeningTimes: Sendable, Hashable {
    /// The periods of the day; an array in every JSON source although the text names one period.
    public var period: [Period]?
    /// The day or group of days (lower-case key `on`).
    public var on: OpeningDay?
    /// OICP 2.2 only: free text.
    public var unstructuredOpeningTime: String?

    @inlinable public init(period: [Period]?, on: OpeningDay?, unstructuredOpeningTime: String? = nil) {
        self.period = period
        self.on = on
        self.unstructuredOpeningTime = unstructuredOpeningTime
    }
}

/// A span of one day, `hh:mm` to `hh:mm` (lower-case keys `begin`, `end`).
public struct Period: Sendable, Hashable {
    public var begin: String?
    public var end: String?

    @inlinable public init(begin: String?, end: String?) {
        self.begin = begin
        self.end = end
    }
}
