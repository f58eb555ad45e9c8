/// Reads one JSON record and returns its `RecordFingerprint` and top-level `EvseID` without
/// building a `JSONValue`: delta bundles fingerprint every record of two runs, and making
/// strings for every key and value would cost more than the rest of the comparison.
///
/// The result equals `RecordFingerprint.of(try JSONParser().parse(bytes))`; malformed JSON
/// throws the parser's error with its line and column.
public struct FingerprintScanner {
    public struct Result: Sendable, Equatable {
        public var fingerprint: UInt64
        public var evseID: String?
    }

    public static func scan(_ bytes: ArraySlice<UInt8>) throws(JSONParser.Error) -> Result {
        var s = State(bytes: bytes)
        s.skipWhitespace()
        guard s.peek == UInt8(ascii: "{") else { throw s.error("expected a JSON object") }
        let (hash, _) = try s.value(depth: 0, top: true)
        s.skipWhitespace()
        guard s.position == bytes.endIndex else { throw s.error("unexpected text after the JSON value") }
        return Result(fingerprint: hash, evseID: s.evseID)
    }

    private struct State {
        let bytes: ArraySlice<UInt8>
        var position: Int
        var evseID: String?
        /// Collects a string's decoded bytes when the caller needs its text.
        var collected: [UInt8] = []

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            position = bytes.startIndex
        }

        var peek: UInt8? { position < bytes.endIndex ? bytes[position] : nil }

        func error(_ message: String) -> JSONParser.Error {
            var line = 1
            var lineStart = bytes.startIndex
            for i in bytes.startIndex..<min(position, bytes.endIndex) where bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            return JSONParser.Error(message: message, line: line, column: position - lineStart + 1)
        }

        mutating func skipWhitespace() {
            while position < bytes.endIndex {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func expect(_ c: UInt8) throws(JSONParser.Error) {
            skipWhitespace()
            guard peek == c else { throw error("expected '\(Character(Unicode.Scalar(c)))'") }
            position += 1
        }

        /// The value's hash, and whether it is null.
        mutating func value(depth: Int, top: Bool = false) throws(JSONParser.Error) -> (UInt64, Bool) {
            guard depth <= 256 else { throw error("nesting deeper than 256 levels") }
            skipWhitespace()
            guard let c = peek else { throw error("unexpected end of input") }
            switch c {
            case UInt8(ascii: "{"):
                position += 1
                var sum: UInt64 = 0
                skipWhitespace()
                if peek == UInt8(ascii: "}") {
                    position += 1
                } else {
                    while true {
                        skipWhitespace()
                        guard peek == UInt8(ascii: "\"") else { throw error("expected a key") }
                        let key = try string(seed: RecordFingerprint.keySeed, collect: top)
                        var skip = false
                        var isEvseID = false
                        if top {
                            skip = collected.elementsEqual("deltaType".utf8) || collected.elementsEqual("lastUpdate".utf8)
                            isEvseID = collected.elementsEqual("EvseID".utf8)
                        }
                        try expect(UInt8(ascii: ":"))
                        skipWhitespace()
                        if isEvseID && peek == UInt8(ascii: "\"") {
                            let h = try string(seed: RecordFingerprint.stringSeed, collect: true)
                            evseID = String(decoding: collected, as: UTF8.self)
                            sum &+= RecordFingerprint.member(key: key, value: h)
                        } else {
                            let (h, isNull) = try value(depth: depth + 1)
                            if !isNull && !skip { sum &+= RecordFingerprint.member(key: key, value: h) }
                        }
                        skipWhitespace()
                        guard let d = peek else { throw error("unterminated object") }
                        position += 1
                        if d == UInt8(ascii: "}") { break }
                        guard d == UInt8(ascii: ",") else { throw error("expected ',' or '}' in an object") }
                    }
                }
                return (RecordFingerprint.object(sum), false)
            case UInt8(ascii: "["):
                position += 1
                var sum: UInt64 = 0
                var count = 0
                skipWhitespace()
                if peek == UInt8(ascii: "]") {
                    position += 1
                } else {
                    while true {
                        let (h, _) = try value(depth: depth + 1)
                        sum &+= RecordFingerprint.element(h)
                        count += 1
                        skipWhitespace()
                        guard let d = peek else { throw error("unterminated array") }
                        position += 1
                        if d == UInt8(ascii: "]") { break }
                        guard d == UInt8(ascii: ",") else { throw error("expected ',' or ']' in an array") }
                    }
                }
                return (RecordFingerprint.array(sum, count: count), false)
            case UInt8(ascii: "\""):
                return (try string(seed: RecordFingerprint.stringSeed, collect: false), false)
            case UInt8(ascii: "t"):
                try literal("true")
                return (RecordFingerprint.bool(true), false)
            case UInt8(ascii: "f"):
                try literal("false")
                return (RecordFingerprint.bool(false), false)
            case UInt8(ascii: "n"):
                try literal("null")
                return (RecordFingerprint.nullHash, true)
            default:
                return (try number(), false)
            }
        }

        mutating func literal(_ word: StaticString) throws(JSONParser.Error) {
            let n = word.utf8CodeUnitCount
            guard position + n <= bytes.endIndex else { throw error("unexpected end of input") }
            let text = UnsafeBufferPointer(start: word.utf8Start, count: n)
            guard bytes[position..<position + n].elementsEqual(text) else { throw error("unexpected character") }
            position += n
        }

        mutating func number() throws(JSONParser.Error) -> UInt64 {
            let start = position
            while position < bytes.endIndex && Self.isNumberByte(bytes[position]) { position += 1 }
            guard position > start else { throw error("unexpected character") }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            guard Double(text) != nil, bytes[start] != UInt8(ascii: "+") else { throw error("invalid number '\(text)'") }
            return RecordFingerprint.number(text)
        }

        static func isNumberByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2B || b == 0x2E || b == 0x65 || b == 0x45
        }

        /// Hashes a string's decoded bytes; with `collect`, also keeps them in `collected`.
        mutating func string(seed: UInt64, collect: Bool) throws(JSONParser.Error) -> UInt64 {
            position += 1
            var hasher = RecordFingerprint.StringHasher(seed: seed)
            if collect { collected.removeAll(keepingCapacity: true) }
            while true {
                guard position < bytes.endIndex else { throw error("unterminated string") }
                let b = bytes[position]
                if b == UInt8(ascii: "\"") {
                    position += 1
                    return hasher.value
                }
                if b < 0x20 { throw error("control character in a string") }
                position += 1
                if b != UInt8(ascii: "\\") {
                    hasher.add(b)
                    if collect { collected.append(b) }
                    continue
                }
                guard let e = peek else { throw error("unterminated escape") }
                position += 1
                var decoded: [UInt8]
                switch e {
                case UInt8(ascii: "\""): decoded = [0x22]
                case UInt8(ascii: "\\"): decoded = [0x5C]
                case UInt8(ascii: "/"): decoded = [0x2F]
                case UInt8(ascii: "b"): decoded = [0x08]
                case UInt8(ascii: "f"): decoded = [0x0C]
                case UInt8(ascii: "n"): decoded = [0x0A]
                case UInt8(ascii: "r"): decoded = [0x0D]
                case UInt8(ascii: "t"): decoded = [0x09]
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard position + 1 < bytes.endIndex, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
                        else { throw error("lone surrogate in \\u escape") }
                        position += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw error("invalid surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                    decoded = Array(String(Character(u)).utf8)
                default:
                    throw error("invalid escape")
                }
                for d in decoded {
                    hasher.add(d)
                    if collect { collected.append(d) }
                }
            }
        }

        mutating func hex4() throws(JSONParser.Error) -> UInt32 {
            guard let v = JSONEscape.hex4(bytes, at: position) else { throw error("invalid \\u escape") }
            position += 4
            return v
        }
    }
}
