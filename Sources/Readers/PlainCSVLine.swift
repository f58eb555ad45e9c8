/// Splits a CSV line that holds no quote character, as libcsv would, without going through it
/// byte by byte: most lines of an export are plain, and libcsv's state machine costs some
/// forty instructions per byte. Anything else (a quote anywhere, a carriage return before the
/// end, a line inside a quoted field) is left to libcsv; a test compares the two on generated
/// lines.
enum PlainCSVLine {
    /// The fields of `line` (one physical line, with or without its line break): their bytes one
    /// after another and where each ends, made at their final size; nil when the line is not
    /// plain. Spaces (and tabs, unless the delimiter is a tab) around a field are trimmed, as
    /// libcsv does.
    static func row(_ line: UnsafeBufferPointer<UInt8>, delimiter: UInt8, quote: UInt8) -> (bytes: [UInt8], ends: [Int32])? {
        guard delimiter != 0x20, delimiter != quote, let base = line.baseAddress else { return nil }
        var end = line.count
        if end > 0 && line[end - 1] == 0x0A { end -= 1 }
        if end > 0 && line[end - 1] == 0x0D { end -= 1 }
        guard !ByteScan.containsAny(quote, 0x0D, 0x0A, in: line, end: end) else { return nil }
        let tabIsSpace = delimiter != 0x09
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (tabIsSpace && b == 0x09) }
        // The fields' bounds first: libcsv's handling of blank and space-only lines (no field with
        // any text) is left to libcsv, and the arrays are made once at their size.
        return withUnsafeTemporaryAllocation(of: (Int, Int).self, capacity: end + 1) { bounds -> (bytes: [UInt8], ends: [Int32])? in
            var n = 0
            var total = 0
            var start = 0
            var i = 0
            while true {
                if i == end || line[i] == delimiter {
                    var s = start
                    var e = i
                    while s < e && isSpace(line[s]) { s += 1 }
                    while e > s && isSpace(line[e - 1]) { e -= 1 }
                    bounds[n] = (s, e)
                    n += 1
                    total += e - s
                    if i == end { break }
                    start = i + 1
                }
                i += 1
            }
            guard total > 0 else { return nil }
            let bytes = [UInt8](unsafeUninitializedCapacity: total) { out, count in
                var at = 0
                for k in 0..<n where bounds[k].1 > bounds[k].0 {
                    let length = bounds[k].1 - bounds[k].0
                    (out.baseAddress! + at).initialize(from: base + bounds[k].0, count: length)
                    at += length
                }
                count = at
            }
            let ends = [Int32](unsafeUninitializedCapacity: n) { out, count in
                var at = 0
                for k in 0..<n {
                    at += bounds[k].1 - bounds[k].0
                    out[k] = Int32(truncatingIfNeeded: at)
                }
                count = n
            }
            return (bytes, ends)
        }
    }

    /// `row`, field by field (for tests and callers that want the pieces).
    static func split(_ line: UnsafeBufferPointer<UInt8>, delimiter: UInt8, quote: UInt8,
                      field: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        guard let row = row(line, delimiter: delimiter, quote: quote) else { return false }
        row.bytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for end in row.ends {
                field(UnsafeBufferPointer(rebasing: bytes[start..<Int(end)]))
                start = Int(end)
            }
        }
        return true
    }
}
