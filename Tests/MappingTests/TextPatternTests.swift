import Foundation
import Testing

@testable import Mapping

/// The compiled patterns must find exactly what ICU finds: every test compares with
/// `NSRegularExpression` run on the same text.
@Suite struct TextPatternTests {
    /// What ICU captures: the named group, else group 1, else the whole match.
    private static func icuCapture(_ regex: NSRegularExpression, _ text: String, group: String?) -> String? {
        guard let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        let range = group.map { m.range(withName: $0) } ?? (m.numberOfRanges > 1 ? m.range(at: 1) : m.range)
        guard range.location != NSNotFound, let r = Range(range, in: text) else { return nil }
        return String(text[r])
    }

    /// Patterns of the kinds mappings use (EvseIDs, addresses, free text), and the corners of
    /// the syntax: anchors, lazy and bounded repetition, empty loops, alternation order, case.
    static let patterns: [String] = [
        #"^([A-Z]{2}\*?[A-Z0-9]{3})\*?E[A-Z0-9*]{1,30}$"#,
        #"^([A-Z]{2}\*[A-Z0-9]{3})\*"#,
        #"^([A-Za-z]{2})"#,
        #"^(.*?\D)[\s,]+(?:No[:.]?\s*)?\d+\s?[A-Za-z]?(?:[-/]\d+[A-Za-z]?)?$"#,
        #"^\d+\s?[A-Za-z]?(?:[-/]\d+)?[\s,]+(\D.*)$"#,
        #"^.*?\D[\s,]+(?:No[:.]?\s*)?(\d+\s?[A-Za-z]?(?:[-/]\d+[A-Za-z]?)?)$"#,
        #"^(\d+\s?(?i:bis|ter)?)\s+\D"#,
        #"\b(\d{5})\b"#,
        #"(?:\d{5}|\d+)\s+(\D[^0-9]*)$"#,
        #"(?i)combo|ccs|cha.?de.?mo|cahdemo"#,
        #"(?i)^gratuit"#,
        #"(?i)(\bE\s*/\s*F\b|\bEF\b|\bTE\b|type\s*E\b|T2\*E)"#,
        #"^(?<num>\d+)[,\s]+(?<street>.+?)[,\s]+(?<zip>\d{5})\s+(?<city>\D.*)$"#,
        #"(a|ab)(c|bcd)(d*)"#, #"(a+?)(a*)"#, #"a{2,3}?"#, #"x{0}y"#, #"(a?)b"#,
        #"[^a]"#, #"(?i)[^a]"#, #"(?i)[a-c]+"#, #"[-a]+|[b-]"#, #"[\d.,]+"#, #"[\]\\]"#,
        #"\s+$"#, #"^$"#, #"$"#, #"a$"#, #"\w+\W"#, #"\Bb\B"#, #"."#, #"^.+$"#, #"(x)|(y)"#,
        #"CUSTOMERS"#, #"true"#, #"^(?:\+|00)?(\d{2,3})"#, #"(\d+)(?:\.(\d+))?"#,
        // `(?i)` holds for the rest of its group, later alternatives included.
        #"a(?i)b|C"#, #"(x(?i)y)z"#,
    ]

    /// Deterministic texts: hand-picked ones and pseudo-random strings over an alphabet that
    /// exercises the patterns (letters of both cases, digits, separators, line ends).
    static let texts: [String] = {
        var texts = ["", "a", "b", "ab", "aab", "aaab", "abcd", "DE*ABC*E123", "DEABCE1", "de*abc*e1", "FR*S01*E001*1",
                     "12 rue de la Paix 75002 Paris", "12bis avenue Foch, 69006 Lyon", "Hauptstraße 5", "Am Markt 25",
                     "Kaiserstr. 12a", "12-14 Main St", "No: 7 Road", "gratuit", "GRATUIT le soir", "Combo CCS",
                     "type E/F", "T2*E", "ChaDeMo", "a\n", "a\r\n", "a\r", "\n", "x y\n", "CUSTOMERS only",
                     "+4930123", "0049 30", "3.14", "1,5", "]", "\\", "-", "yx", "xy", "c", "aB", "xYZ", "xYz"]
        var random = Draws(seed: 0x9E37_79B9_7F4A_7C15)
        let alphabet = Array("aAbBcdeEsT2*09 ,./-\n\r\tx".utf8)
        for length in 0..<16 {
            for _ in 0..<25 {
                var bytes: [UInt8] = []
                for _ in 0..<length { bytes.append(alphabet[random.next(alphabet.count)]) }
                texts.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        return texts
    }()

    @Test func compiledPatternsAgreeWithICU() throws {
        var compared = 0
        for p in Self.patterns {
            let pattern = try TextPattern(p)
            #expect(pattern.isCompiled, "\(p) should run without ICU")
            let regex = try NSRegularExpression(pattern: p)
            for t in Self.texts {
                #expect(pattern.matches(t) == (regex.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)) != nil), "\(p) on \(t.debugDescription)")
                #expect(pattern.capture(t, group: nil) == Self.icuCapture(regex, t, group: nil), "\(p) on \(t.debugDescription)")
                compared += 1
            }
        }
        #expect(compared == Self.patterns.count * Self.texts.count)
    }

    /// Random patterns over the compiled syntax, on random texts: 300 patterns × 80 texts.
    @Test func randomPatternsAgreeWithICU() throws {
        var random = Draws(seed: 20_261_127)
        func draw(_ bound: Int) -> Int { random.next(bound) }
        let atoms = ["a", "b", "A", "1", " ", ",", "\\*", ".", "\\d", "\\w", "\\s", "\\D", "\\W", "\\S", "[a-c]", "[^b]", "[\\d,]", "\\b", "^", "$"]
        let quantifiers = ["", "", "", "*", "+", "?", "{1,2}", "{2}", "*?", "+?", "??", "{0,2}?"]
        func pattern(_ depth: Int) -> String {
            var out = ""
            for _ in 0..<(1 + draw(3)) {
                var atom = atoms[draw(atoms.count)]
                if depth < 2, draw(4) == 0 {
                    let open = ["(", "(?:", "(?i:"][draw(3)]
                    atom = open + pattern(depth + 1) + (draw(3) == 0 ? "|" + pattern(depth + 1) : "") + ")"
                }
                out += atom
                if atom != "^", atom != "$", atom != "\\b" { out += quantifiers[draw(quantifiers.count)] }
            }
            return out
        }
        let alphabet = Array("aAbBc1 2,*\n\r-".utf8)
        let texts = (0..<80).map { _ in String(decoding: (0..<draw(9)).map { _ in alphabet[draw(alphabet.count)] }, as: UTF8.self) }
        var compiled = 0
        for _ in 0..<300 {
            let p = pattern(0)
            guard let regex = try? NSRegularExpression(pattern: p) else { continue }
            let compiledPattern = try TextPattern(p)
            // The others run on ICU anyway (and some of them, nested loops that can match
            // nothing, backtrack for seconds in ICU on texts of a few characters).
            guard compiledPattern.isCompiled else { continue }
            compiled += 1
            for t in texts {
                #expect(compiledPattern.matches(t) == (regex.firstMatch(in: t, range: NSRange(t.startIndex..., in: t)) != nil), "\(p) on \(t.debugDescription)")
                #expect(compiledPattern.capture(t, group: nil) == Self.icuCapture(regex, t, group: nil), "\(p) on \(t.debugDescription)")
            }
        }
        // Most random patterns are in the compiled syntax (the rest: loops that can match nothing).
        #expect(compiled > 200)
    }

    @Test func namedGroups() throws {
        let p = #"^(?<num>\d+)[,\s]+(?<street>.+?)[,\s]+(?<zip>\d{5})\s+(?<city>\D.*)$"#
        let pattern = try TextPattern(p)
        let regex = try NSRegularExpression(pattern: p)
        for t in ["12 rue de la Paix 75002 Paris", "4, Place Bellecour, 69002 Lyon", "rue sans numéro 75001 Paris", "7 x"] {
            for g in ["num", "street", "zip", "city"] {
                #expect(pattern.capture(t, group: g) == Self.icuCapture(regex, t, group: g), "\(g) of \(t)")
            }
        }
        #expect(pattern.capture("12 rue de la Paix 75002 Paris", group: "street") == "rue de la Paix")
    }

    /// Syntax outside the compiled part goes to ICU whole, and still gives ICU's answer.
    @Test func otherSyntaxGoesToICU() throws {
        let cases: [(String, String, String?)] = [
            (#"(\w+) \1"#, "hello hello", "hello"),
            (#"a(?=b)"#, "ab", "a"),
            (#"\p{Lu}+"#, "abCDe", "CD"),
            (#"(?x) a b "#, "ab", "ab"),
            (#"[[a-z]&&[^b]]+"#, "abc", "a"),
            (#"a++b"#, "aab", "aab"),
            (String(repeating: "(", count: 40) + "a" + String(repeating: ")", count: 40), "ba", "a"),
            (#"(a*)*b"#, "ab", ""),
            (#"(a?){3}b"#, "ab", ""),
        ]
        for (p, text, expected) in cases {
            let pattern = try TextPattern(p)
            #expect(!pattern.isCompiled, "\(p)")
            #expect(pattern.capture(text, group: nil) == expected, "\(p)")
        }
    }

    /// Text with other than ASCII is ICU's (its classes and case folding go beyond ASCII).
    @Test func nonASCIITextGivesICUsAnswer() throws {
        let pattern = try TextPattern(#"(?i)^(\w+)\s+(\d+)$"#)
        #expect(pattern.isCompiled)
        #expect(pattern.capture("Straße 12", group: nil) == "Straße")
        #expect(pattern.capture("ÉCOLE 3", group: nil) == "ÉCOLE")
        #expect(try TextPattern(#"\d+"#).capture("٣٤ rue", group: nil) == "٣٤")
    }

    /// A pattern that backtracks exponentially in a naive engine stays linear here.
    @Test func nestedRepetitionOnALongText() throws {
        let pattern = try TextPattern(#"^(a+)+$"#)
        let text = String(repeating: "a", count: 5_000) + "b"
        #expect(pattern.isCompiled)
        #expect(!pattern.matches(text))
        #expect(pattern.capture(String(repeating: "a", count: 5_000), group: nil)?.count == 5_000)
    }
}
