/// A strict JSON parser (RFC 8259) for documents held in memory, with line numbers in errors
/// and a nesting limit.
public struct JSONParser {
    /// An error with the 1-based line and column where parsing stopped.
    public struct Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var line: Int
        public var column: Int
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    public var maxDepth: Int

    public init(maxDepth: Int = 256) {
        self.maxDepth = maxDepth
    }

    public func parse(_ bytes: [UInt8]) throws(Error) -> JSONValue {
        var state = State(bytes: bytes, maxDepth: maxDepth)
        // A UTF-8 byte order mark is tolerated.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { state.position = 3 }
        state.skipWhitespace()
        let value = try state.parseValue(depth: 0)
        state.skipWhitespace()
        guard state.position == bytes.count else { throw state.error("unexpected text after the JSON value") }
        return value
    }

    private struct State {
        let bytes: [UInt8]
        let maxDepth: Int
        var position = 0

        init(bytes: [UInt8], maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        func error(_ message: String) -> Error {
            var line = 1
            var lineStart = 0
            for i in 0..<min(position, bytes.count) where bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            return Error(message: message, line: line, column: position - lineStart + 1)
        }

        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x09, 0x0A, 0x0D: position += 1
                default: return
                }
            }
        }

        mutating func parseValue(depth: Int) throws(Error) -> JSONValue {
            guard depth <= maxDepth else { throw error("nesting deeper than \(maxDepth) levels") }
            guard position < bytes.count else { throw error("unexpected end of input") }
            switch bytes[position] {
            case UInt8(ascii: "{"): return try parseObject(depth: depth)
            case UInt8(ascii: "["): return try parseArray(depth: depth)
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try expect("true"); return .bool(true)
            case UInt8(ascii: "f"): try expect("false"); return .bool(false)
            case UInt8(ascii: "n"): try expect("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
            default: throw error("unexpected character '\(Character(Unicode.Scalar(bytes[position])))'")
            }
        }

        mutating func expect(_ word: StaticString) throws(Error) {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count else { throw error("unexpected end of input") }
            var matches = true
            word.withUTF8Buffer { w in
                for i in 0..<count where bytes[position + i] != w[i] { matches = false }
            }
            guard matches else { throw error("invalid literal") }
            position += count
        }

        mutating func parseObject(depth: Int) throws(Error) -> JSONValue {
            position += 1
            var members: [JSONMember] = []
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                    throw error("expected a string key")
                }
                let key = try parseString()
                skipWhitespace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':'") }
                position += 1
                skipWhitespace()
                let value = try parseValue(depth: depth + 1)
                members.append(JSONMember(key: key, value: value))
                skipWhitespace()
                guard position < bytes.count else { throw error("unexpected end of input in an object") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                if bytes[position] == UInt8(ascii: "}") {
                    position += 1
                    return .object(members)
                }
                throw error("expected ',' or '}'")
            }
        }

        mutating func parseArray(depth: Int) throws(Error) -> JSONValue {
            position += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            }
            while true {
                skipWhitespace()
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                guard position < bytes.count else { throw error("unexpected end of input in an array") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                if bytes[position] == UInt8(ascii: "]") {
                    position += 1
                    return .array(items)
                }
                throw error("expected ',' or ']'")
            }
        }

        mutating func parseNumber() throws(Error) -> String {
            let start = position
            if bytes[position] == UInt8(ascii: "-") { position += 1 }
            func digits(_ s: inout State) -> Int {
                var n = 0
                while s.position < s.bytes.count, (0x30...0x39).contains(s.bytes[s.position]) {
                    s.position += 1
                    n += 1
                }
                return n
            }
            guard position < bytes.count else { throw error("invalid number") }
            if bytes[position] == UInt8(ascii: "0") {
                position += 1
            } else if digits(&self) == 0 {
                throw error("invalid number")
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
                position += 1
                guard digits(&self) > 0 else { throw error("invalid number: no digits after '.'") }
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                    position += 1
                }
                guard digits(&self) > 0 else { throw error("invalid number: no exponent digits") }
            }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }

        mutating func parseString() throws(Error) -> String {
            position += 1
            var out: [UInt8] = []
            var start = position
            while true {
                guard position < bytes.count else { throw error("unterminated string") }
                let b = bytes[position]
                if b == UInt8(ascii: "\"") {
                    out.append(contentsOf: bytes[start..<position])
                    position += 1
                    break
                }
                if b < 0x20 { throw error("control character in a string") }
                if b == UInt8(ascii: "\\") {
                    out.append(contentsOf: bytes[start..<position])
                    position += 1
                    guard position < bytes.count else { throw error("unterminated escape") }
                    let e = bytes[position]
                    position += 1
                    switch e {
                    case UInt8(ascii: "\""): out.append(0x22)
                    case UInt8(ascii: "\\"): out.append(0x5C)
                    case UInt8(ascii: "/"): out.append(0x2F)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800..<0xDC00).contains(scalar) {
                            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                                bytes[position + 1] == UInt8(ascii: "u")
                            else { throw error("lone surrogate in \\u escape") }
                            position += 2
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else { throw error("invalid surrogate pair") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00..<0xE000).contains(scalar) {
                            throw error("lone surrogate in \\u escape")
                        }
                        guard let u = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                        out.append(contentsOf: Array(String(Character(u)).utf8))
                    default:
                        throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))'")
                    }
                    start = position
                    continue
                }
                position += 1
            }
            guard let text = String(validating: out, as: UTF8.self) else { throw error("invalid UTF-8 in a string") }
            return text
        }

        mutating func hex4() throws(Error) -> UInt32 {
            guard position + 4 <= bytes.count else { throw error("truncated \\u escape") }
            guard let v = JSONEscape.hex4(bytes, at: position) else { throw error("invalid hex digit in \\u escape") }
            position += 4
            return v
        }
    }
}
