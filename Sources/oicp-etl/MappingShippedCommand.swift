import ArgumentParser
import Conversion
import Foundation

/// For maintainers: writes `Sources/Conversion/ShippedMappings.swift` from `mappings/*.yaml`.
struct MappingShippedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shipped",
        abstract: "List the built-in mappings, or write their Swift source from mappings/ (--write).",
        shouldDisplay: false
    )

    @Option(help: "Write the Swift source of the built-in mappings from ./mappings/*.yaml to this file.")
    var write: String?

    func run() throws {
        guard let write else {
            for m in ShippedMappings.all { print(m.name) }
            return
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: "mappings").filter { $0.hasSuffix(".yaml") }.sorted()
        var out = """
            // Generated from mappings/*.yaml; a test checks that they match.
            // After editing a mapping, regenerate: oicp-etl mapping shipped --write Sources/Conversion/ShippedMappings.swift
            // (or copy the file's text here by hand).

            /// The mappings in `mappings/`, built into the tool so `convert` can use them without a path.
            public enum ShippedMappings {
                public static let all: [(name: String, yaml: String)] = [

            """
        for name in names {
            let text = try String(contentsOfFile: "mappings/" + name, encoding: .utf8)
            out += "        (\"\(name)\", #\"\"\"\n\(text)\"\"\"#),\n"
        }
        out += """
                ]

                public static func yaml(named name: String) -> String? { all.first { $0.name == name }?.yaml }
            }

            """
        try out.write(toFile: write, atomically: true, encoding: .utf8)
    }
}
