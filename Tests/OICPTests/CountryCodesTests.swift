import Testing

@testable import OICP

@Suite struct CountryCodesTests {
    @Test("isAlpha3 accepts exactly the assigned codes among all three-letter codes")
    func everyThreeLetterCode() {
        let letters = (UInt8(ascii: "A")...UInt8(ascii: "Z")).map { Character(UnicodeScalar($0)) }
        var accepted = 0
        for a in letters {
            for b in letters {
                for c in letters {
                    let code = String([a, b, c])
                    #expect(CountryCodes.isAlpha3(code) == (CountryCodes.alpha2ByAlpha3[code] != nil), "\(code)")
                    if CountryCodes.isAlpha3(code) { accepted += 1 }
                }
            }
        }
        #expect(accepted == CountryCodes.alpha2ByAlpha3.count)
    }

    @Test("isAlpha3 refuses other shapes", arguments: ["deu", "DE", "DEUT", "", "D3U", "DÉU", " DEU"])
    func otherShapes(_ text: String) {
        #expect(!CountryCodes.isAlpha3(text))
    }
}
