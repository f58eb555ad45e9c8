import ArgumentParser
import Mapping

struct MappingSchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of mapping files (the same as docs/mapping.schema.json).",
        discussion: "Point a YAML language server at it with a first line '# yaml-language-server: $schema=PATH/mapping.schema.json'."
    )

    func run() throws {
        print(String(decoding: MappingSchema.json(), as: UTF8.self), terminator: "")
    }
}
