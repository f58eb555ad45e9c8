extension PatternSyntax {
    /// Reads a pattern into a ``PatternSyntax/Node`` tree; each function returns nil for syntax
    /// it does not cover (the pattern then goes to ICU whole; ICU has already accepted it).
    struct Parser {
        private let bytes: [UInt8]
        private var i = 0
        private(set) var groupCount = 0
        private(set) var names: [String: Int] = [:]
        /// Repetition bounds above this go to ICU (each repetition is written out in the program).
        static let maxRepeat = 100
        /// Groups nested deeper than this go to ICU (the tree is walked recursively).
        static let maxDepth = 32
        private var depth = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { i == bytes.count }

        private func peek(_ k: Int = 0) -> UInt8? { i + k < bytes.count ? bytes[i + k] : nil }

        /// Alternatives separated by `|`, up to a `)` or the end. `(?i)` makes the rest of the
        /// group case-insensitive, later alternatives included (as in ICU).
        mutating func alternation(caseless: Bool) -> Node? {
            var caseless = caseless
            var branches: [Node] = []
            var items: [Node] = []
            while let c = peek(), c != UInt8(ascii: ")") {
                if c == UInt8(ascii: "|") {
                    i += 1
                    branches.append(.concat(items))
                    items = []
                    continue
                }
                if c == UInt8(ascii: "("), peek(1) == UInt8(ascii: "?"), peek(2) == UInt8(ascii: "i"), peek(3) == UInt8(ascii: ")") {
                    i += 4
                    caseless = true
                    continue
                }
                guard let atom = atom(caseless: caseless), let item = quantified(atom) else { return nil }
                items.append(item)
            }
            branches.append(.concat(items))
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        private mutating func atom(caseless: Bool) -> Node? {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "("): return group(caseless: caseless)
            case UInt8(ascii: "["): return set(caseless: caseless)
            case UInt8(ascii: "."):
                i += 1
                return .set(.any)
            case UInt8(ascii: "^"):
                i += 1
                return .assertion(.start)
            case UInt8(ascii: "$"):
                i += 1
                return .assertion(.end)
            case UInt8(ascii: "\\"): return escape(caseless: caseless)
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "]"):
                return nil
            default:
                guard c >= 0x20, c < 0x7F else { return nil }
                i += 1
                return .set(Self.literal(c, caseless: caseless))
            }
        }

        private static func literal(_ byte: UInt8, caseless: Bool) -> ByteSet {
            let s = ByteSet([byte])
            return caseless ? s.withBothCases : s
        }

        private mutating func group(caseless: Bool) -> Node? {
            i += 1
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maxDepth else { return nil }
            var index: Int?
            var inner = caseless
            if peek() == UInt8(ascii: "?") {
                if peek(1) == UInt8(ascii: ":") {
                    i += 2
                } else if peek(1) == UInt8(ascii: "i"), peek(2) == UInt8(ascii: ":") {
                    i += 3
                    inner = true
                } else if peek(1) == UInt8(ascii: "<"), let first = peek(2), Self.isLetter(first) {
                    i += 2
                    var name: [UInt8] = []
                    while let n = peek(), Self.isLetter(n) || Self.isDigit(n) {
                        name.append(n)
                        i += 1
                    }
                    guard peek() == UInt8(ascii: ">") else { return nil }
                    i += 1
                    groupCount += 1
                    let key = String(decoding: name, as: UTF8.self)
                    guard names[key] == nil else { return nil }
                    names[key] = groupCount
                    index = groupCount
                } else {
                    return nil
                }
            } else {
                groupCount += 1
                index = groupCount
            }
            guard let body = alternation(caseless: inner), peek() == UInt8(ascii: ")") else { return nil }
            i += 1
            return .group(body, index: index)
        }

        private mutating func quantified(_ atom: Node) -> Node? {
            guard let c = peek() else { return atom }
            var min = 0
            var max: Int?
            switch c {
            case UInt8(ascii: "*"): i += 1
            case UInt8(ascii: "+"):
                i += 1
                min = 1
            case UInt8(ascii: "?"):
                i += 1
                max = 1
            case UInt8(ascii: "{"):
                i += 1
                guard let low = number() else { return nil }
                min = low
                max = low
                if peek() == UInt8(ascii: ",") {
                    i += 1
                    max = peek() == UInt8(ascii: "}") ? nil : number()
                    if max == nil, peek() != UInt8(ascii: "}") { return nil }
                }
                guard peek() == UInt8(ascii: "}") else { return nil }
                i += 1
            default:
                return atom
            }
            if case .assertion = atom { return nil }
            if let max, max < min { return nil }
            guard min <= Self.maxRepeat, (max ?? 0) <= Self.maxRepeat else { return nil }
            var greedy = true
            if peek() == UInt8(ascii: "?") {
                i += 1
                greedy = false
            }
            // Possessive quantifiers, or a quantifier on a quantifier.
            if let n = peek(), [UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{")].contains(n) { return nil }
            return .repetition(atom, min: min, max: max, greedy: greedy)
        }

        private mutating func number() -> Int? {
            var value = 0
            var digits = 0
            while let d = peek(), Self.isDigit(d), digits < 6 {
                value = value * 10 + Int(d - 0x30)
                digits += 1
                i += 1
            }
            return digits == 0 ? nil : value
        }

        private mutating func escape(caseless: Bool) -> Node? {
            guard let e = peek(1) else { return nil }
            i += 2
            switch e {
            case UInt8(ascii: "b"): return .assertion(.wordBoundary(true))
            case UInt8(ascii: "B"): return .assertion(.wordBoundary(false))
            default:
                if let s = Self.classEscape(e) { return .set(s) }
                if let b = Self.literalEscape(e) { return .set(Self.literal(b, caseless: caseless)) }
                return nil
            }
        }

        /// `\d`, `\w`, `\s` and their complements.
        private static func classEscape(_ e: UInt8) -> ByteSet? {
            switch e {
            case UInt8(ascii: "d"): .digits
            case UInt8(ascii: "D"): ByteSet.digits.inverted
            case UInt8(ascii: "w"): .word
            case UInt8(ascii: "W"): ByteSet.word.inverted
            case UInt8(ascii: "s"): .space
            case UInt8(ascii: "S"): ByteSet.space.inverted
            default: nil
            }
        }

        /// The byte an escape stands for: `\t`, `\n`, `\r`, `\f`, or escaped punctuation.
        private static func literalEscape(_ e: UInt8) -> UInt8? {
            switch e {
            case UInt8(ascii: "t"): 0x09
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "f"): 0x0C
            default: e > 0x20 && e < 0x7F && !isLetter(e) && !isDigit(e) ? e : nil
            }
        }

        private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

        /// `[...]` and `[^...]` with single characters, ranges and the class escapes; nested
        /// sets, set operations and POSIX classes go to ICU.
        private mutating func set(caseless: Bool) -> Node? {
            i += 1
            var negated = false
            if peek() == UInt8(ascii: "^") {
                negated = true
                i += 1
            }
            var s = ByteSet()
            var first = true
            while true {
                guard let c = peek() else { return nil }
                if c == UInt8(ascii: "]") {
                    guard !first else { return nil }
                    i += 1
                    break
                }
                first = false
                if c == UInt8(ascii: "[") || (c == UInt8(ascii: "&") && peek(1) == c) || (c == UInt8(ascii: "-") && peek(1) == c) { return nil }
                if c == UInt8(ascii: "\\"), let e = peek(1), let cls = Self.classEscape(e) {
                    i += 2
                    s.formUnion(cls)
                    continue
                }
                guard let low = setMember() else { return nil }
                if peek() == UInt8(ascii: "-"), let next = peek(1), next != UInt8(ascii: "]") {
                    i += 1
                    guard let high = setMember(), high >= low else { return nil }
                    s.formUnion(ByteSet(range: low...high))
                } else {
                    s.insert(low)
                }
            }
            if caseless { s = s.withBothCases }
            return .set(negated ? s.inverted : s)
        }

        /// One character of a set: itself, or an escaped character.
        private mutating func setMember() -> UInt8? {
            guard let c = peek() else { return nil }
            if c == UInt8(ascii: "\\") {
                guard let e = peek(1), let b = Self.literalEscape(e) else { return nil }
                i += 2
                return b
            }
            guard c >= 0x20, c < 0x7F else { return nil }
            i += 1
            return c
        }
    }
}
