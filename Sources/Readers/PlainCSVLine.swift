/// Splits a CSV line that holds no quote character, as libcsv would, without going through it
/// byte by byte: most lines of an export are plain, and libcsv's state machine costs some
/// forty instructions per byte. Anything else (a quote anywhere, a carriage return before the
/// end, a line inside a quoted field) is left to libcsv; a test compares the two on generated
/// lines.
enum PlainCSVLine {
    /// Calls `field` for each field of `line` (one physical line, with or without its line break)
    /// and returns true; returns false, having called nothing, when the line is not plain.
    /// Spaces (and tabs, unless the delimiter is a tab) around a field are trimmed, as libcsv does.
    static func split(_ line: UnsafeBufferPointer<UInt8>, delimiter: UInt8, quote: UInt8,
                      field: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        guard delimiter != 0x20, delimiter != quote, let base = line.baseAddress else { return false }
        var end = line.count
        if end > 0 && line[end - 1] == 0x0A { end -= 1 }
        if end > 0 && line[end - 1] == 0x0D { end -= 1 }
        guard !containsAny(line, end: end, quote) else { return false }
        let tabIsSpace = delimiter != 0x09
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (tabIsSpace && b == 0x09) }
        // The fields' bounds first: libcsv's handling of blank and space-only lines (no field with
        // any text) is left to libcsv, so nothing may be passed on before that is known.
        return withUnsafeTemporaryAllocation(of: (Int, Int).self, capacity: end + 1) { bounds in
            var n = 0
            var visible = false
            var start = 0
            var i = 0
            while true {
                if i == end || line[i] == delimiter {
                    var s = start
                    var e = i
                    while s < e && isSpace(line[s]) { s += 1 }
                    while e > s && isSpace(line[e - 1]) { e -= 1 }
                    if e > s { visible = true }
                    bounds[n] = (s, e)
                    n += 1
                    if i == end { break }
                    start = i + 1
                }
                i += 1
            }
            guard visible else { return false }
            for k in 0..<n { field(UnsafeBufferPointer(start: base + bounds[k].0, count: bounds[k].1 - bounds[k].0)) }
            return true
        }
    }

    /// Whether the first `end` bytes hold the quote, a carriage return or a line feed (eight
    /// bytes at a time).
    static func containsAny(_ s: UnsafeBufferPointer<UInt8>, end: Int, _ quote: UInt8) -> Bool {
        var i = 0
        if let base = s.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs = ones &* 0x80
            @inline(__always) func has(_ x: UInt64, _ b: UInt8) -> Bool {
                let y = x ^ (ones &* UInt64(b))
                return (y &- ones) & ~y & highs != 0
            }
            while i + 8 <= end {
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if has(x, quote) || has(x, 0x0D) || has(x, 0x0A) { return true }
                i += 8
            }
        }
        while i < end {
            let b = s[i]
            if b == quote || b == 0x0D || b == 0x0A { return true }
            i += 1
        }
        return false
    }
}
