import Foundation
import OICP

/// One transform of a pipeline (`upper`, `split`, `table`, `number`, …), compiled.
///
/// Steps that work on single values (text, numbers) apply to each item of a list; `split`,
/// `join`, `distinct`, `default`, `required` and `when` work on the whole value.
enum Step: @unchecked Sendable {
    case upper
    case lower
    case replace(NSRegularExpression, with: String)
    /// Text before the value; a template (`"{$operator_id}*E"`).
    case prefix(Expression)
    case suffix(Expression)
    case split(String)
    case splitPattern(NSRegularExpression)
    case join(String)
    case table(ValueTable)
    case number(NumberParser)
    case multiply(Double)
    case round(decimals: Int, mode: RoundingMode)
    case range(min: Double?, max: Double?, outside: OutsidePolicy)
    case when(Condition)
    case defaultValue(Value)
    case required(String?)
    case distinct
    case equals(Value)
    case matches(TextPattern)
    case bool
    case openingHours
    case coordinates(CoordinateParser.Order)
    case phone(countryCode: String?)
    case country
    case evseID
    case operatorID
    case poolID
    case hash(length: Int, repeats: RepeatCounter?)
    /// The expression for every object of a list (`{ path: connectors, each: { template: "{standard} {format}" } }`).
    /// The expression at each object of the input (remembered per item's values, see `ItemMemo`).
    case each(Expression, ItemMemo<Value>?)
    /// IANA time zone → `UTC±hh:mm`.
    case utcOffset
    /// Watts to kilowatts, taking numbers below 1000 as already in kW (with a warning).
    case kilowatts
    /// OCPI `opening_times` objects → opening hours.
    case ocpiOpeningHours
    case date(DateParser)
    case capture(TextPattern, group: String?)
    case truncate(Int)
    case maxLength(Int)
    /// A pure step whose results are remembered per input text (columns repeat few values).
    indirect case memo(Step, StepCache)

    /// Whether the step always gives the same result for the same text and is worth remembering.
    var isMemoizable: Bool {
        switch self {
        case .number, .openingHours, .phone, .country, .bool, .coordinates, .date, .utcOffset: true
        default: false
        }
    }

    /// Whether the step's result depends on nothing but its input (not on other columns, the
    /// record number or earlier records), so a pipeline of such steps can be remembered.
    var dependsOnTextOnly: Bool {
        switch self {
        case .prefix, .suffix, .when, .each, .hash, .ocpiOpeningHours: false
        case .memo(let inner, _): inner.dependsOnTextOnly
        default: true
        }
    }

    enum OutsidePolicy: String, CaseIterable {
        /// The value is left out (with a warning).
        case drop
        /// The record is rejected.
        case reject
        /// The value is set to the nearest bound (with a warning).
        case clamp
    }

    /// Parse failures: reject the record (default) or drop the value with a warning.
    enum FailurePolicy: String, CaseIterable {
        case reject
        case drop
    }

    func apply(_ value: Value, _ ctx: inout EvalContext, field: String, onError: FailurePolicy = .reject) -> Value {
        switch self {
        case .split(let separator):
            return .list(value.items.flatMap { item -> [Value] in
                guard let t = item.text else { return [item] }
                if separator.count == 1, let c = separator.first {
                    return t.split(separator: c, omittingEmptySubsequences: true).map { Expression.cleaned(String($0)) }.filter { !$0.isAbsent }
                }
                return t.components(separatedBy: separator).map(Expression.cleaned).filter { !$0.isAbsent }
            })
        case .splitPattern(let regex):
            return .list(value.items.flatMap { item -> [Value] in
                guard let t = item.text else { return [item] }
                let ns = t as NSString
                var parts: [Value] = []
                var start = 0
                for m in regex.matches(in: t, range: NSRange(location: 0, length: ns.length)) {
                    parts.append(Expression.cleaned(ns.substring(with: NSRange(location: start, length: m.range.location - start))))
                    start = m.range.location + m.range.length
                }
                parts.append(Expression.cleaned(ns.substring(from: start)))
                return parts.filter { !$0.isAbsent }
            })
        case .join(let separator):
            let texts = value.items.compactMap(\.text)
            return texts.isEmpty ? .absent : .text(texts.joined(separator: separator))
        case .when(let condition):
            ctx.current = value
            return condition.evaluate(&ctx, field: field) ? value : .absent
        case .defaultValue(let d):
            guard value.isAbsent else { return value }
            ctx.statistics.defaulted(field: field)
            return d
        case .required(let message):
            if value.isAbsent { ctx.reject("mapping.required", field: field, message ?? "\(field) has no value") }
            return value
        case .distinct:
            var seen: [Value] = []
            for item in value.items where !seen.contains(item) { seen.append(item) }
            return seen.isEmpty ? .absent : .list(seen)
        case .each(let expression, let memo):
            var out: [Value] = []
            let saved = ctx.item
            for item in value.items {
                guard case .node(let node) = item else {
                    out.append(item)
                    continue
                }
                ctx.item = node
                let v = if let memo { memo(node, &ctx) { expression.evaluate(&$0, field: field) } ?? .absent } else {
                    expression.evaluate(&ctx, field: field)
                }
                out.append(contentsOf: v.items)
            }
            ctx.item = saved
            return out.isEmpty ? .absent : (out.count == 1 ? out[0] : .list(out))
        case .ocpiOpeningHours:
            switch value {
            case .node(let node):
                switch OpeningHoursParser.parseOCPI(node) {
                case .success(let hours): return .hours(hours)
                case .failure(let f): return fail(&ctx, field, "mapping.opening-hours", "opening_times: \(f.message)", nil, onError)
                }
            case .text:
                return Step.openingHours.apply(value, &ctx, field: field, onError: onError)
            default:
                return value
            }
        case .memo(let inner, let cache):
            return mapItems(value, &ctx) { item, ctx in
                guard case .text(let t) = item, cache.enabled else { return inner.apply(item, &ctx, field: field, onError: onError) }
                if let hit = cache.get(t) { return hit.value }
                let before = ctx.issues.count
                let v = inner.apply(item, &ctx, field: field, onError: onError)
                if ctx.issues.count == before { cache.put(t, StepCache.Entry(value: v)) }
                return v
            }
        case .openingHours:
            return mapItems(value, &ctx) { item, ctx in
                guard let t = item.text else { return item }
                switch OpeningHoursParser.parse(t) {
                case .success(let hours): return .hours(hours)
                case .failure(let f): return fail(&ctx, field, "mapping.opening-hours", "opening hours '\(t)': \(f.message)", t, onError)
                }
            }
        default:
            return mapItems(value, &ctx) { item, ctx in applyScalar(item, &ctx, field: field, onError: onError) }
        }
    }

    /// `t` in upper or lower case. ASCII text (an EvseID, a code) is changed byte by byte, and
    /// kept as it is when no letter changes (the common case: IDs come in upper case already);
    /// other text goes through Unicode's case mapping.
    static func cased(_ t: String, upper: Bool) -> String {
        var t = t
        // The letters that change: `b &- first < 26`.
        let first = upper ? UInt8(ascii: "a") : UInt8(ascii: "A")
        // Whether a letter changes, for ASCII text; nil for other text.
        let asciiChanges: Bool? = t.withUTF8 { bytes in
            var high: UInt8 = 0
            var changes: UInt8 = 0
            for b in bytes {
                high |= b
                changes |= b &- first < 26 ? 1 : 0
            }
            return high < 0x80 ? changes != 0 : nil
        }
        guard let changes = asciiChanges else { return upper ? t.uppercased() : t.lowercased() }
        guard changes else { return t }
        return t.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                for i in bytes.indices { out[i] = bytes[i] &- first < 26 ? bytes[i] ^ 0x20 : bytes[i] }
                return bytes.count
            }
        }
    }

    private func mapItems(_ value: Value, _ ctx: inout EvalContext, _ f: (Value, inout EvalContext) -> Value) -> Value {
        switch value {
        case .absent: return .absent
        case .list(let items):
            var out: [Value] = []
            for item in items {
                let v = f(item, &ctx)
                if case .list(let inner) = v { out.append(contentsOf: inner) } else if !v.isAbsent { out.append(v) }
            }
            return out.isEmpty ? .absent : .list(out)
        default:
            return f(value, &ctx)
        }
    }

    private func fail(_ ctx: inout EvalContext, _ field: String, _ rule: String, _ message: String, _ value: String?, _ policy: FailurePolicy) -> Value {
        switch policy {
        case .reject: ctx.reject(rule, field: field, message, value: value)
        case .drop:
            ctx.warn(rule, field: field, message + "; value left out", value: value)
            ctx.statistics.dropped(field: field)
        }
        return .absent
    }

    private func applyScalar(_ item: Value, _ ctx: inout EvalContext, field: String, onError: FailurePolicy) -> Value {
        switch self {
        case .upper: return item.text.map { .text(Self.cased($0, upper: true)) } ?? item
        case .lower: return item.text.map { .text(Self.cased($0, upper: false)) } ?? item
        case .replace(let regex, let template):
            guard let t = item.text else { return item }
            let out = regex.stringByReplacingMatches(in: t, range: NSRange(t.startIndex..., in: t), withTemplate: template)
            return Expression.cleaned(out)
        case .prefix(let p):
            guard let t = item.text else { return item }
            return .text((p.evaluate(&ctx, field: field).text ?? "") + t)
        case .suffix(let s):
            guard let t = item.text else { return item }
            return .text(t + (s.evaluate(&ctx, field: field).text ?? ""))
        case .table(let table):
            guard let t = item.text else { return item }
            switch table.lookup(t) {
            case .found(let values):
                if values.isEmpty { return .absent }
                return values.count == 1 ? .text(values[0]) : .list(values.map(Value.text))
            case .unknown:
                ctx.statistics.unknown(table: table.name, value: t)
                switch table.unknown {
                case .reject:
                    ctx.reject("mapping.table", field: field, "'\(t)' is not in table '\(table.name)'", value: t)
                    return .absent
                case .drop:
                    ctx.warn("mapping.table", field: field, "'\(t)' is not in table '\(table.name)'; value left out", value: t)
                    ctx.statistics.dropped(field: field)
                    return .absent
                case .keep:
                    return item
                case .substitute(let values):
                    return values.count == 1 ? .text(values[0]) : .list(values.map(Value.text))
                }
            }
        case .number(let parser):
            if case .number = item { return item }
            guard let t = item.text else { return item }
            switch parser.parse(t) {
            case .success(let n): return .number(n)
            case .failure(let f):
                let why: String
                switch f {
                case .notANumber: why = "'\(t)' is not a number"
                case .notFinite: why = "'\(t)' is not a finite number"
                case .unknownUnit(let u): why = "'\(t)' has an unknown unit '\(u)'"
                case .wrongQuantity(let u, let expected): why = "'\(t)' is in \(u), which cannot be converted to \(expected)"
                }
                return fail(&ctx, field, "mapping.number", why, t, onError)
            }
        case .multiply(let factor):
            guard let n = numeric(item, &ctx, field: field, onError: onError) else { return .absent }
            return .number(n * factor)
        case .round(let decimals, let mode):
            guard let n = numeric(item, &ctx, field: field, onError: onError) else { return .absent }
            let r = mode.round(n, decimals: decimals)
            if r != n { ctx.statistics.rounded(field: field, from: n, to: r) }
            return .number(r)
        case .range(let min, let max, let outside):
            guard let n = numeric(item, &ctx, field: field, onError: onError) else { return .absent }
            let low = min.map { n < $0 } ?? false
            let high = max.map { n > $0 } ?? false
            guard low || high else { return .number(n) }
            // An explicit `drop` or `clamp` is the mapping's decision: counted, not warned about.
            switch outside {
            case .drop:
                ctx.statistics.dropped(field: field)
                return .absent
            case .reject:
                let text = FixedDecimal.shortest(n)
                let bound = low ? "less than \(FixedDecimal.shortest(min!))" : "more than \(FixedDecimal.shortest(max!))"
                ctx.reject("mapping.range", field: field, "\(text) is \(bound)", value: text)
                return .absent
            case .clamp:
                ctx.statistics.dropped(field: field)
                return .number(low ? min! : max!)
            }
        case .equals(let expected):
            return .bool(Condition.compare(item, .equal, expected))
        case .matches(let regex):
            guard let t = item.text else { return .bool(false) }
            return .bool(regex.matches(t))
        case .bool:
            switch item {
            case .bool: return item
            case .number(let n): return .bool(n != 0)
            case .text(let t):
                let w = t.lowercased()
                if Condition.trueWords.contains(w) { return .bool(true) }
                if Condition.falseWords.contains(w) { return .bool(false) }
                return fail(&ctx, field, "mapping.bool", "'\(t)' is neither true nor false", t, onError)
            default: return item
            }
        case .coordinates(let order):
            if case .coordinates = item { return item }
            guard let t = item.text else { return item }
            switch CoordinateParser.parse(t, order: order) {
            case .success(let c): return .coordinates(latitude: c.latitude, longitude: c.longitude)
            case .failure(let f): return fail(&ctx, field, "mapping.coordinates", f.message, t, onError)
            }
        case .phone(let cc):
            guard let t = item.text else { return item }
            if let n = PhoneNumber.normalize(t, countryCode: cc) { return .text(n) }
            let why = t.contains(where: \.isNumber) ? "'\(t)' is a national number; give the dialling code with phone: { country: 49 }" : "'\(t)' has no digits"
            return fail(&ctx, field, "mapping.phone", why, t, onError)
        case .country:
            guard let t = item.text else { return item }
            if let a3 = CountryResolver.alpha3(t) { return .text(a3) }
            return fail(&ctx, field, "mapping.country", "'\(t)' is not a country name or ISO 3166 code", t, onError)
        case .evseID:
            return item.text.map { .text(EvseIDNormalizer.normalize($0)) } ?? item
        case .utcOffset:
            guard let t = item.text else { return item }
            return TimeZoneOffset.utcOffset(t).map(Value.text)
                ?? fail(&ctx, field, "mapping.time-zone", "'\(t)' is not a time zone name such as Europe/Berlin", t, onError)
        case .kilowatts:
            guard let n = numeric(item, &ctx, field: field, onError: onError) else { return .absent }
            if n >= 1000 { return .number(n / 1000) }
            if n > 0 {
                ctx.warn("mapping.power-unit", field: field, "\(FixedDecimal.shortest(n)) W is too little for a charge point; read as \(FixedDecimal.shortest(n)) kW",
                    value: FixedDecimal.shortest(n))
                ctx.statistics.assumedKilowatts(field: field)
            }
            return .number(n)
        case .operatorID:
            return item.text.map { .text(EvseIDNormalizer.normalizeOperator($0)) } ?? item
        case .poolID:
            return item.text.map { .text(EvseIDNormalizer.normalize($0, separator: "P")) } ?? item
        case .hash(let length, let repeats):
            guard let t = item.text else { return item }
            let h = StableHash.hex(t, length: length)
            guard let repeats else { return .text(h) }
            let n = repeats.next(h)
            return .text(n == 1 ? h : "\(h)*\(n)")
        case .date(let parser):
            guard let t = item.text else { return item }
            return parser.parse(t).map(Value.text)
                ?? fail(&ctx, field, "mapping.date", "'\(t)' is not a date of the form \(parser.pattern)", t, onError)
        case .capture(let regex, let group):
            guard let t = item.text else { return item }
            guard let captured = regex.capture(t, group: group) else { return .absent }
            return Expression.cleaned(captured)
        case .truncate(let limit):
            guard let t = item.text, t.utf16.count > limit else { return item }
            ctx.warn("mapping.truncated", field: field, "\(t.utf16.count) characters cut to \(limit)", value: t)
            ctx.statistics.truncated(field: field)
            return .text(Self.prefix(t, utf16: limit).trimmingWhitespace())
        case .maxLength(let limit):
            guard let t = item.text, t.utf16.count > limit else { return item }
            ctx.reject("mapping.too-long", field: field, "\(t.utf16.count) characters, more than \(limit)", value: t)
            return .absent
        default:
            return item
        }
    }

    /// The longest start of `text` of at most `limit` UTF-16 code units that ends between two
    /// characters (never inside a character made of several scalars).
    static func prefix(_ text: String, utf16 limit: Int) -> String {
        var out = ""
        var count = 0
        for c in text {
            let n = c.utf16.count
            if count + n > limit { break }
            out.append(c)
            count += n
        }
        return out
    }

    private func numeric(_ item: Value, _ ctx: inout EvalContext, field: String, onError: FailurePolicy) -> Double? {
        switch item {
        case .number(let n): return n
        case .text(let t):
            if let n = DecimalParser.double(t), n.isFinite { return n }
            _ = fail(&ctx, field, "mapping.number", "'\(t)' is not a number (add 'number: true' before this step to read units or decimal commas)", t, onError)
            return nil
        default:
            _ = fail(&ctx, field, "mapping.number", "expected a number, found \(item.kindName)", nil, onError)
            return nil
        }
    }
}
