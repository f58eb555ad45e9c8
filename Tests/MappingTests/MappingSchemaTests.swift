import Foundation
import OICP
import Testing

@testable import Mapping

@Suite struct MappingSchemaTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/mapping.schema.json")

    @Test func theShippedSchemaIsTheGeneratedOne() throws {
        let shipped = String(decoding: try Data(contentsOf: Self.docs), as: UTF8.self)
        let same = shipped == String(decoding: MappingSchema.json(), as: UTF8.self)
        #expect(same, "docs/mapping.schema.json is out of date; regenerate with: oicp-etl mapping schema > docs/mapping.schema.json")
    }

    @Test func schemaNamesEveryFieldAndStep() throws {
        let json = try JSONParser().parse(MappingSchema.json())
        guard case .object(let evse)? = json["definitions"]?["evse"]?["properties"],
            case .object(let expression)? = json["definitions"]?["expression"]?["properties"],
            case .object(let address)? = json["definitions"]?["Address"]?["properties"]
        else {
            Issue.record("schema shape")
            return
        }
        #expect(evse.map(\.key) == TargetCatalog.record.map(\.name))
        #expect(Set(expression.map(\.key)) == Set(ExpressionCompiler.sourceKeys + ExpressionCompiler.stepKeys + ExpressionCompiler.modifierKeys))
        #expect(address.map(\.key) == TargetCatalog.address.map(\.name))
        #expect(json["properties"]?["version"]?["const"] == .number("1"))
    }
}
