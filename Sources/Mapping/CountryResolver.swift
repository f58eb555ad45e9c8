import Foundation
import OICP

/// Country names, alpha-2 and alpha-3 codes to ISO 3166-1 alpha-3.
enum CountryResolver {
    private static let byKey: [String: String] = {
        var map: [String: String] = [:]
        for entry in CountryNames.entries {
            let parts = entry.split(separator: "|")
            map[key(String(parts[0]))] = String(parts[1])
        }
        return map
    }()

    /// Lower case, no accents, no spaces, dashes or dots.
    static func key(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .filter { $0.isLetter || $0.isNumber }
    }

    /// `DE`, `de`, `DEU`, `Germany`, `Deutschland`, `Allemagne` → `DEU`; nil when unknown.
    static func alpha3(_ text: String) -> String? {
        let t = text.trimmingWhitespace()
        let upper = t.uppercased()
        if upper.count == 2, let a3 = CountryCodes.alpha3ByAlpha2[upper] { return a3 }
        if upper.count == 3, CountryCodes.isAlpha3(upper) { return upper }
        return byKey[key(t)]
    }
}
