/// Reads dates written with a pattern such as `dd.MM.yy` or `yyyy-MM-dd HH:mm` and writes them
/// as ISO 8601 (`2021-07-22`, or `2021-07-22T08:30:00Z` when the pattern has a time).
struct DateParser: Sendable {
    enum Token: Sendable, Hashable {
        case day, month, year2, year4, hour, minute, second
        case literal(Character)
    }

    let tokens: [Token]
    let pattern: String

    /// Patterns use `dd`/`d`, `MM`/`M`, `yy`, `yyyy`, `HH`, `mm`, `ss`; any other character is
    /// matched literally.
    init?(pattern: String) {
        var out: [Token] = []
        var chars = Substring(pattern)
        while let c = chars.first {
            let run = chars.prefix(while: { $0 == c })
            switch (c, run.count) {
            case ("d", 1...2): out.append(.day)
            case ("M", 1...2): out.append(.month)
            case ("y", 2): out.append(.year2)
            case ("y", 4): out.append(.year4)
            case ("H", 1...2): out.append(.hour)
            case ("m", 1...2): out.append(.minute)
            case ("s", 1...2): out.append(.second)
            case ("d", _), ("M", _), ("y", _), ("H", _), ("m", _), ("s", _): return nil
            default:
                out += Array(repeating: .literal(c), count: run.count)
            }
            chars = chars.dropFirst(run.count)
        }
        guard out.contains(.day), out.contains(.month), out.contains(.year2) || out.contains(.year4) else { return nil }
        tokens = out
        self.pattern = pattern
    }

    func parse(_ text: String) -> String? {
        var rest = Substring(text.trimmingWhitespace())
        var values: [Token: Int] = [:]
        for t in tokens {
            if case .literal(let c) = t {
                guard rest.first == c else { return nil }
                rest = rest.dropFirst()
                continue
            }
            let maxDigits = t == .year4 ? 4 : 2
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber }).prefix(maxDigits)
            guard !digits.isEmpty, let n = Int(digits) else { return nil }
            if t == .year4 && digits.count != 4 { return nil }
            values[t] = n
            rest = rest.dropFirst(digits.count)
        }
        guard rest.isEmpty, let d = values[.day], let m = values[.month] else { return nil }
        let y = values[.year4] ?? values[.year2].map { $0 < 70 ? 2000 + $0 : 1900 + $0 } ?? 0
        let days = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(m), d >= 1, d <= days[m - 1] else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var out = "\(y)-\(two(m))-\(two(d))"
        if let h = values[.hour] {
            let mi = values[.minute] ?? 0
            let s = values[.second] ?? 0
            guard h < 24, mi < 60, s < 60 else { return nil }
            out += "T\(two(h)):\(two(mi)):\(two(s))Z"
        }
        return out
    }
}

/// A stable identifier from text: 64-bit FNV-1a as upper-case hexadecimal.
enum StableHash {
    static func hex(_ text: String, length: Int) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        let hex = String(h, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        return String(padded.prefix(length))
    }
}

/// Counts repeated hash values within a run, for `hash: { repeats: number }`.
final class RepeatCounter: @unchecked Sendable {
    private var seen: [String: Int] = [:]

    /// 1 for the first time `key` is seen, 2 for the second, …
    func next(_ key: String) -> Int {
        let n = (seen[key] ?? 0) + 1
        seen[key] = n
        return n
    }
}
