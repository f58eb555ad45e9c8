/// Splits a CSV line that holds no quote character, as libcsv would, without going through it
/// byte by byte: most lines of an export are plain, and libcsv's state machine costs some
/// forty instructions per byte. Anything else (a quote anywhere, a carriage return before the
/// end, a line inside a quoted field) is left to libcsv; a test compares the two on generated
/// lines.
///
/// Nothing is copied: the fields are found where they are, eight bytes at a time, and given as
/// bounds into the line's buffer.
enum PlainCSVLine {
    /// Where the fields of `line` (one physical line, with or without its line break) lie: field
    /// `i` is `bounds[2 i] ..< bounds[2 i + 1]`, counted from `offset` (the line's position in its
    /// buffer); and whether the line is all ASCII. Nil when the line is not plain. Spaces (and
    /// tabs, unless the delimiter is a tab) around a field are left out, as libcsv trims them.
    static func bounds(_ line: UnsafeBufferPointer<UInt8>, offset: Int, delimiter: UInt8, quote: UInt8) -> (bounds: [Int32], isASCII: Bool)? {
        var scratch: [Int32] = []
        return bounds(line, offset: offset, delimiter: delimiter, quote: quote, scratch: &scratch)
    }

    /// As above, in one pass over the line: the bounds are gathered in `scratch` (kept by the
    /// caller from line to line) and copied out at their size. A line of more than
    /// `scratchFields` fields is split by `countedBounds`, which counts them first.
    static func bounds(_ line: UnsafeBufferPointer<UInt8>, offset: Int, delimiter: UInt8, quote: UInt8,
                       scratch: inout [Int32]) -> (bounds: [Int32], isASCII: Bool)? {
        guard delimiter != 0x20, delimiter != quote, let base = line.baseAddress else { return nil }
        var end = line.count
        if end > 0 && line[end - 1] == 0x0A { end -= 1 }
        if end > 0 && line[end - 1] == 0x0D { end -= 1 }
        let raw = UnsafeRawPointer(base)
        let tabIsSpace = delimiter != 0x09
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (tabIsSpace && b == 0x09) }
        if scratch.count < 2 * scratchFields { scratch = [Int32](repeating: 0, count: 2 * scratchFields) }
        var high: UInt64 = 0
        var anyText = false
        var full = false
        let k: Int? = scratch.withUnsafeMutableBufferPointer { out in
            var k = 0
            var start = 0
            @inline(__always) func close(at e: Int) {
                guard k + 2 <= out.count else {
                    full = true
                    return
                }
                var s = start
                var e = e
                while s < e && isSpace(base[s]) { s += 1 }
                while e > s && isSpace(base[e - 1]) { e -= 1 }
                if e > s { anyText = true }
                out[k] = Int32(truncatingIfNeeded: offset + s)
                out[k + 1] = Int32(truncatingIfNeeded: offset + e)
                k += 2
            }
            var i = 0
            while i + 8 <= end {
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // A quote or a line break inside: libcsv reads the line.
                if ByteScan.word(x, hasAnyOf: quote, 0x0D, 0x0A) { return nil }
                high |= x
                var m = ByteScan.lanes(x, equalTo: delimiter)
                while m != 0 {
                    let at = i + m.trailingZeroBitCount >> 3
                    close(at: at)
                    start = at + 1
                    m &= m &- 1
                }
                i += 8
            }
            while i < end {
                let b = base[i]
                if b == quote || b == 0x0D || b == 0x0A { return nil }
                high |= UInt64(b)
                if b == delimiter {
                    close(at: i)
                    start = i + 1
                }
                i += 1
            }
            close(at: end)
            return k
        }
        if full { return countedBounds(line, offset: offset, delimiter: delimiter, quote: quote) }
        // libcsv's handling of blank and space-only lines (no field with any text) is left to it.
        guard let k, anyText else { return nil }
        return (Array(scratch[0..<k]), high & 0x8080_8080_8080_8080 == 0)
    }

    /// The most fields `bounds(_:offset:delimiter:quote:scratch:)` gathers in its scratch.
    static let scratchFields = 1024

    static func countedBounds(_ line: UnsafeBufferPointer<UInt8>, offset: Int, delimiter: UInt8, quote: UInt8) -> (bounds: [Int32], isASCII: Bool)? {
        guard delimiter != 0x20, delimiter != quote, let base = line.baseAddress else { return nil }
        var end = line.count
        if end > 0 && line[end - 1] == 0x0A { end -= 1 }
        if end > 0 && line[end - 1] == 0x0D { end -= 1 }
        let raw = UnsafeRawPointer(base)
        // First the delimiters are counted (the bounds are made at their size) and the bytes
        // libcsv must see looked for.
        var delimiters = 0
        var high: UInt64 = 0
        var i = 0
        while i + 8 <= end {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if ByteScan.word(x, hasAnyOf: quote, 0x0D, 0x0A) { return nil }
            // One bit per matching lane, shifted to the lane's lowest bit and summed into the top
            // lane by the multiplication (at most 8, no carry out of a lane).
            delimiters += Int(truncatingIfNeeded: ((ByteScan.lanes(x, equalTo: delimiter) >> 7) &* 0x0101_0101_0101_0101) >> 56)
            high |= x
            i += 8
        }
        while i < end {
            let b = base[i]
            if b == quote || b == 0x0D || b == 0x0A { return nil }
            if b == delimiter { delimiters += 1 }
            high |= UInt64(b)
            i += 1
        }
        let tabIsSpace = delimiter != 0x09
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (tabIsSpace && b == 0x09) }
        let fields = delimiters + 1
        var anyText = false
        let bounds = [Int32](unsafeUninitializedCapacity: 2 * fields) { out, count in
            var k = 0
            var start = 0
            @inline(__always) func close(at e: Int) {
                var s = start
                var e = e
                while s < e && isSpace(base[s]) { s += 1 }
                while e > s && isSpace(base[e - 1]) { e -= 1 }
                if e > s { anyText = true }
                out[k] = Int32(truncatingIfNeeded: offset + s)
                out[k + 1] = Int32(truncatingIfNeeded: offset + e)
                k += 2
            }
            var i = 0
            while i + 8 <= end {
                var m = ByteScan.lanes(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self), equalTo: delimiter)
                while m != 0 {
                    let at = i + m.trailingZeroBitCount >> 3
                    close(at: at)
                    start = at + 1
                    m &= m &- 1
                }
                i += 8
            }
            while i < end {
                if base[i] == delimiter {
                    close(at: i)
                    start = i + 1
                }
                i += 1
            }
            close(at: end)
            count = k
        }
        // libcsv's handling of blank and space-only lines (no field with any text) is left to it.
        guard anyText else { return nil }
        return (bounds, high & 0x8080_8080_8080_8080 == 0)
    }


    /// The fields of a plain line, one by one (for tests and callers that want the pieces); false
    /// when the line is not plain.
    static func split(_ line: UnsafeBufferPointer<UInt8>, delimiter: UInt8, quote: UInt8,
                      field: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        guard let found = bounds(line, offset: 0, delimiter: delimiter, quote: quote) else { return false }
        for k in stride(from: 0, to: found.bounds.count, by: 2) {
            field(UnsafeBufferPointer(rebasing: line[Int(found.bounds[k])..<Int(found.bounds[k + 1])]))
        }
        return true
    }
}
