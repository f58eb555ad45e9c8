/// Rough bounding boxes of countries (mainland and near islands), to notice positions whose
/// latitude and longitude were swapped.
enum CountryBounds {
    struct Box {
        let minLat, maxLat, minLon, maxLon: Double
        func contains(_ lat: Double, _ lon: Double) -> Bool { lat >= minLat && lat <= maxLat && lon >= minLon && lon <= maxLon }
    }

    static let boxes: [String: Box] = [
        "DEU": Box(minLat: 47.2, maxLat: 55.1, minLon: 5.8, maxLon: 15.1), "FRA": Box(minLat: 41.3, maxLat: 51.1, minLon: -5.2, maxLon: 9.6),
        "AUT": Box(minLat: 46.3, maxLat: 49.1, minLon: 9.5, maxLon: 17.2), "CHE": Box(minLat: 45.8, maxLat: 47.9, minLon: 5.9, maxLon: 10.5),
        "NLD": Box(minLat: 50.7, maxLat: 53.6, minLon: 3.3, maxLon: 7.3), "BEL": Box(minLat: 49.5, maxLat: 51.6, minLon: 2.5, maxLon: 6.5),
        "LUX": Box(minLat: 49.4, maxLat: 50.2, minLon: 5.7, maxLon: 6.6), "ITA": Box(minLat: 35.5, maxLat: 47.1, minLon: 6.6, maxLon: 18.6),
        "ESP": Box(minLat: 27.6, maxLat: 43.8, minLon: -18.2, maxLon: 4.4), "PRT": Box(minLat: 32.6, maxLat: 42.2, minLon: -31.3, maxLon: -6.2),
        "GBR": Box(minLat: 49.9, maxLat: 60.9, minLon: -8.7, maxLon: 1.8), "IRL": Box(minLat: 51.4, maxLat: 55.4, minLon: -10.5, maxLon: -6.0),
        "DNK": Box(minLat: 54.5, maxLat: 57.8, minLon: 8.0, maxLon: 15.2), "SWE": Box(minLat: 55.3, maxLat: 69.1, minLon: 11.0, maxLon: 24.2),
        "NOR": Box(minLat: 57.9, maxLat: 71.2, minLon: 4.5, maxLon: 31.1), "FIN": Box(minLat: 59.7, maxLat: 70.1, minLon: 20.5, maxLon: 31.6),
        "POL": Box(minLat: 49.0, maxLat: 54.9, minLon: 14.1, maxLon: 24.2), "CZE": Box(minLat: 48.5, maxLat: 51.1, minLon: 12.1, maxLon: 18.9),
        "SVK": Box(minLat: 47.7, maxLat: 49.6, minLon: 16.8, maxLon: 22.6), "HUN": Box(minLat: 45.7, maxLat: 48.6, minLon: 16.1, maxLon: 22.9),
        "SVN": Box(minLat: 45.4, maxLat: 46.9, minLon: 13.4, maxLon: 16.6), "HRV": Box(minLat: 42.4, maxLat: 46.6, minLon: 13.5, maxLon: 19.5),
        "ROU": Box(minLat: 43.6, maxLat: 48.3, minLon: 20.2, maxLon: 29.7), "BGR": Box(minLat: 41.2, maxLat: 44.2, minLon: 22.3, maxLon: 28.6),
        "GRC": Box(minLat: 34.8, maxLat: 41.8, minLon: 19.3, maxLon: 28.3), "EST": Box(minLat: 57.5, maxLat: 59.7, minLon: 21.7, maxLon: 28.2),
        "LVA": Box(minLat: 55.7, maxLat: 58.1, minLon: 20.9, maxLon: 28.3), "LTU": Box(minLat: 53.9, maxLat: 56.5, minLon: 20.9, maxLon: 26.9),
        "ISL": Box(minLat: 63.3, maxLat: 66.6, minLon: -24.6, maxLon: -13.4), "MLT": Box(minLat: 35.8, maxLat: 36.1, minLon: 14.1, maxLon: 14.6),
        "CYP": Box(minLat: 34.5, maxLat: 35.7, minLon: 32.2, maxLon: 34.6), "LIE": Box(minLat: 47.0, maxLat: 47.3, minLon: 9.4, maxLon: 9.7),
        "MCO": Box(minLat: 43.7, maxLat: 43.8, minLon: 7.4, maxLon: 7.5), "AND": Box(minLat: 42.4, maxLat: 42.7, minLon: 1.4, maxLon: 1.8),
        "USA": Box(minLat: 24.4, maxLat: 49.4, minLon: -125.0, maxLon: -66.9), "CAN": Box(minLat: 41.7, maxLat: 83.1, minLon: -141.0, maxLon: -52.6),
    ]

    /// Whether the position lies outside the country but would lie inside with latitude and
    /// longitude exchanged. False for countries without a box.
    static func looksSwapped(latitude: Double, longitude: Double, country: String) -> Bool {
        guard let box = boxes[country] else { return false }
        return looksSwapped(latitude: latitude, longitude: longitude, box: box)
    }

    /// The same, for the country's box found before.
    static func looksSwapped(latitude: Double, longitude: Double, box: Box) -> Bool {
        !box.contains(latitude, longitude) && box.contains(longitude, latitude)
    }
}
