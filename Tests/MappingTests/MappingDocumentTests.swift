import ETLCore
import Testing

@testable import Mapping

/// Malformed mapping files fail before any record is read, naming the line and key path.
@Suite struct MappingDocumentTests {
    @Test func missingVersion() {
        let d = MappingHarness.error(yaml: "evse: {}\n")
        #expect(d?.rule == "mapping.version")
        #expect(d?.message.contains("version: 1") == true)
    }

    @Test func unsupportedVersion() {
        let d = MappingHarness.error(yaml: "version: 7\nevse: {}\n")
        #expect(d?.rule == "mapping.version")
        #expect(d?.line == 1)
    }

    @Test func unknownTopLevelKey() {
        let d = MappingHarness.error(yaml: "version: 1\nevse: {}\ntabels: {}\n")
        #expect(d?.rule == "mapping.unknown-key")
        #expect(d?.line == 3)
        #expect(d?.field == "tabels")
        #expect(d?.message.contains("did you mean 'tables'") == true)
        #expect(d?.description.hasPrefix("test.yaml:3: error: [mapping.unknown-key]") == true)
    }

    @Test func unknownFieldWithSuggestion() {
        let yaml = MappingHarness.yaml(evse: "EvseId: { column: a }")
        let d = MappingHarness.error(yaml: yaml)
        #expect(d?.rule == "mapping.unknown-field")
        #expect(d?.message.contains("did you mean 'EvseID'") == true)
        #expect(d?.line == 5)
        #expect(d?.field == "evse.EvseId")
    }

    @Test func unknownNestedField() {
        let yaml = MappingHarness.yaml(evse: "Address:\n  Town: { column: a }")
        let d = MappingHarness.error(yaml: yaml)
        #expect(d?.message.contains("unknown field 'Town' in Address") == true)
        #expect(d?.field == "evse.Address.Town")
        #expect(d?.line == 6)
    }

    @Test func unknownStepKey() {
        let d = MappingHarness.error(yaml: MappingHarness.yaml(evse: "EvseID: { column: a, uper: true }"))
        #expect(d?.rule == "mapping.unknown-key")
        #expect(d?.message.contains("did you mean 'upper'") == true)
        #expect(d?.field == "evse.EvseID.uper")
    }

    @Test func unknownColumn() {
        let d = MappingHarness.error(yaml: MappingHarness.yaml(evse: "EvseID: { column: evse_idd }"), header: ["evse_id", "name"])
        #expect(d?.rule == "mapping.unknown-column")
        #expect(d?.message.contains("did you mean 'evse_id'") == true)
        #expect(d?.line == 5)
    }

    @Test func unknownColumnInTemplateAndCondition() {
        let t = MappingHarness.error(yaml: MappingHarness.yaml(evse: "EvseID: { template: \"DE*ABC*E{station}\" }"))
        #expect(t?.rule == "mapping.unknown-column")
        let c = MappingHarness.error(yaml: MappingHarness.yaml(evse: "EvseID: { column: a, when: \"{c} == 'x'\" }"))
        #expect(c?.rule == "mapping.unknown-column")
    }

    @Test func unknownTable() {
        let d = MappingHarness.error(yaml: MappingHarness.yaml(evse: "Plugs: { column: a, table: plug }", extra: "tables:\n  plugs: { values: { x: y } }"))
        #expect(d?.rule == "mapping.unknown-table")
        #expect(d?.message.contains("did you mean 'plugs'") == true)
    }

    @Test func conditionSyntax() {
        let d = MappingHarness.error(yaml: MappingHarness.yaml(evse: "EvseID: { column: a, when: \"{a} == x\" }"))
        #expect(d?.rule == "mapping.syntax")
        #expect(d?.message.contains("write {x} for the column or 'x' for the text") == true)
    }

    @Test func yamlSyntaxError() {
        let d = MappingHarness.error(yaml: "version: 1\nevse:\n  EvseID: { column: a\n")
        #expect(d?.rule == "mapping.yaml")
        #expect(d?.line != nil)
    }

    @Test func twoSources() {
        let d = MappingHarness.error(yaml: MappingHarness.yaml(evse: "EvseID: { column: a, const: x }"))
        #expect(d?.message.contains("more than one source") == true)
    }

    @Test func parameters() {
        let yaml = "version: 1\nparameters: { operator_id: { required: true } }\noperator: { id: { param: operator_id } }\nevse: { EvseID: { column: a } }\n"
        #expect(MappingHarness.error(yaml: yaml)?.message.contains("--set operator_id=") == true)
        #expect(MappingHarness.error(yaml: yaml, parameters: ["operator_id": "DE*ABC"]) == nil)
        #expect(MappingHarness.error(yaml: yaml, parameters: ["operator_id": "DE*ABC", "operatorid": "x"])?.message.contains("declares no parameter") == true)
    }

    @Test func yamlCoreSchemaScalars() throws {
        // `NO` is text (the country code), not a boolean; quoted numbers are text.
        let h = try MappingHarness(yaml: MappingHarness.yaml(evse: "Address:\n  Country: NO\n  City: { column: a }\n  PostalCode: \"0150\""), csv: "a\nOslo\n")
        #expect(h.records[0].evse.address?.country == "NO")
        #expect(h.records[0].evse.address?.postalCode == "0150")
    }

    @Test func aliasBombIsRefused() {
        var yaml = "version: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...8 { yaml += "a\(i): &a\(i) [*a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1), *a\(i - 1)]\n" }
        yaml += "evse: {}\n"
        #expect(MappingHarness.error(yaml: yaml)?.rule == "mapping.too-large")
    }
}
