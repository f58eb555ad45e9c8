import ETLCore
import Foundation
import OICP
import Readers

@testable import Mapping

/// Runs a mapping written in a test over CSV written in the test.
struct MappingHarness {
    let document: MappingDocument
    let mapping: CompiledMapping
    let mapper: Mapper
    let records: [MappedRecord]

    init(yaml: String, csv: String, parameters: [String: String] = [:], version: OICPVersion = .v2_3) throws {
        let file = TemporaryFile(csv)
        document = try MappingDocument.parse(yaml: yaml, file: "test.yaml")
        let reader = try CSVReader(path: file.path, options: document.input.csv)
        mapping = try MappingCompiler.compile(document, header: reader.header, parameters: parameters)
        mapper = Mapper(mapping: mapping, version: version)
        var out: [MappedRecord] = []
        while let r = try reader.next() { out += mapper.process(r) }
        out += mapper.finish()
        records = out
    }

    /// The mapping error a YAML text gives (compiled against `header`).
    static func error(yaml: String, header: [String] = ["a", "b"], parameters: [String: String] = [:]) -> Diagnostic? {
        do {
            let doc = try MappingDocument.parse(yaml: yaml, file: "test.yaml")
            _ = try MappingCompiler.compile(doc, header: CSVHeader(names: header), parameters: parameters)
            return nil
        } catch {
            return error as? Diagnostic
        }
    }

    /// A mapping with the given `evse:` body and a fixed operator.
    static func yaml(evse: String, extra: String = "") -> String {
        """
        version: 1
        operator: { id: "DE*ABC", name: "ABC" }
        \(extra)
        evse:
        \(evse.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))
        """
    }

    /// The value one field expression gives for one CSV row.
    static func value(_ expression: String, csv: String, extra: String = "", field: String = "ChargingStationID") throws -> MappedRecord {
        let h = try MappingHarness(yaml: yaml(evse: "\(field): \(expression)", extra: extra), csv: csv)
        return h.records[0]
    }
}
