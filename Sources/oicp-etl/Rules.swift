import ArgumentParser
import OICP

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the OICP validation rules and their identifiers.")

    func run() throws {
        for rule in Rule.all { print("\(rule.id)\t\(rule.summary)") }
    }
}
