extension OICPDecoder {
    /// Collects the decoding findings.
    struct Context {
        var violations: [Violation] = []

        mutating func violation(_ rule: Rule, _ path: String, _ message: String, _ value: String? = nil) {
            violations.append(Violation(rule: rule, path: path, message: message, value: value))
        }

        func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

        /// A reader over the members of an object; a non-object is reported and reads as empty.
        mutating func object(_ json: JSONValue, path: String, allowed: [String], otherVersion: [String] = []) -> ObjectReader {
            guard case .object(let members) = json else {
                violation(.jsonType, path.isEmpty ? "$" : path, "expected an object, found \(json.typeName)")
                return ObjectReader(members: [], path: path, allowed: allowed, otherVersion: otherVersion)
            }
            return ObjectReader(members: members, path: path, allowed: allowed, otherVersion: otherVersion)
        }

        /// The items of an array with their paths; a non-array is reported and reads as empty.
        mutating func array(_ json: JSONValue, path: String) -> [(JSONValue, String)] {
            guard case .array(let items) = json else {
                violation(.jsonType, path, "expected an array, found \(json.typeName)")
                return []
            }
            return items.enumerated().map { ($1, "\(path)[\($0)]") }
        }
    }

    /// Takes the members of one object by key and reports those nobody took.
    struct ObjectReader {
        let members: [JSONMember]
        let path: String
        let allowed: [String]
        let otherVersion: [String]
        var taken: [Bool]

        init(members: [JSONMember], path: String, allowed: [String], otherVersion: [String]) {
            self.members = members
            self.path = path
            self.allowed = allowed
            self.otherVersion = otherVersion
            taken = Array(repeating: false, count: members.count)
        }

        func join(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

        /// The value of `key`: the exact key, else a key that differs only in case (reported at
        /// ``finish(_:)``).
        mutating func take(_ key: String) -> JSONValue? {
            guard allowed.contains(key) else { return nil }
            if let i = members.indices.first(where: { !taken[$0] && members[$0].key == key }) {
                taken[i] = true
                return members[i].value
            }
            if let i = members.indices.first(where: { !taken[$0] && members[$0].key.lowercased() == key.lowercased() }) {
                // Leave `taken` false so finish() names the misspelling; mark it as read.
                taken[i] = true
                misspelled.append((members[i].key, key))
                return members[i].value
            }
            return nil
        }

        var misspelled: [(found: String, expected: String)] = []

        /// A JSON null where OICP expects a value or no key at all.
        func null(_ key: String, _ ctx: inout Context) {
            ctx.violations.append(Violation(rule: .jsonType, severity: .warning, path: join(key),
                message: "\(key) is null; OICP leaves a key without value out"))
        }

        mutating func string(_ key: String, _ ctx: inout Context, acceptNumber: Bool = false, acceptBool: Bool = false) -> String? {
            guard let v = take(key) else { return nil }
            switch v {
            case .string(let s): return s
            case .null:
                null(key, &ctx)
                return nil
            case .number(let n) where acceptNumber:
                ctx.violation(.jsonType, join(key), "\(key) must be a string, found the number \(n)", n)
                return n
            case .bool(let b) where acceptBool:
                ctx.violation(.jsonType, join(key), "\(key) must be the string \"\(b)\", not a boolean", String(b))
                return String(b)
            default:
                ctx.violation(.jsonType, join(key), "\(key) must be a string, found \(v.typeName)")
                return nil
            }
        }

        mutating func bool(_ key: String, _ ctx: inout Context) -> Bool? {
            guard let v = take(key) else { return nil }
            switch v {
            case .bool(let b): return b
            case .null:
                null(key, &ctx)
                return nil
            case .string(let s) where s == "true" || s == "false":
                ctx.violation(.jsonType, join(key), "\(key) must be a JSON boolean, not the string \"\(s)\"", s)
                return s == "true"
            default:
                ctx.violation(.jsonType, join(key), "\(key) must be a boolean, found \(v.typeName)")
                return nil
            }
        }

        mutating func number(_ key: String, _ ctx: inout Context) -> Double? {
            guard let v = take(key) else { return nil }
            switch v {
            case .number(let n):
                guard let d = Double(n), d.isFinite else {
                    ctx.violation(.jsonType, join(key), "\(key) is not a finite number", n)
                    return nil
                }
                return d
            case .null:
                null(key, &ctx)
                return nil
            case .string(let s):
                ctx.violation(.jsonType, join(key), "\(key) must be a number, not a string", s)
                return Double(s)
            default:
                ctx.violation(.jsonType, join(key), "\(key) must be a number, found \(v.typeName)")
                return nil
            }
        }

        mutating func int(_ key: String, _ ctx: inout Context) -> Int? {
            guard let d = number(key, &ctx) else { return nil }
            guard let i = Int(exactly: d) else {
                let whole = d.isFinite && d == d.rounded()
                ctx.violation(.jsonType, join(key), whole ? "\(key) is far too large for an integer" : "\(key) must be an integer", FixedDecimal.shortest(d))
                return d.isFinite && abs(d) < 1e15 ? Int(d.rounded()) : nil
            }
            return i
        }

        mutating func strings(_ key: String, _ ctx: inout Context) -> [String]? {
            list(key, &ctx) { json, path, ctx in
                if case .string(let s) = json { return s }
                ctx.violation(.jsonType, path, "expected a string, found \(json.typeName)")
                return nil
            }?.compactMap { $0 }
        }

        mutating func list<T>(_ key: String, _ ctx: inout Context, _ item: (JSONValue, String, inout Context) -> T) -> [T]? {
            guard let v = take(key) else { return nil }
            if case .null = v {
                null(key, &ctx)
                return nil
            }
            return ctx.array(v, path: join(key)).map { item($0, $1, &ctx) }
        }

        /// Reports keys that no reader took, and keys found under a different case.
        func finish(_ ctx: inout Context) {
            for (found, expected) in misspelled {
                ctx.violation(.jsonUnknownKey, join(found), "unknown key '\(found)'; OICP spells it '\(expected)'", found)
            }
            for (i, m) in members.enumerated() where !taken[i] {
                var message = "unknown key '\(m.key)'"
                if otherVersion.contains(m.key) { message += " (a key of the other OICP version)" }
                ctx.violation(.jsonUnknownKey, join(m.key), message, m.key)
            }
        }
    }
}
