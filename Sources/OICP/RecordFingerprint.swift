/// A record's meaning as one number: two records that differ only in key order, list order,
/// number spelling (`22` and `22.0`) or the Hubject-set `deltaType` and `lastUpdate` have the
/// same fingerprint. Delta bundles compare records by it.
public enum RecordFingerprint {
    public static func of(_ record: JSONValue) -> UInt64 {
        var text = ""
        canonical(record, top: true, into: &text)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    static func canonical(_ v: JSONValue, top: Bool = false, into out: inout String) {
        switch v {
        case .object(let members):
            out += "{"
            for m in members.sorted(by: { $0.key < $1.key }) where !(top && (m.key == "deltaType" || m.key == "lastUpdate")) {
                if case .null = m.value { continue }
                out += m.key.debugDescription + ":"
                canonical(m.value, into: &out)
                out += ","
            }
            out += "}"
        case .array(let items):
            let parts = items.map { item -> String in
                var s = ""
                canonical(item, into: &s)
                return s
            }.sorted()
            out += "[" + parts.joined(separator: ",") + "]"
        case .string(let s): out += s.debugDescription
        case .number(let n): out += Double(n).map(FixedDecimal.shortest) ?? n
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        }
    }
}
