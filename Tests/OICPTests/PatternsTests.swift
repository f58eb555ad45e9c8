import Foundation
import Testing

@testable import OICP

/// The hand-written matchers must accept exactly what the OICP regular expressions accept.
@Suite struct PatternsTests {
    static let evseID23 = #"^(([A-Z]{2}\*?[A-Z0-9]{3}\*?E[A-Z0-9\*]{1,30})|(\+?[0-9]{1,3}\*[0-9]{3}\*[0-9\*]{1,32}))$"#
    static let evseID22 = #"^(([A-Za-z]{2}\*?[A-Za-z0-9]{3}\*?E[A-Za-z0-9\*]{1,30})|(\+?[0-9]{1,3}\*[0-9]{3}\*[0-9\*]{1,32}))$"#
    static let operatorID = #"^(([A-Za-z]{2}\*?[A-Za-z0-9]{3})|(\+?[0-9]{1,3}\*[0-9]{3}))$"#
    static let poolID = #"^([A-Za-z]{2}\*?[A-Za-z0-9]{3}\*?P[A-Za-z0-9\*]{1,30})$"#
    static let hotline = #"^\+[0-9]{5,15}$"#
    static let lang = #"^[a-z]{2,3}(?:-[A-Z]{2,3}(?:-[a-zA-Z]{4})?)?(?:-x-[a-zA-Z0-9]{1,8})?$"#
    static let decimal = #"^-?1?\d{1,2}\.\d{1,6}$"#
    static let google = #"^-?1?\d{1,2}\.\d{1,6}\s*\,?\s*-?1?\d{1,2}\.\d{1,6}$"#
    static let dms = #"^-?1?\d{1,2}°[ ]?\d{1,2}'[ ]?\d{1,2}\.\d+''$"#
    static let session = #"^[A-Za-z0-9]{8}(-[A-Za-z0-9]{4}){3}-[A-Za-z0-9]{12}$"#

    func regexMatches(_ pattern: String, _ s: String) -> Bool {
        let r = try! NSRegularExpression(pattern: pattern)
        return r.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    /// Strings built from the pattern's own alphabet, with lengths around its limits.
    func generated(alphabet: [String], count: Int, maxLength: Int, seed: UInt64, seeds: [String]) -> [String] {
        var rng = SplitMix(seed: seed)
        var out = seeds
        for _ in 0..<count {
            let n = Int(rng.next() % UInt64(maxLength + 1))
            out.append((0..<n).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined())
        }
        // Mutations of the seeds: one character changed, added or removed.
        for s in seeds {
            var chars = Array(s).map(String.init)
            guard !chars.isEmpty else { continue }
            for _ in 0..<40 {
                var c = chars
                let i = Int(rng.next() % UInt64(c.count))
                switch rng.next() % 3 {
                case 0: c[i] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                case 1: c.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: i)
                default: c.remove(at: i)
                }
                out.append(c.joined())
            }
            chars = []
        }
        return out
    }

    func check(_ pattern: String, _ matcher: (String) -> Bool, alphabet: String, maxLength: Int, seeds: [String]) {
        let letters = alphabet.map(String.init)
        var accepted = 0
        for s in generated(alphabet: letters, count: 4000, maxLength: maxLength, seed: 42, seeds: seeds) {
            let expected = regexMatches(pattern, s)
            #expect(matcher(s) == expected, "pattern \(pattern) on '\(s)': regex says \(expected)")
            if expected { accepted += 1 }
        }
        #expect(accepted > 0, "the generated strings must include matches")
    }

    @Test func evseID() {
        let seeds = ["DE*AB7*E840*6487", "DEAB7E8406487", "+49*810*000*438", "DE*AB7*E1", "de*ab7*e1", "DE*AB7E1", "DEAB7*E1",
                     "FR*A12*E123", "1*234*5", "+1234*567*8", "DE*A*B*E1", "DE*ABCD*E1", "DE**ABC*E1"]
        check(Self.evseID23, { Patterns.isEvseID($0) }, alphabet: "DEABde7E*+4901", maxLength: 20, seeds: seeds)
        check(Self.evseID22, { Patterns.isEvseID($0, allowLowercase: true) }, alphabet: "DEABde7E*+4901", maxLength: 20, seeds: seeds)
    }

    @Test func operatorAndPoolIDs() {
        check(Self.operatorID, Patterns.isOperatorID, alphabet: "DEAde7*+49", maxLength: 9,
              seeds: ["DE*A36", "DEA36", "+49*536", "49*536", "de*a36", "DE*A3", "+4*53"])
        check(Self.poolID, Patterns.isChargingPoolID, alphabet: "ITPp12*3", maxLength: 16,
              seeds: ["IT*123*P456*AB789", "IT123P4", "IT*123P", "it*123*p1"])
    }

    @Test func hotlineLanguageSession() {
        check(Self.hotline, Patterns.isHotlinePhoneNumber, alphabet: "+0123 -", maxLength: 18,
              seeds: ["+49123123123123", "+12345", "+1234", "49123", "+1234567890123456"])
        check(Self.lang, Patterns.isLanguageCode, alphabet: "deDEx-Ltn1", maxLength: 16,
              seeds: ["de", "de-DE", "de-DE-Latn", "de-x-abc", "de-DE-x-ab12", "DE", "de-de", "deu-AUT", "de-DE-xabc"])
        check(Self.session, Patterns.isSessionID, alphabet: "aF0-", maxLength: 38,
              seeds: ["f98efba4-02d8-4fa0-b810-9a9d50d2c527", "f98efba402d8-4fa0-b810-9a9d50d2c527"])
    }

    @Test("the shape of an alpha-3 code: three upper-case ASCII letters, nothing else")
    func alpha3Shape() {
        for (text, expected) in [("DEU", true), ("FRA", true), ("DE", false), ("DEUT", false), ("DeU", false), ("ÄBC", false), ("", false),
                                 ("D3U", false), ("DE ", false)] {
            #expect(Patterns.isAlpha3Shape(text) == expected, "\(text)")
        }
    }

    @Test func coordinates() {
        check(Self.decimal, Patterns.isDecimalDegree, alphabet: "-1290.", maxLength: 12,
              seeds: ["9.360922", "-21.568201", "179.123456", "279.1", "52.1234567", "52", ".5", "+5.1"])
        check(Self.google, Patterns.isGoogleCoordinates, alphabet: "-1290. ,", maxLength: 22,
              seeds: ["47.662249 9.360922", "47.662249, 9.360922", "47.662249,9.360922", "52.52013.4", "47.6 9", "47.6  ,  9.1"])
        check(Self.dms, Patterns.isDegreeMinuteSeconds, alphabet: "-1290.°' ", maxLength: 18,
              seeds: ["9°21'39.32''", "-21°34'23.16''", "9° 21' 39.32''", "9°21'39''", "9°21'39.32\""])
    }

    @Test func timeZoneAndTimeOfDay() {
        #expect(Patterns.isTimeZone("UTC+01:00"))
        #expect(Patterns.isTimeZone("UTC-05:00"))
        #expect(!Patterns.isTimeZone("Europe/Berlin"))
        #expect(!Patterns.isTimeZone("UTC+1:00"))
        #expect(!Patterns.isTimeZone("UTC,01:00"))
        #expect(Patterns.isTimeOfDay("08:00"))
        #expect(!Patterns.isTimeOfDay("8:00"))
        #expect(!Patterns.isTimeOfDay("08:00:00"))
    }

    @Test func operatorPartAndKey() {
        #expect(Patterns.operatorPart(ofEvseID: "DE*AB7*E840*6487") == "DE*AB7")
        #expect(Patterns.operatorPart(ofEvseID: "DEAB7E8406487") == "DEAB7")
        #expect(Patterns.operatorPart(ofEvseID: "+49*810*000*438") == "+49*810")
        #expect(Patterns.operatorPart(ofEvseID: "X") == nil)
        #expect(Patterns.operatorKey("DE*AB7") == Patterns.operatorKey("deab7"))
        #expect(Patterns.operatorKey("+49*810") == "49810")
    }
}

/// A small deterministic random number generator for generated test inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A number in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
