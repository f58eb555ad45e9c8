import Foundation

/// IANA time zone names (`Europe/Berlin`) to OICP's `UTC±hh:mm`.
enum TimeZoneOffset {
    /// The zone's standard offset, without daylight saving time (OICP says nothing on which
    /// offset to use; the standard one does not change twice a year). `UTC+01:00` and `+01:00`
    /// pass through; spaces in names are read as underscores (`Asia/Kuala Lumpur`).
    static func utcOffset(_ text: String) -> String? {
        let t = text.trimmingWhitespace()
        if t.hasPrefix("UTC"), t.count == 9 { return t }
        if (t.hasPrefix("+") || t.hasPrefix("-")), t.count == 6, t.dropFirst(3).first == ":" { return "UTC" + t }
        guard let zone = TimeZone(identifier: t.replacingOccurrences(of: " ", with: "_")) else { return nil }
        // A fixed day keeps the result the same on every run.
        let day = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
        let seconds = zone.secondsFromGMT(for: day) - Int(zone.daylightSavingTimeOffset(for: day))
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "UTC\(sign)\(two(minutes / 60)):\(two(minutes % 60))"
    }
}
