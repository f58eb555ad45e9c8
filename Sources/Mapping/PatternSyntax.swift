/// The part of ICU's regular-expression syntax that ``PatternProgram`` runs itself, read into a
/// tree. Anything outside it (look-around, back references, Unicode properties, nested sets,
/// flags other than `i`, possessive quantifiers) makes `parse` return nil, and the pattern is left
/// to `NSRegularExpression` whole.
///
/// Only ASCII text is ever matched against the tree (``TextPattern`` hands other text to ICU), so
/// a set of characters is a set of the 128 ASCII bytes.
enum PatternSyntax {
    /// A set of ASCII bytes, one bit each.
    struct ByteSet: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        init() {}

        init(_ bytes: some Sequence<UInt8>) {
            for b in bytes { insert(b) }
        }

        init(range: ClosedRange<UInt8>) {
            for b in range { insert(b) }
        }

        mutating func insert(_ byte: UInt8) {
            if byte < 64 { low |= 1 << UInt64(byte) } else if byte < 128 { high |= 1 << UInt64(byte - 64) }
        }

        func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte &- 64)) != 0
        }

        mutating func formUnion(_ other: ByteSet) {
            low |= other.low
            high |= other.high
        }

        var inverted: ByteSet {
            var s = ByteSet()
            s.low = ~low
            s.high = ~high
            return s
        }

        /// The set with each ASCII letter's other case added (ICU's case-insensitive matching of
        /// ASCII text).
        var withBothCases: ByteSet {
            var s = self
            for b in UInt8(ascii: "A")...UInt8(ascii: "Z") where contains(b) || contains(b | 0x20) {
                s.insert(b)
                s.insert(b | 0x20)
            }
            return s
        }

        static let digits = ByteSet(range: UInt8(ascii: "0")...UInt8(ascii: "9"))
        /// ICU's `\w` among ASCII: letters, digits and the underscore.
        static let word: ByteSet = {
            var s = ByteSet(range: UInt8(ascii: "a")...UInt8(ascii: "z"))
            s.formUnion(ByteSet(range: UInt8(ascii: "A")...UInt8(ascii: "Z")))
            s.formUnion(digits)
            s.insert(UInt8(ascii: "_"))
            return s
        }()
        /// ICU's `\s` among ASCII: `[\t\n\f\r\p{Z}]` (no vertical tab).
        static let space = ByteSet([0x09, 0x0A, 0x0C, 0x0D, 0x20])
        /// ICU's line terminators among ASCII: what `.` does not match and what `$` may precede.
        static let lineTerminators = ByteSet([0x0A, 0x0B, 0x0C, 0x0D])
        static let any = lineTerminators.inverted
    }

    enum Assertion: Equatable {
        /// `^`: the start of the text (no multi-line mode).
        case start
        /// `$`: the end of the text, or before a line terminator that ends it.
        case end
        /// `\b` and `\B`, with ICU's `\w` as the word characters.
        case wordBoundary(Bool)
    }

    indirect enum Node: Equatable {
        case set(ByteSet)
        case assertion(Assertion)
        case concat([Node])
        case alternation([Node])
        /// A group; `index` numbers a capturing one (1 for the first opening parenthesis).
        case group(Node, index: Int?)
        case repetition(Node, min: Int, max: Int?, greedy: Bool)
    }

    /// The parsed pattern: its tree, how many capturing groups it has and their names.
    struct Parsed {
        var root: Node
        var groupCount: Int
        var names: [String: Int]
    }

    static func parse(_ pattern: String) -> Parsed? {
        var parser = Parser(Array(pattern.utf8))
        guard let root = parser.alternation(caseless: false), parser.atEnd else { return nil }
        return Parsed(root: root, groupCount: parser.groupCount, names: parser.names)
    }
}
