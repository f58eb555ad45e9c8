/// Validation of OICP JSON as found in files: push requests, pull responses
/// (`{"EvseData": {"OperatorEvseData": [...]}}`, paged `{"content": [...]}`), operator lists
/// (`[{"OperatorID": …, "EvseDataRecord": [...]}]`) or bare arrays of records.
///
/// Keys that OICP spells differently (`EVSEData`, `EVSEDataRecord`) are reported and read.
public enum BundleValidation {
    /// Every finding with its JSON path, and the number of records checked.
    /// `subOperatorIDs` are operators whose EvseIDs any operator's records may carry.
    public static func validate(_ json: JSONValue, version: OICPVersion, subOperatorIDs: Set<String> = []) -> ([Violation], Int) {
        var out: [Violation] = []
        var count = 0
        if case .object(let members) = json, members.contains(where: { ["actiontype", "operatorevsedata"].contains($0.key.lowercased()) }),
            json["OperatorEvseData"] != nil || json["ActionType"] != nil
        {
            let (push, problems) = OICPDecoder(version: version).decodePush(json)
            return (problems + OICPValidator(version: version).validate(push, subOperatorIDs: subOperatorIDs), push.operatorEvseData?.evseDataRecord?.count ?? 0)
        }
        walk(json, path: "", operatorID: nil, version: version, subOperatorIDs: subOperatorIDs, into: &out, count: &count)
        if count == 0 && out.isEmpty {
            out.append(Violation(rule: .jsonType, path: "$", message: "no EVSE data records found (expected a push request, a pull response or a list of records)"))
        }
        return (out, count)
    }

    /// Container keys, as OICP spells them.
    static let containerKeys = ["EvseData", "OperatorEvseData", "EvseDataRecord", "OperatorID", "OperatorName"]

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    static func walk(_ json: JSONValue, path: String, operatorID: String?, version: OICPVersion, subOperatorIDs: Set<String>, into out: inout [Violation],
                     count: inout Int) {
        switch json {
        case .array(let items):
            if items.contains(where: { if case .object(let m) = $0 { m.contains { $0.key.lowercased() == "evseid" } } else { false } }) {
                validateRecords(items, path: path, operatorID: operatorID, version: version, subOperatorIDs: subOperatorIDs, into: &out, count: &count)
            } else {
                for (i, item) in items.enumerated() {
                    walk(item, path: "\(path)[\(i)]", operatorID: operatorID, version: version, subOperatorIDs: subOperatorIDs, into: &out, count: &count)
                }
            }
        case .object(let members):
            var operatorID = operatorID
            for m in members {
                if let spelled = containerKeys.first(where: { $0.lowercased() == m.key.lowercased() }), spelled != m.key {
                    out.append(Violation(rule: .jsonUnknownKey, path: join(path, m.key), message: "unknown key '\(m.key)'; OICP spells it '\(spelled)'",
                        value: m.key))
                }
                if m.key.lowercased() == "operatorid", case .string(let id) = m.value {
                    operatorID = id
                    if !Patterns.isOperatorID(id) {
                        out.append(Violation(rule: .operatorIDPattern, path: join(path, m.key), message: "'\(id)' is not an OperatorID", value: id))
                    }
                }
            }
            for m in members {
                switch m.value {
                case .array, .object:
                    walk(m.value, path: join(path, m.key), operatorID: operatorID, version: version, subOperatorIDs: subOperatorIDs, into: &out, count: &count)
                default:
                    break
                }
            }
        default:
            break
        }
    }

    static func validateRecords(_ items: [JSONValue], path: String, operatorID: String?, version: OICPVersion, subOperatorIDs: Set<String>,
                                into out: inout [Violation], count: inout Int) {
        let decoder = OICPDecoder(version: version)
        let validator = OICPValidator(version: version)
        var ownership: [String: OperatorOwnership] = [:]
        for (i, item) in items.enumerated() {
            let p = "\(path)[\(i)]"
            let (record, problems) = decoder.decodeRecord(item, path: p, pull: true)
            count += 1
            out += problems
            out += validator.validate(record.prepared(for: version)).map { prefixed($0, p + ".") }
            guard let id = record.evseID else { continue }
            let owner = operatorID ?? Patterns.operatorPart(ofEvseID: id)
            let key = owner.map(Patterns.operatorKey) ?? ""
            var o = ownership[key] ?? OperatorOwnership(operatorID: owner, subOperatorIDs: subOperatorIDs)
            if var v = o.check(evseID: id) {
                if v.rule == .evseIDOperator { v.message += OICPValidator.subOperatorHint(record) }
                out.append(prefixed(v, p + "."))
            }
            ownership[key] = o
        }
    }

    static func prefixed(_ v: Violation, _ prefix: String) -> Violation {
        var v = v
        v.path = prefix + v.path
        return v
    }

    /// A path without list indexes, for counting findings of one kind:
    /// `EvseData.OperatorEvseData[0].EvseDataRecord[12].Address.City` → `EvseData.OperatorEvseData[].EvseDataRecord[].Address.City`.
    public static func kind(of path: String) -> String {
        var out = ""
        var skipping = false
        for c in path {
            if c == "[" {
                skipping = true
                out.append("[")
            } else if c == "]" {
                skipping = false
                out.append("]")
            } else if !skipping {
                out.append(c)
            }
        }
        return out
    }
}
