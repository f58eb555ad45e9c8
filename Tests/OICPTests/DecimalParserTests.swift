import Testing

@testable import OICP

/// `DecimalParser.double` must give exactly what `Double(String)` gives, for every text.
@Suite struct DecimalParserTests {
    func same(_ text: String) -> Bool {
        let a = DecimalParser.double(text)
        let b = Double(text)
        if let a, let b { return a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }
        return a == nil && b == nil
    }

    @Test("plain decimals, with up to 22 fraction digits, round exactly as Double(String)")
    func plainDecimals() {
        var g = SplitMix(seed: 7)
        let alphabet = Array("0123456789")
        for _ in 0..<200_000 {
            var s = g.below(4) == 0 ? "-" : ""
            for _ in 0..<g.below(6) { s.append(alphabet[g.below(10)]) }
            if g.below(5) != 0 {
                s += "."
                for _ in 0..<g.below(18) { s.append(alphabet[g.below(10)]) }
            }
            #expect(same(s), "\(s)")
        }
    }

    @Test("the forms it leaves to Double(String) still come out the same",
          arguments: ["", "-", ".", "-.", "5.", ".5", "-.5", "1e5", "1E-3", " 1", "1 ", "+1", "0x1A", "nan", "inf", "-0", "-0.0", "0.000",
                      "1.2.3", "1,5", "12345678901234567", "1234567890123456", "123456789012345", "0.1234567890123456789",
                      "00000000000000000001.5", "9007199254740993", "48.093029", "-180.000000", "4.9e-324", "1" + String(repeating: "0", count: 400)])
    func otherForms(_ text: String) {
        #expect(same(text))
    }

    @Test("the fast path is taken for the common forms")
    func fastPath() {
        for text in ["48.093029", "-11.401315", "0", "22", "3.7", "-0.5"] {
            var t = text
            #expect(t.withUTF8 { DecimalParser.plain($0) } != nil, "\(text)")
        }
        var t = "1e5"
        #expect(t.withUTF8 { DecimalParser.plain($0) } == nil)
    }
}

/// `FixedDecimal.format` writes its digits into a buffer; it must read like the plain rendering
/// of the rounded, scaled integer.
@Suite struct FixedDecimalFormatTests {
    /// The rendering spelled out with strings.
    static func reference(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let integer = UInt64((abs(value) * scale).rounded(.toNearestOrAwayFromZero))
        var digits = String(integer)
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return value < 0 && integer != 0 ? "-" + digits : digits
    }

    @Test("format agrees with the string rendering for random values and every number of decimals")
    func agrees() {
        var g = SplitMix(seed: 3)
        for _ in 0..<50_000 {
            let magnitude = Double(g.below(7))
            var value = Double(g.next() % 1_000_000_007) / 1_000_000_007 * pow10(magnitude)
            if g.below(2) == 0 { value = -value }
            let decimals = g.below(10)
            #expect(FixedDecimal.format(value, decimals: decimals) == Self.reference(value, decimals), "\(value) \(decimals)")
        }
        #expect(FixedDecimal.format(0, decimals: 0) == "0")
        #expect(FixedDecimal.format(-0.4, decimals: 0) == "0")
        #expect(FixedDecimal.format(9.5, decimals: 0) == "10")
    }

    @Test("a canonical text is what format writes for the number it denotes; format's texts of positions are canonical")
    func canonicalTexts() {
        var g = SplitMix(seed: 5)
        for _ in 0..<20_000 {
            let decimals = 1 + g.below(6)
            var value = Double(g.next() % 1_000_000_007) / 1_000_000_007 * 180
            if g.below(2) == 0 { value = -value }
            let text = FixedDecimal.format(value, decimals: decimals)
            let canonical = FixedDecimal.isCanonical(text, decimals: decimals)
            #expect(canonical == (text != "-0." + String(repeating: "0", count: decimals)), "\(text)")
            if canonical { #expect(FixedDecimal.format(Double(text)!, decimals: decimals) == text, "\(text)") }
            #expect(!FixedDecimal.isCanonical(text, decimals: decimals + 1))
        }
        for text in ["48.093029", "-11.401315", "0.000001", "-0.000001", "0.000000", "179.999999"] {
            #expect(FixedDecimal.isCanonical(text, decimals: 6), "\(text)")
        }
        for text in ["-0.000000", "048.093029", "+48.093029", "48.09302", "48.0930290", "48,093029", " 48.093029", "48.093029 ", ".093029",
                     "48.", "48", "-", "", "4e1.000000", "1.00000x"] {
            #expect(!FixedDecimal.isCanonical(text, decimals: 6), "\(text)")
        }
    }

    func pow10(_ e: Double) -> Double {
        var r = 1.0
        for _ in 0..<Int(e) { r *= 10 }
        return r
    }
}
