import OICP

/// Turns mapped values into the types of OICP fields, reporting what does not fit.
enum Convert {
    /// The value is consumed: its text moves out without a reference counted for it.
    static func text(_ v: consuming Value, _ ctx: inout EvalContext, _ field: String) -> String? {
        switch consume v {
        case .text(let t): return t
        case let other: return otherText(other, &ctx, field)
        }
    }

    private static func otherText(_ v: Value, _ ctx: inout EvalContext, _ field: String) -> String? {
        switch v {
        case .absent: return nil
        case .list(let items):
            let present = items.filter { !$0.isAbsent }
            if present.count == 1 { return text(present[0], &ctx, field) }
            ctx.reject("mapping.type", field: field, "\(field) takes one value, the mapping gives \(present.count): add 'join' or pick one",
                value: present.compactMap(\.text).joined(separator: " | "))
            return nil
        case .hours, .node:
            ctx.reject("mapping.type", field: field, "\(field) takes text, the mapping gives \(v.kindName)")
            return nil
        default: return v.text
        }
    }

    static func bool(_ v: Value, _ ctx: inout EvalContext, _ field: String) -> Bool? {
        switch v {
        case .absent: return nil
        case .bool(let b): return b
        case .number(let n): return n != 0
        case .hours(let h): return h.isOpen24Hours
        case .text(let t):
            if Condition.trueWords.contains(t.lowercased()) { return true }
            if Condition.falseWords.contains(t.lowercased()) { return false }
            ctx.reject("mapping.bool", field: field, "'\(t)' is neither true nor false", value: t)
            return nil
        default:
            ctx.reject("mapping.type", field: field, "\(field) takes true or false, the mapping gives \(v.kindName)")
            return nil
        }
    }

    static func number(_ v: Value, _ ctx: inout EvalContext, _ field: String) -> Double? {
        switch v {
        case .absent: return nil
        case .number(let n): return n
        case .text(let t):
            if let n = DecimalParser.double(t), n.isFinite { return n }
            ctx.reject("mapping.number", field: field, "'\(t)' is not a number (add 'number: true' to read units and decimal commas)", value: t)
            return nil
        case .list(let items) where items.count == 1: return number(items[0], &ctx, field)
        default:
            ctx.reject("mapping.type", field: field, "\(field) takes a number, the mapping gives \(v.kindName)")
            return nil
        }
    }

    /// A whole number; other numbers are rounded half away from zero, and counted.
    static func integer(_ v: Value, _ ctx: inout EvalContext, _ field: String) -> Int? {
        guard let n = number(v, &ctx, field) else { return nil }
        let r = n.rounded(.toNearestOrAwayFromZero)
        guard abs(r) < 1e15 else {
            ctx.reject("mapping.number", field: field, "\(FixedDecimal.shortest(n)) is too large", value: FixedDecimal.shortest(n))
            return nil
        }
        if r != n { ctx.statistics.rounded(field: field, from: n, to: r) }
        return Int(r)
    }

    static func enumeration<E: OICPEnumeration>(_ v: Value, _ ctx: inout EvalContext, _ field: String) -> E? {
        text(v, &ctx, field).map(E.init(rawValue:))
    }

    static func enumerations<E: OICPEnumeration>(_ v: Value, _ ctx: inout EvalContext, _ field: String) -> [E]? {
        if v.isAbsent { return nil }
        var out: [E] = []
        v.forEachItem { item in
            guard let t = text(item, &ctx, field) else { return }
            // Enumeration lists are sets: a value that two entries give is written once.
            if !out.contains(where: { $0.rawValue == t }) { out.append(E(rawValue: t)) }
        }
        return out.isEmpty ? nil : out
    }

    static func coordinates(_ v: Value, _ ctx: inout EvalContext, _ field: String) -> (Double, Double)? {
        switch v {
        case .absent: return nil
        case .coordinates(let lat, let lon): return (lat, lon)
        case .text(let t):
            switch CoordinateParser.parse(t, order: .latLon) {
            case .success(let c): return (c.latitude, c.longitude)
            case .failure(let f):
                ctx.reject("mapping.coordinates", field: field, f.message + " (add 'coordinates: lon-lat' when longitude comes first)", value: t)
                return nil
            }
        default:
            ctx.reject("mapping.type", field: field, "\(field) takes coordinates, the mapping gives \(v.kindName)")
            return nil
        }
    }

    static func hours(_ v: Value, _ ctx: inout EvalContext, _ field: String) -> OpeningHours? {
        switch v {
        case .absent: return nil
        case .hours(let h): return h
        case .bool(let b): return b ? .alwaysOpen : OpeningHours(isOpen24Hours: false, openingTimes: [])
        case .text(let t):
            switch OpeningHoursParser.parse(t) {
            case .success(let h): return h
            case .failure(let f):
                ctx.reject("mapping.opening-hours", field: field, "opening hours '\(t)': \(f.message)", value: t)
                return nil
            }
        default:
            ctx.reject("mapping.type", field: field, "\(field) takes opening hours, the mapping gives \(v.kindName)")
            return nil
        }
    }
}
