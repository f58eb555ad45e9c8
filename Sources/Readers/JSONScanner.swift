import ETLCore

/// A JSON tokenizer over bytes in memory that builds `SourceNode` trees one value at a time,
/// knowing the line of every object, with limits on nesting and string size.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    let maxDepth: Int
    let maxStringBytes: Int
    /// Keys written in camelCase are read in snake_case (`postalCode` → `postal_code`).
    var snakeCaseKeys = false {
        // The keys read so far were converted the other way (none, when set before reading).
        didSet { if snakeCaseKeys != oldValue { keys.removeAll() } }
    }
    /// The keys read so far, as returned (converted when `snakeCaseKeys`).
    private var keys = JSONKeyCache()
    var position = 0
    /// The line of `position`.
    private(set) var line = 1
    /// The sizes of the last tape built (`parseTape`): the next is made with room for as much.
    var tapeEntries = 64
    var tapeBytes = 1024

    /// `bytes` must stay valid while the scanner is used (the reader owns them).
    init(bytes: UnsafeBufferPointer<UInt8>, file: String, maxDepth: Int, maxStringBytes: Int) {
        self.bytes = bytes
        self.file = file
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
    }

    /// `postalCode` → `postal_code`, `evseId` → `evse_id`; keys without capitals stay as they are.
    static func snakeCase(_ key: String) -> String {
        guard key.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return key }
        var out = ""
        var previousLower = false
        for c in key {
            if c.isUppercase {
                if previousLower { out.append("_") }
                out += c.lowercased()
                previousLower = false
            } else {
                out.append(c)
                previousLower = c.isLowercase || c.isNumber
            }
        }
        return out
    }

    var atEnd: Bool { position >= bytes.count }
    var peek: UInt8 { position < bytes.count ? bytes[position] : 0 }

    mutating func advance() {
        if bytes[position] == 0x0A { line += 1 }
        position += 1
    }

    func error(_ message: String, rule: String) -> Diagnostic {
        Diagnostic(.error, rule: rule, message, file: file, line: line)
    }

    mutating func skipByteOrderMark() {
        if bytes.count >= position + 3, bytes[position] == 0xEF, bytes[position + 1] == 0xBB, bytes[position + 2] == 0xBF { position += 3 }
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x0A:
                line += 1
                position += 1
            case 0x20, 0x09, 0x0D: position += 1
            default: return
            }
        }
    }

    mutating func expect(_ byte: UInt8) throws {
        guard position < bytes.count else { throw error("the file ends where '\(Character(Unicode.Scalar(byte)))' was expected", rule: "json.syntax") }
        guard bytes[position] == byte else {
            throw error("expected '\(Character(Unicode.Scalar(byte)))', found '\(Character(Unicode.Scalar(bytes[position])))'", rule: "json.syntax")
        }
        position += 1
    }

    mutating func parseValue(depth: Int) throws -> SourceNode {
        guard depth <= maxDepth else { throw error("nesting deeper than \(maxDepth) levels", rule: "json.too-deep") }
        guard position < bytes.count else { throw error("the file ends where a value was expected", rule: "json.syntax") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            let start = line
            position += 1
            var object = SourceObject(line: start)
            skipWhitespace()
            if peek == UInt8(ascii: "}") {
                position += 1
                return .object(object)
            }
            while true {
                skipWhitespace()
                guard peek == UInt8(ascii: "\"") else { throw error("expected a key in quotes", rule: "json.syntax") }
                let key = try parseKey()
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                skipWhitespace()
                object.append(key, try parseValue(depth: depth + 1))
                skipWhitespace()
                if peek == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "}"))
                return .object(object)
            }
        case UInt8(ascii: "["):
            position += 1
            var items: [SourceNode] = []
            skipWhitespace()
            if peek == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            }
            while true {
                skipWhitespace()
                items.append(try parseValue(depth: depth + 1))
                skipWhitespace()
                if peek == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "]"))
                return .array(items)
            }
        case UInt8(ascii: "\""):
            return .text(try parseString())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = position
            while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            guard Double(text) != nil else { throw error("'\(text)' is not a number", rule: "json.syntax") }
            return .number(text)
        default:
            throw error("unexpected '\(Character(Unicode.Scalar(bytes[position])))'", rule: "json.syntax")
        }
    }

    static func isNumberByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".")
            || b == UInt8(ascii: "e") || b == UInt8(ascii: "E")
    }

    mutating func literal(_ word: String) throws {
        for b in word.utf8 {
            guard position < bytes.count, bytes[position] == b else { throw error("expected \(word)", rule: "json.syntax") }
            position += 1
        }
    }

    /// A key: taken from the keys read before when its bytes were (plain keys without escapes or
    /// control characters), else read as a string and remembered; `position` is on the opening
    /// quote.
    mutating func parseKey() throws -> String {
        let start = position + 1
        var end = start
        while end < bytes.count && end - start <= JSONKeyCache.maxKeyBytes {
            let b = bytes[end]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
            end += 1
        }
        let plain = end < bytes.count && bytes[end] == UInt8(ascii: "\"")
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if plain, let key = keys.key(for: raw) {
            position = end + 1
            return key
        }
        var key = try parseString()
        if snakeCaseKeys { key = Self.snakeCase(key) }
        if plain { keys.store(key, for: raw) }
        return key
    }

    /// A string; `position` is on the opening quote.
    mutating func parseString() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = position
        // Fast path: no escapes.
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                let s = try makeString(bytes[start..<position])
                position += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 {
                if b == 0x0A { throw error("a line break inside a string", rule: "json.syntax") }
                throw error("a control character inside a string", rule: "json.syntax")
            }
            position += 1
            if position - start > maxStringBytes { throw error("a string longer than \(maxStringBytes) bytes", rule: "json.too-large") }
        }
        var out = Array(bytes[start..<position])
        while position < bytes.count {
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                position += 1
                return try makeString(out[...])
            }
            if b < 0x20 { throw error("a control character inside a string", rule: "json.syntax") }
            if out.count > maxStringBytes { throw error("a string longer than \(maxStringBytes) bytes", rule: "json.too-large") }
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                position += 1
                continue
            }
            position += 1
            guard position < bytes.count else { break }
            let e = bytes[position]
            position += 1
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar), position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                {
                    position += 2
                    let low = try hex4()
                    scalar = (0xDC00..<0xE000).contains(low) ? 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD
                }
                let u = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))'", rule: "json.syntax")
            }
        }
        throw error("the file ends inside a string", rule: "json.syntax")
    }

    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("truncated \\u escape", rule: "json.syntax") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[position]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw error("invalid \\u escape", rule: "json.syntax")
            }
            v = v * 16 + d
            position += 1
        }
        return v
    }

    private func makeString(_ slice: Slice<UnsafeBufferPointer<UInt8>>) throws -> String {
        try makeString(UnsafeBufferPointer(rebasing: slice))
    }

    private func makeString(_ slice: ArraySlice<UInt8>) throws -> String {
        try slice.withUnsafeBufferPointer { try makeString($0) }
    }

    /// The text of the bytes, checked first with the readers' own UTF-8 check (the generic
    /// `String(validating:)` costs several times more per string).
    private func makeString(_ bytes: UnsafeBufferPointer<UInt8>) throws -> String {
        guard ByteScan.isASCII(bytes) || ByteScan.isValidUTF8(bytes) else { throw error("invalid UTF-8 in a string", rule: "json.encoding") }
        return String(decoding: bytes, as: UTF8.self)
    }
}
