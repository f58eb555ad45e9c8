import OICP

/// A JSON Schema (draft-07) of mapping files, built from the language's own tables so it cannot
/// drift from what the compiler accepts. Editors with a YAML language server use it to complete
/// and check mapping files (`# yaml-language-server: $schema=…`).
public enum MappingSchema {
    public static func json() -> [UInt8] {
        var w = JSONWriter(capacity: 16_384)
        w.beginObject()
        w.key("$schema"); w.string("http://json-schema.org/draft-07/schema#")
        w.key("$id"); w.string("https://github.com/oicp-etl/oicp-etl/docs/mapping.schema.json")
        w.key("title"); w.string("oicp-etl mapping file")
        w.key("description"); w.string("How an export's records become OICP EvseDataRecords. See docs/mapping-language.md.")
        w.key("type"); w.string("object")
        required(["version", "evse"], &w)
        w.key("additionalProperties"); w.bool(false)
        w.key("properties")
        w.beginObject()
        w.key("version"); w.beginObject(); w.key("const"); w.int(MappingDocument.supportedVersion); w.endObject()
        w.key("name"); type("string", &w)
        w.key("description"); type("string", &w)
        w.key("input"); input(&w)
        w.key("parameters")
        w.beginObject()
        w.key("type"); w.string("object")
        w.key("additionalProperties")
        w.beginObject()
        w.key("oneOf")
        w.beginArray()
        type("string", &w)
        object(["required": { type("boolean", &$0) }, "default": { type("string", &$0) }, "description": { type("string", &$0) }], &w)
        w.endArray()
        w.endObject()
        w.endObject()
        w.key("records"); records(&w)
        w.key("operator"); object(["id": { ref("value", &$0) }, "name": { ref("value", &$0) }], required: ["id"], &w)
        w.key("operators")
        w.beginObject()
        w.key("type"); w.string("object")
        w.key("additionalProperties")
        object(["name": { type("string", &$0) }, "evse": { ref("evse", &$0) }], &w)
        w.endObject()
        w.key("evse"); ref("evse", &w)
        w.key("tables")
        w.beginObject()
        w.key("type"); w.string("object")
        w.key("additionalProperties"); table(&w)
        w.endObject()
        w.endObject()
        w.key("definitions")
        w.beginObject()
        w.key("value"); value(&w)
        w.key("expression"); expression(&w)
        w.key("evse"); fields(TargetCatalog.record.map(\.name), &w)
        for (name, targets) in objectTargets { w.key(text: name); fields(targets, &w) }
        w.endObject()
        w.endObject()
        return JSONIndent.indent(w.bytes)
    }

    /// Fields whose value is an object (or a list of objects) with these fields.
    static let objectTargets: [(String, [String])] = [
        ("Address", TargetCatalog.address.map(\.name)),
        ("ChargingFacility", TargetCatalog.facility.map(\.name)),
        ("EnergySource", TargetCatalog.energySource.map(\.name)),
        ("EnvironmentalImpact", TargetCatalog.environmentalImpact.map(\.name)),
        ("OpeningTimes", TargetCatalog.openingTimes.map(\.name)),
        ("Period", TargetCatalog.period.map(\.name)),
        ("InfoText", ["lang", "value"]),
        ("Coordinates", ["latitude", "longitude", "value", "format", "decimals"]),
    ]

    static let fieldKinds: [String: (definition: String, list: Bool)] = [
        "Address": ("Address", false), "ChargingFacilities": ("ChargingFacility", true), "EnergySource": ("EnergySource", true),
        "EnvironmentalImpact": ("EnvironmentalImpact", false), "OpeningTimes": ("OpeningTimes", true), "Period": ("Period", true),
        "ChargingStationNames": ("InfoText", true), "AdditionalInfo": ("InfoText", true), "ChargingStationLocationReference": ("InfoText", true),
        "GeoCoordinates": ("Coordinates", false), "GeoChargingPointEntrance": ("Coordinates", false),
    ]

    private static func type(_ t: String, _ w: inout JSONWriter) {
        types([t], &w)
    }

    /// `{"type": "t"}`, or `{"type": ["t1", "t2", …]}` for more than one type.
    private static func types(_ names: [String], _ w: inout JSONWriter) {
        w.beginObject()
        typeKey(names, &w)
        w.endObject()
    }

    /// The `type` member of an object being written.
    private static func typeKey(_ names: [String], _ w: inout JSONWriter) {
        w.key("type")
        if names.count == 1 {
            w.string(names[0])
        } else {
            w.beginArray()
            for n in names { w.string(n) }
            w.endArray()
        }
    }

    private static func ref(_ definition: String, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("$ref")
        w.string("#/definitions/" + definition)
        w.endObject()
    }

    private static func required(_ keys: [String], _ w: inout JSONWriter) {
        w.key("required")
        w.beginArray()
        for k in keys { w.string(k) }
        w.endArray()
    }

    private static func enumeration(_ values: [String], _ w: inout JSONWriter) {
        w.beginObject()
        w.key("enum")
        w.beginArray()
        for v in values { w.string(v) }
        w.endArray()
        w.endObject()
    }

    private static func object(_ properties: KeyValuePairs<String, (inout JSONWriter) -> Void>, required keys: [String] = [], _ w: inout JSONWriter) {
        w.beginObject()
        w.key("type"); w.string("object")
        if !keys.isEmpty { required(keys, &w) }
        w.key("additionalProperties"); w.bool(false)
        w.key("properties")
        w.beginObject()
        for (k, body) in properties {
            w.key(text: k)
            body(&w)
        }
        w.endObject()
        w.endObject()
    }

    private static func input(_ w: inout JSONWriter) {
        w.beginObject()
        w.key("type"); w.string("object")
        w.key("additionalProperties"); w.bool(false)
        w.key("properties")
        w.beginObject()
        w.key("format"); enumeration(InputSpec.Format.allCases.map(\.rawValue), &w)
        for k in ["delimiter", "quote", "encoding", "ragged", "decimal", "keys"] { w.key(text: k); type("string", &w) }
        for k in ["skip_lines", "max_field_bytes", "max_depth", "max_text_bytes", "max_record_bytes", "max_record_nodes", "max_file_bytes"] { w.key(text: k); type("integer", &w) }
        w.key("header"); type("boolean", &w)
        w.key("namespaces")
        w.beginObject()
        w.key("type"); w.string("object")
        w.key("additionalProperties"); type("string", &w)
        w.endObject()
        w.endObject()
        w.endObject()
    }

    private static func records(_ w: inout JSONWriter) {
        w.beginObject()
        w.key("type"); w.string("object")
        w.key("additionalProperties"); w.bool(false)
        w.key("properties")
        w.beginObject()
        w.key("path"); type("string", &w)
        w.key("enclosing")
        w.beginObject()
        typeKey(["string", "object"], &w)
        w.key("additionalProperties"); types(["string", "object"], &w)
        w.endObject()
        w.key("select"); type("string", &w)
        w.key("explode")
        w.beginObject()
        w.key("type"); w.string("object")
        w.key("additionalProperties"); w.bool(false)
        w.key("properties")
        w.beginObject()
        w.key("var"); type("string", &w)
        w.key("values"); type("array", &w)
        w.key("from"); type("integer", &w)
        w.key("to"); type("integer", &w)
        w.key("when"); type("string", &w)
        w.endObject()
        w.endObject()
        w.key("group")
        w.beginObject()
        w.key("type"); w.string("object")
        required(["by"], &w)
        w.key("additionalProperties"); w.bool(false)
        w.key("properties")
        w.beginObject()
        w.key("by"); ref("value", &w)
        w.key("adjacent"); type("boolean", &w)
        w.key("merge")
        w.beginObject()
        w.key("type"); w.string("object")
        w.key("additionalProperties"); enumeration(MergePolicy.allCases.map(\.rawValue), &w)
        w.endObject()
        w.endObject()
        w.endObject()
        w.endObject()
        w.endObject()
    }

    private static func table(_ w: inout JSONWriter) {
        w.beginObject()
        w.key("type"); w.string("object")
        w.key("additionalProperties"); w.bool(false)
        w.key("properties")
        w.beginObject()
        w.key("values")
        w.beginObject()
        w.key("type"); w.string("object")
        w.key("additionalProperties"); types(["string", "array", "null"], &w)
        w.endObject()
        w.key("patterns")
        w.beginObject()
        w.key("type"); w.string("array")
        w.key("items")
        w.beginObject()
        w.key("type"); w.string("object")
        required(["match", "value"], &w)
        w.key("additionalProperties"); w.bool(false)
        w.key("properties")
        w.beginObject()
        w.key("match"); type("string", &w)
        w.key("value"); types(["string", "array", "null"], &w)
        w.endObject()
        w.endObject()
        w.endObject()
        w.key("collect"); type("boolean", &w)
        w.key("unknown"); enumeration(["reject", "drop", "keep", "default"], &w)
        w.key("default"); types(["string", "array"], &w)
        w.key("match"); enumeration(["exact", "normalized"], &w)
        w.key("description"); type("string", &w)
        w.endObject()
        w.endObject()
    }

    private static func value(_ w: inout JSONWriter) {
        w.beginObject()
        w.key("description"); w.string("A constant, a list of values, or an expression naming its source and its steps.")
        w.key("anyOf")
        w.beginArray()
        types(["string", "number", "boolean", "null"], &w)
        w.beginObject()
        w.key("type"); w.string("array")
        w.key("items"); ref("value", &w)
        w.endObject()
        ref("expression", &w)
        w.endArray()
        w.endObject()
    }

    private static func expression(_ w: inout JSONWriter) {
        w.beginObject()
        w.key("type"); w.string("object")
        w.key("additionalProperties"); w.bool(false)
        w.key("properties")
        w.beginObject()
        for k in ExpressionCompiler.sourceKeys + ExpressionCompiler.stepKeys + ExpressionCompiler.modifierKeys {
            w.key(text: k)
            switch k {
            case "first": w.beginObject(); w.key("type"); w.string("array"); w.key("items"); ref("value", &w); w.endObject()
            case "on_error": enumeration(Step.FailurePolicy.allCases.map(\.rawValue), &w)
            case "column", "path", "template", "param", "when", "remove", "join", "table", "date", "matches", "description", "prefix", "suffix":
                if k == "column" {
                    types(["string", "integer"], &w)
                } else {
                    type("string", &w)
                }
            default:
                w.beginObject()
                w.endObject()
            }
        }
        w.endObject()
        w.endObject()
    }

    private static func fields(_ names: [String], _ w: inout JSONWriter) {
        w.beginObject()
        w.key("type"); w.string("object")
        w.key("additionalProperties"); w.bool(false)
        w.key("properties")
        w.beginObject()
        for n in names {
            w.key(text: n)
            guard let kind = fieldKinds[n] else {
                ref("value", &w)
                continue
            }
            if kind.list {
                w.beginObject()
                w.key("anyOf")
                w.beginArray()
                w.beginObject(); w.key("type"); w.string("array"); w.key("items"); ref(kind.definition, &w); w.endObject()
                ref(kind.definition, &w)
                w.endArray()
                w.endObject()
            } else if kind.definition == "Coordinates" {
                w.beginObject(); w.key("anyOf"); w.beginArray(); ref("Coordinates", &w); ref("value", &w); w.endArray(); w.endObject()
            } else {
                ref(kind.definition, &w)
            }
        }
        w.endObject()
        w.endObject()
    }
}
