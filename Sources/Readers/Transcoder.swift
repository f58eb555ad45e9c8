/// Turns the bytes of a file, chunk by chunk, into UTF-8.
///
/// Removes a byte order mark, resolves `auto`, and converts single-byte and UTF-16 text.
/// UTF-8 input passes through untouched (its validity is checked per record by the reader).
struct Transcoder {
    private(set) var encoding: TextEncoding
    private var started = false
    private var carry: [UInt8] = []  // an incomplete UTF-16 unit or surrogate pair

    init(encoding: TextEncoding) {
        self.encoding = encoding
    }

    /// Converts one chunk. `chunk` must be the next bytes of the file; at the start, the chunk
    /// should hold enough text to sniff the encoding (the reader passes 1 MiB).
    mutating func convert(_ chunk: [UInt8]) -> [UInt8] {
        var bytes = chunk[...]
        if !started {
            started = true
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                bytes = bytes.dropFirst(3)
                if encoding == .auto { encoding = .utf8 }
            } else if bytes.starts(with: [0xFF, 0xFE]) && (encoding == .auto || encoding == .utf16LE) {
                bytes = bytes.dropFirst(2)
                encoding = .utf16LE
            } else if bytes.starts(with: [0xFE, 0xFF]) && (encoding == .auto || encoding == .utf16BE) {
                bytes = bytes.dropFirst(2)
                encoding = .utf16BE
            }
            if encoding == .auto { encoding = Self.sniff(bytes) }
        }
        switch encoding {
        case .utf8, .auto:
            return Array(bytes)
        case .latin1:
            return Self.singleByte(bytes, table: nil)
        case .windows1252:
            return Self.singleByte(bytes, table: Self.cp1252)
        case .utf16LE, .utf16BE:
            return utf16(bytes, bigEndian: encoding == .utf16BE)
        }
    }

    /// Whether the bytes look like UTF-8 (a sequence cut at the end is fine).
    static func sniff(_ bytes: ArraySlice<UInt8>) -> TextEncoding {
        // UTF-16 without a byte order mark: many zero bytes at odd or even positions.
        let sample = bytes.prefix(4096)
        if sample.count >= 4 {
            var evenZeros = 0
            var oddZeros = 0
            for (i, b) in sample.enumerated() where b == 0 {
                if i % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
            }
            if oddZeros > sample.count / 4 && evenZeros == 0 { return .utf16LE }
            if evenZeros > sample.count / 4 && oddZeros == 0 { return .utf16BE }
        }
        var data = Array(bytes)
        // Do not judge a sequence that the chunk boundary cut.
        var cut = 0
        while cut < 3 && cut < data.count && data[data.count - 1 - cut] & 0xC0 == 0x80 { cut += 1 }
        if cut < data.count && data[data.count - 1 - cut] >= 0xC0 { data.removeLast(cut + 1) }
        return String(validating: data, as: UTF8.self) == nil ? .windows1252 : .utf8
    }

    /// Windows-1252's characters for 0x80–0x9F (nil where the code page has none; kept as C1).
    static let cp1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func singleByte(_ bytes: ArraySlice<UInt8>, table: [UInt32]?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
                continue
            }
            let scalar: UInt32 = (table != nil && b < 0xA0) ? table![Int(b - 0x80)] : UInt32(b)
            appendUTF8(scalar, to: &out)
        }
        return out
    }

    private mutating func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
        var input = carry
        input.append(contentsOf: bytes)
        carry = []
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = 0
        func unit(_ at: Int) -> UInt32 {
            bigEndian ? UInt32(input[at]) << 8 | UInt32(input[at + 1]) : UInt32(input[at + 1]) << 8 | UInt32(input[at])
        }
        while i + 1 < input.count {
            let u = unit(i)
            if (0xD800..<0xDC00).contains(u) {
                guard i + 3 < input.count else { break }
                let low = unit(i + 2)
                if (0xDC00..<0xE000).contains(low) {
                    appendUTF8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), to: &out)
                    i += 4
                } else {
                    appendUTF8(0xFFFD, to: &out)
                    i += 2
                }
            } else if (0xDC00..<0xE000).contains(u) {
                appendUTF8(0xFFFD, to: &out)
                i += 2
            } else {
                appendUTF8(u, to: &out)
                i += 2
            }
        }
        if i < input.count { carry = Array(input[i...]) }
        return out
    }

    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    private func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) { Self.appendUTF8(scalar, to: &out) }
}
