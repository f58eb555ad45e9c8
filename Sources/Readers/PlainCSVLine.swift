import CScan
import ETLCore

/// Splits a CSV line that holds no quote character, as libcsv would, without going through it
/// byte by byte: most lines of an export are plain, and libcsv's state machine costs some
/// forty instructions per byte. Anything else (a quote anywhere, a carriage return before the
/// end, a line inside a quoted field) is left to libcsv; a test compares the two on generated
/// lines.
///
/// Nothing is copied: the fields are found where they are, sixty-four bytes of comparisons at a
/// time, and given as bounds into the line's buffer.
enum PlainCSVLine {
    /// Where the fields of `line` (one physical line, with or without its line break) lie: field
    /// `i` is `bounds[2 i] ..< bounds[2 i + 1]`, counted from `offset` (the line's position in its
    /// buffer); and whether the line is all ASCII. Nil when the line is not plain. Spaces (and
    /// tabs, unless the delimiter is a tab) around a field are left out, as libcsv trims them.
    static func bounds(_ line: UnsafeBufferPointer<UInt8>, offset: Int, delimiter: UInt8, quote: UInt8) -> (bounds: [Int32], isASCII: Bool, largestField: Int)? {
        // An arena of exactly the room a kept one may have: a line of more fields than
        // `scratchFields` gets one of its own, as in the reader.
        var arena = BoundsArena(capacity: 2 * scratchFields)
        guard let found = bounds(line, offset: offset, delimiter: delimiter, quote: quote, arena: &arena) else { return nil }
        return (Array(found.bounds.buffer), found.isASCII, found.largestField)
    }

    /// As above, in one pass over the line, the bounds written straight into `arena` (replaced by
    /// a new one of `arenaCapacity` when it has room for fewer than `scratchFields` fields): no
    /// list of each row's own. A line of more fields than the arena has room for has its
    /// delimiters counted and gets an arena of its size.
    static func bounds(_ line: UnsafeBufferPointer<UInt8>, offset: Int, delimiter: UInt8, quote: UInt8,
                       arena: inout BoundsArena) -> (bounds: RowBounds, isASCII: Bool, largestField: Int)? {
        guard delimiter != 0x20, delimiter != quote, line.baseAddress != nil else { return nil }
        var end = line.count
        if end > 0 && line[end - 1] == 0x0A { end -= 1 }
        if end > 0 && line[end - 1] == 0x0D { end -= 1 }
        let content = UnsafeBufferPointer(rebasing: line[0..<end])
        if arena.free < 2 * scratchFields { arena = BoundsArena(capacity: arenaCapacity) }
        var outcome = Split.notPlain
        let kept = arena.fill { out in
            outcome = split(content, offset: offset, delimiter: delimiter, quote: quote, into: out)
            guard case .split(let k, true, _, _) = outcome else { return nil }
            return k
        }
        switch outcome {
        case .split(_, true, let isASCII, let largest): return (kept!, isASCII, largest)
        case .full:
            let fields = content.reduce(1) { $0 + ($1 == delimiter ? 1 : 0) }
            var own = BoundsArena(capacity: 2 * fields)
            return bounds(line, offset: offset, delimiter: delimiter, quote: quote, arena: &own)
        default: return nil
        }
    }

    /// The bounds an arena holds: some 650 rows of 24 fields.
    static let arenaCapacity = 1 << 15

    /// The fewest fields an arena must have room for before a line is split into it.
    static let scratchFields = 1024

    private enum Split {
        /// `count` bounds were written; whether any field has text; whether the line is ASCII;
        /// the longest field.
        case split(count: Int, anyText: Bool, isASCII: Bool, largestField: Int)
        /// A quote or a line break inside: libcsv reads the line.
        case notPlain
        /// More fields than `out` holds.
        case full
    }

    /// The bounds of the fields of `line` (without its line break) into `out`, sixty-four bytes
    /// at a time (`oicp_split_plain`, in C: Swift has no access to the vector instructions that
    /// compare sixteen bytes at once and gather the results as bits).
    private static func split(_ line: UnsafeBufferPointer<UInt8>, offset: Int, delimiter: UInt8, quote: UInt8,
                              into out: UnsafeMutableBufferPointer<Int32>) -> Split {
        guard let base = line.baseAddress, let outBase = out.baseAddress else { return .notPlain }
        var anyText: Int32 = 0
        var isASCII: Int32 = 0
        var largest = 0
        let n = oicp_split_plain(base, line.count, offset, delimiter, quote, outBase, out.count, &anyText, &isASCII, &largest)
        switch n {
        case OICP_SPLIT_NOT_PLAIN: return .notPlain
        case OICP_SPLIT_FULL: return .full
        default: return .split(count: n, anyText: anyText != 0, isASCII: isASCII != 0, largestField: largest)
        }
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
