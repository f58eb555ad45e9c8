/// ITU-T E.164 country calling codes for the countries whose charging networks roam through
/// Hubject, keyed by ISO 3166-1 alpha-3. Lets `phone: { country: DE }` mean `+49`.
enum DiallingCodes {
    private static let table: [String: String] = [
        "ALB": "355", "AND": "376", "ARE": "971", "AUS": "61", "AUT": "43", "BEL": "32", "BGR": "359",
        "BIH": "387", "BLR": "375", "BRA": "55", "CAN": "1", "CHE": "41", "CHN": "86", "CYP": "357",
        "CZE": "420", "DEU": "49", "DNK": "45", "ESP": "34", "EST": "372", "FIN": "358", "FRA": "33",
        "GBR": "44", "GLP": "590", "GRC": "30", "GUF": "594", "HRV": "385", "HUN": "36", "IND": "91",
        "IRL": "353", "ISL": "354", "ISR": "972", "ITA": "39", "JPN": "81", "KOR": "82", "LIE": "423",
        "LTU": "370", "LUX": "352", "LVA": "371", "MAR": "212", "MCO": "377", "MDA": "373", "MEX": "52",
        "MKD": "389", "MLT": "356", "MNE": "382", "MTQ": "596", "MYT": "262", "NCL": "687", "NLD": "31",
        "NOR": "47", "NZL": "64", "POL": "48", "PRT": "351", "PYF": "689", "REU": "262",
        "ROU": "40", "SGP": "65", "SMR": "378", "SRB": "381", "SVK": "421", "SVN": "386", "SWE": "46",
        "TUR": "90", "UKR": "380", "USA": "1", "ZAF": "27",
    ]

    /// `DEU` → `49`; nil for a country not in the table.
    static func code(alpha3: String) -> String? { table[alpha3] }
}
