/// A parsed JSON value written again as compact JSON, keys in their order.
public enum JSONCompactWriter {
    public static func bytes(of value: JSONValue) -> [UInt8] {
        var w = JSONWriter(capacity: 1024)
        write(value, &w)
        return w.bytes
    }

    private static func write(_ v: JSONValue, _ w: inout JSONWriter) {
        switch v {
        case .object(let members):
            w.beginObject()
            for m in members {
                w.key(text: m.key)
                write(m.value, &w)
            }
            w.endObject()
        case .array(let items):
            w.beginArray()
            for i in items { write(i, &w) }
            w.endArray()
        case .string(let s): w.string(s)
        case .number(let n): w.raw(Array(n.utf8))
        case .bool(let b): w.bool(b)
        case .null: w.null()
        }
    }
}
