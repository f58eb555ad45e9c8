import OICP

/// EvseIDs and operator IDs as exports write them, to the form OICP expects.
enum EvseIDNormalizer {
    /// Upper case, without spaces; the compact ISO form gets its separators:
    /// `FRA12E123` → `FR*A12*E123`, `de*ab7*e840*6487` → `DE*AB7*E840*6487`. With separator `P`
    /// the same for charging pool IDs (`FREBNPBAABR` → `FR*EBN*PBAABR`).
    /// IDs that are neither form are returned upper-cased, for the pattern rule to report.
    static func normalize(_ text: String, separator: Character = "E") -> String {
        let mark = separator.asciiValue!
        // Most IDs are ASCII without spaces or lower case, starred (`DE*ABC*E0001`: unchanged) or
        // compact (`DEABCE0001`): done in one look at the bytes.
        var text = text
        let quick: String?? = text.withUTF8 { bytes in
            var star = false
            for b in bytes {
                if b >= 0x80 || b <= 0x20 || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "-") { return .none }
                if b == UInt8(ascii: "*") { star = true }
            }
            return star ? .some(nil) : .some(compactISO(bytes, mark))
        }
        if let quick { return quick ?? text }
        var id = compactUppercased(text)
        // eMI3 IDs written with dashes (OCPI 2.1.1 examples): BE-BEC-E041503001.
        // Byte tests: `String.contains(_:)` with a string argument goes through Foundation's search.
        if !id.utf8.contains(UInt8(ascii: "*")), id.utf8.contains(UInt8(ascii: "-")) {
            let starred = id.replacingOccurrences(of: "-", with: "*")
            if Patterns.isEvseID(starred) || Patterns.isChargingPoolID(starred) { id = starred }
        }
        return id.withUTF8 { $0.contains(UInt8(ascii: "*")) ? nil : compactISO($0, mark) } ?? id
    }

    /// The compact ISO form `CC OOO E rest` (no `*`) with its separators, or nil for other text.
    private static func compactISO(_ b: UnsafeBufferPointer<UInt8>, _ mark: UInt8) -> String? {
        func letter(_ x: UInt8) -> Bool { x >= 0x41 && x <= 0x5A }
        func alnum(_ x: UInt8) -> Bool { letter(x) || (x >= 0x30 && x <= 0x39) }
        guard b.count >= 7, letter(b[0]), letter(b[1]), alnum(b[2]), alnum(b[3]), alnum(b[4]), b[5] == mark,
            b[6...].allSatisfy(alnum)
        else { return nil }
        return String(unsafeUninitializedCapacity: b.count + 2) { out in
            out[0] = b[0]
            out[1] = b[1]
            out[2] = UInt8(ascii: "*")
            out[3] = b[2]
            out[4] = b[3]
            out[5] = b[4]
            out[6] = UInt8(ascii: "*")
            for i in 5..<b.count { out[i + 2] = b[i] }
            return b.count + 2
        }
    }

    /// Without white space, upper case. ASCII text (nearly every ID) is done on its bytes; any
    /// other text by Unicode's rules.
    static func compactUppercased(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.filter { !$0.isWhitespace }.uppercased() }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
        guard text.utf8.contains(where: { isSpace($0) || isLower($0) }) else { return text }
        return String(decoding: text.utf8.filter { !isSpace($0) }.map { isLower($0) ? $0 - 0x20 : $0 }, as: UTF8.self)
    }

    /// `DEABC` → `DE*ABC`; `DE*ABC` and `+49*810` unchanged.
    static func normalizeOperator(_ text: String) -> String {
        let id = compactUppercased(text)
        let b = Array(id.utf8)
        if b.count == 5, b[0...1].allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) {
            return String(id.prefix(2)) + "*" + String(id.dropFirst(2))
        }
        return id
    }
}
