import ArgumentParser

struct MappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapping",
        abstract: "Write and check mapping files.",
        subcommands: [MappingCheckCommand.self, MappingInitCommand.self, MappingSchemaCommand.self, MappingShippedCommand.self]
    )
}
