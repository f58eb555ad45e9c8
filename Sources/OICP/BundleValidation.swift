/// Validation of OICP JSON as found in files: a push request, a pull response
/// (`{EvseData: {OperatorEvseData: [...]}}` or `{content: [...]}`), or a bare array of records.
public enum BundleValidation {
    /// Every finding with its JSON path, and the number of records checked.
    public static func validate(_ json: JSONValue, version: OICPVersion) -> ([Violation], Int) {
        let decoder = OICPDecoder(version: version)
        let validator = OICPValidator(version: version)
        switch json {
        case .array(let items):
            var out: [Violation] = []
            var ownership: [String: OperatorOwnership] = [:]
            for (i, item) in items.enumerated() {
                let path = "[\(i)]"
                let (record, problems) = decoder.decodeRecord(item, path: path)
                out += problems
                out += validator.validate(record.prepared(for: version)).map { prefixed($0, path + ".") }
                if let id = record.evseID, let op = Patterns.operatorPart(ofEvseID: id) {
                    let key = Patterns.operatorKey(op)
                    var o = ownership[key] ?? OperatorOwnership(operatorID: op)
                    if let v = o.check(evseID: id) { out.append(prefixed(v, path + ".")) }
                    ownership[key] = o
                }
            }
            return (out, items.count)
        case .object:
            if json["OperatorEvseData"] != nil || json["ActionType"] != nil {
                let (push, problems) = decoder.decodePush(json)
                return (problems + validator.validate(push), push.operatorEvseData?.evseDataRecord?.count ?? 0)
            }
            if let data = json["EvseData"], case .array(let operators)? = data["OperatorEvseData"] {
                var out: [Violation] = []
                var count = 0
                for (i, op) in operators.enumerated() {
                    let wrapped = JSONValue.object([JSONMember(key: "ActionType", value: .string("fullLoad")), JSONMember(key: "OperatorEvseData", value: op)])
                    let (push, problems) = decoder.decodePush(wrapped)
                    let prefix = "EvseData.OperatorEvseData[\(i)]"
                    out += (problems + validator.validate(push)).map {
                        var v = $0
                        if v.path.hasPrefix("OperatorEvseData") { v.path = prefix + v.path.dropFirst("OperatorEvseData".count) }
                        return v
                    }
                    count += push.operatorEvseData?.evseDataRecord?.count ?? 0
                }
                return (out, count)
            }
            for key in ["content", "EvseDataRecord", "data", "items"] {
                if let inner = json[key], case .array = inner {
                    let (v, n) = validate(inner, version: version)
                    return (v.map { prefixed($0, key) }, n)
                }
            }
            let (record, problems) = decoder.decodeRecord(json)
            return (problems + validator.validate(record.prepared(for: version)), 1)
        default:
            return ([Violation(rule: .jsonType, path: "$", message: "expected an object or an array, found \(json.typeName)")], 0)
        }
    }

    static func prefixed(_ v: Violation, _ prefix: String) -> Violation {
        var v = v
        v.path = prefix + v.path
        return v
    }
}
