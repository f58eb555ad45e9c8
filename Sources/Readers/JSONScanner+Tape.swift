import ETLCore

/// Reading a value flat, as a `SourceTape`: the same checks and messages as `parseValue`, but
/// keys and texts are copied into one buffer instead of becoming strings, and objects and arrays
/// into one list of entries instead of lists of their own.
extension JSONScanner {
    /// The value at `position` (at nesting level `depth`) as a tape; its root is entry 0.
    mutating func parseTape(depth: Int) throws -> SourceTape {
        var tape = SourceTape.Builder(entryCapacity: tapeEntries, byteCapacity: tapeBytes)
        do {
            try tapeValue(depth: depth, keyStart: 0, keyCount: 0, &tape)
        } catch {
            tape.discard()
            throw error
        }
        tapeEntries = max(tape.count, 16)
        tapeBytes = max(tape.byteTotal, 256)
        return SourceTape(taking: tape)
    }

    private mutating func tapeValue(depth: Int, keyStart: UInt32, keyCount: UInt32, _ tape: inout SourceTape.Builder) throws {
        guard depth <= maxDepth else { throw error("nesting deeper than \(maxDepth) levels", rule: "json.too-deep") }
        guard position < bytes.count else { throw error("the file ends where a value was expected", rule: "json.syntax") }
        guard tape.count < Int(UInt32.max) else { throw error("an item holds more than \(UInt32.max) values", rule: "json.item-too-large") }
        let index = tape.append(SourceTape.Entry(kind: .null, line: UInt32(truncatingIfNeeded: line), keyStart: keyStart, keyCount: keyCount))
        switch bytes[position] {
        case UInt8(ascii: "{"):
            tape[index].kind = .object
            position += 1
            skipWhitespace()
            if peek == UInt8(ascii: "}") {
                position += 1
                break
            }
            while true {
                skipWhitespace()
                guard peek == UInt8(ascii: "\"") else { throw error("expected a key in quotes", rule: "json.syntax") }
                let (start, count) = try tapeKey(&tape)
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                skipWhitespace()
                try tapeValue(depth: depth + 1, keyStart: start, keyCount: count, &tape)
                skipWhitespace()
                if peek == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "}"))
                break
            }
        case UInt8(ascii: "["):
            tape[index].kind = .array
            position += 1
            skipWhitespace()
            if peek == UInt8(ascii: "]") {
                position += 1
                break
            }
            while true {
                skipWhitespace()
                try tapeValue(depth: depth + 1, keyStart: 0, keyCount: 0, &tape)
                skipWhitespace()
                if peek == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "]"))
                break
            }
        case UInt8(ascii: "\""):
            tape[index].kind = .text
            (tape[index].textStart, tape[index].textCount) = try tapeString(&tape)
        case UInt8(ascii: "t"):
            try literal("true")
            tape[index].kind = .true
        case UInt8(ascii: "f"):
            try literal("false")
            tape[index].kind = .false
        case UInt8(ascii: "n"):
            try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = position
            while position < bytes.count, Self.isNumberByte(bytes[position]) { position += 1 }
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<position])
            if !Self.isPlainDecimal(raw) {
                let number = String(decoding: raw, as: UTF8.self)
                guard Double(number) != nil else { throw error("'\(number)' is not a number", rule: "json.syntax") }
            }
            tape[index].kind = .number
            (tape[index].textStart, tape[index].textCount) = try append(raw, to: &tape)
        default:
            throw error("unexpected '\(Character(Unicode.Scalar(bytes[position])))'", rule: "json.syntax")
        }
        tape[index].end = UInt32(tape.count)
    }

    /// The end of the run of plain bytes (no quote, backslash or control character) from `start`,
    /// and whether any of them is a capital letter or a byte beyond ASCII.
    @inline(__always) private func plainRun(from start: Int) -> (end: Int, capitals: Bool, ascii: Bool) {
        var p = start
        var capitals = false
        var high: UInt8 = 0
        while p < bytes.count {
            let b = bytes[p]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b < 0x20 { break }
            capitals = capitals || (b &- 0x41) < 26
            high |= b
            p += 1
        }
        return (p, capitals, high < 0x80)
    }

    /// A key (`position` on its opening quote): its bytes as written when it needs no change,
    /// else as `parseKey` makes it (escapes, snake_case, and its errors).
    private mutating func tapeKey(_ tape: inout SourceTape.Builder) throws -> (UInt32, UInt32) {
        // A key without capitals is the same in snake_case.
        let start = position + 1
        let (end, capitals, ascii) = plainRun(from: start)
        if !(snakeCaseKeys && capitals), end < bytes.count, bytes[end] == UInt8(ascii: "\""), end - start <= maxStringBytes {
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if ascii || ByteScan.isValidUTF8(raw) {
                position = end + 1
                return try append(raw, to: &tape)
            }
        }
        var key = try parseKey()
        return try key.withUTF8 { try append($0, to: &tape) }
    }

    /// A string (`position` on its opening quote): without escapes read here, else by `parseString`.
    private mutating func tapeString(_ tape: inout SourceTape.Builder) throws -> (UInt32, UInt32) {
        let start = position + 1
        let (end, _, ascii) = plainRun(from: start)
        // As `parseString` decides, in its order: too long, then what ends the run.
        if end - start > maxStringBytes { throw error("a string longer than \(maxStringBytes) bytes", rule: "json.too-large") }
        if end < bytes.count {
            let b = bytes[end]
            if b == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
                guard ascii || ByteScan.isValidUTF8(raw) else { throw error("invalid UTF-8 in a string", rule: "json.encoding") }
                position = end + 1
                return try append(raw, to: &tape)
            }
            if b == 0x0A { throw error("a line break inside a string", rule: "json.syntax") }
            if b < 0x20 { throw error("a control character inside a string", rule: "json.syntax") }
        }
        // An escape, or the file ends inside the string: read from the quote the general way (no
        // line break was passed, so the line is still right).
        var string = try parseString()
        return try string.withUTF8 { try append($0, to: &tape) }
    }

    /// Whether the bytes are `-?digits(.digits)?`: a number `Double` always reads, checked
    /// without making a text of it.
    static func isPlainDecimal(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if i < s.count, s[i] == UInt8(ascii: "-") { i += 1 }
        var digits = 0
        while i < s.count, s[i] >= 0x30 && s[i] <= 0x39 {
            i += 1
            digits += 1
        }
        guard digits > 0 else { return false }
        if i == s.count { return true }
        guard s[i] == UInt8(ascii: ".") else { return false }
        i += 1
        var fraction = 0
        while i < s.count, s[i] >= 0x30 && s[i] <= 0x39 {
            i += 1
            fraction += 1
        }
        return fraction > 0 && i == s.count
    }

    private func append(_ raw: UnsafeBufferPointer<UInt8>, to tape: inout SourceTape.Builder) throws -> (UInt32, UInt32) {
        guard tape.byteTotal + raw.count <= SourceTape.maxBytes else {
            throw error("an item holds more than \(SourceTape.maxBytes) bytes of text", rule: "json.item-too-large")
        }
        return (UInt32(tape.append(raw)), UInt32(raw.count))
    }
}
