/// The `on` value of an OpeningTimes entry.
public struct OpeningDay: OICPEnumeration {
    public let rawValue: String

    @inlinable public init(rawValue: String) { self.rawValue = rawValue }

    public static let typeName = "OpeningDay"

    public static let everyday = OpeningDay(rawValue: "Everyday")
    public static let workdays = OpeningDay(rawValue: "Workdays")
    public static let weekend = OpeningDay(rawValue: "Weekend")
    public static let monday = OpeningDay(rawValue: "Monday")
    public static let tuesday = OpeningDay(rawValue: "Tuesday")
    public static let wednesday = OpeningDay(rawValue: "Wednesday")
    public static let thursday = OpeningDay(rawValue: "Thursday")
    public static let friday = OpeningDay(rawValue: "Friday")
    public static let saturday = OpeningDay(rawValue: "Saturday")
    public static let sunday = OpeningDay(rawValue: "Sunday")

    private static let values23: [OpeningDay] = [.everyday, .workdays, .weekend, .monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]
    private static let values22: [OpeningDay] = [.everyday, .workdays, .weekend, .monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]

    public static func allowedValues(in version: OICPVersion) -> [Self] {
        switch version {
        case .v2_3: values23
        case .v2_2: values22
        }
    }
}
