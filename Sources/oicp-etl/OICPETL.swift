import ArgumentParser

@main
struct OICPETL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oicp-etl",
        abstract: "Convert charge point inventories (CSV, XML, OCPI JSON) into OICP eRoamingPushEvseData bundles.",
        discussion: """
            Exit status: 0 every record converted (or the checked files are clean); 1 some records \
            were rejected (see the rejects file) or findings were reported; 2 the run failed (an \
            unreadable input, a bad mapping, an output folder that cannot be written); 64 bad usage.
            """,
        version: "0.1.0",
        subcommands: [Convert.self, Validate.self, Diff.self, MappingCommand.self, Rules.self]
    )
}
