/// Indents compact JSON for people: two spaces per level, one member per line.
public enum JSONIndent {
    /// Two-space indentation of compact JSON (strings are left untouched).
    public static func indent(_ compact: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(compact.count * 2)
        var depth = 0
        var inString = false
        var escaped = false
        func newline() {
            out.append(0x0A)
            out.append(contentsOf: Array(repeating: 0x20, count: depth * 2))
        }
        var i = 0
        while i < compact.count {
            let b = compact[i]
            if inString {
                out.append(b)
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "\""):
                inString = true
                out.append(b)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close: UInt8 = b == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if i + 1 < compact.count && compact[i + 1] == close {
                    out.append(b)
                    out.append(close)
                    i += 2
                    continue
                }
                out.append(b)
                depth += 1
                newline()
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newline()
                out.append(b)
            case UInt8(ascii: ","):
                out.append(b)
                newline()
            case UInt8(ascii: ":"):
                out.append(b)
                out.append(0x20)
            default:
                out.append(b)
            }
            i += 1
        }
        out.append(0x0A)
        return out
    }
}
