import OICP

/// Reads a position written as one string.
enum CoordinateParser {
    enum Order: String, Sendable, CaseIterable {
        /// `"48.85 2.35"`, `"48.85, 2.35"`, `"48.85;2.35"` (latitude first, as OICP's Google form).
        case latLon = "lat-lon"
        /// `"[2.35, 48.85]"` (GeoJSON and IRVE order).
        case lonLat = "lon-lat"
    }

    struct Failure: Error, Equatable {
        let message: String
    }

    /// Two numbers, or two degrees-minutes-seconds values, in the given order.
    static func parse(_ text: String, order: Order) -> Result<(latitude: Double, longitude: Double), Failure> {
        var t = text.trimmingWhitespace()
        for (open, close) in [("[", "]"), ("(", ")"), ("{", "}")] where t.hasPrefix(open) && t.hasSuffix(close) {
            t = String(t.dropFirst().dropLast())
        }
        if t.uppercased().hasPrefix("POINT") {
            // WKT: POINT(lon lat)
            t = String(t.drop(while: { $0 != "(" }).dropFirst().prefix(while: { $0 != ")" }))
            return pair(t, order: .lonLat)
        }
        return pair(t, order: order)
    }

    private static func pair(_ t: String, order: Order) -> Result<(latitude: Double, longitude: Double), Failure> {
        let isDMS = t.unicodeScalars.contains { $0 == "°" || $0 == "'" || $0 == "\"" }
        var parts: [String]
        if isDMS {
            // Split after the hemisphere letter or at a comma/semicolon.
            parts = t.split(whereSeparator: { $0 == "," || $0 == ";" }).map { String($0) }
            if parts.count != 2 {
                if let i = t.firstIndex(where: { "NSns".contains($0) }) {
                    parts = [String(t[...i]), String(t[t.index(after: i)...])]
                }
            }
            guard parts.count == 2, let a = FixedDecimal.parseDegreesMinutesSeconds(parts[0]),
                let b = FixedDecimal.parseDegreesMinutesSeconds(parts[1])
            else { return .failure(Failure(message: "'\(t)' is not two degree-minute-second values")) }
            return .success(order == .latLon ? (a, b) : (b, a))
        }
        parts = t.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " || $0 == "\t" || $0 == "/" }).map { String($0) }
        guard parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]), a.isFinite, b.isFinite else {
            return .failure(Failure(message: "'\(t)' is not two numbers"))
        }
        return .success(order == .latLon ? (a, b) : (b, a))
    }
}
