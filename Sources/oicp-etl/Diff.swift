import ArgumentParser
import Bundles
import Conversion
import ETLCore
import Foundation
import OICP

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write insert, update and delete bundles that turn the bundles of OLD into those of NEW.",
        discussion: """
            OLD and NEW are output folders of convert (or folders of bundles). Records are compared \
            by meaning (key and list order, number spelling, deltaType and lastUpdate do not count). \
            An operator without change gets no file. Push the files of OUT/delta in name order, one \
            request at a time: 1-insert, 2-update, 3-delete.
            """
    )

    @Argument(help: "The previous bundles.")
    var old: String

    @Argument(help: "The new bundles.")
    var new: String

    @Option(name: [.short, .long], help: "The output folder (its delta/ holds the bundles).")
    var out: String

    @Option(help: "The OICP version of the bundles: 2.3 or 2.2.")
    var oicp: String = "2.3"

    @Option(help: ArgumentHelp("Split bundles into parts of at most N records.", valueName: "n"))
    var maxRecords: Int?

    @Flag(help: "Let an operator that is missing from NEW have all its EVSEs deleted.")
    var allowFullDelete = false

    func validate() throws {
        guard OICPVersion(rawValue: oicp) != nil else { throw ValidationError("--oicp must be 2.3 or 2.2, not '\(oicp)'") }
        if let maxRecords, maxRecords < 1 { throw ValidationError("--max-records must be at least 1") }
    }

    func run() throws {
        do {
            let result = try DeltaRun.run(old: old, new: new, out: out, version: OICPVersion(rawValue: oicp)!, maxRecords: maxRecords,
                allowFullDelete: allowFullDelete)
            for w in result.warnings { FileHandle.standardError.write(Data((w.description + "\n").utf8)) }
            let text = RunSummary.deltaTable(result.counts, files: result.bundles.map(\.fileName)) + "\n"
            FileHandle.standardError.write(Data(text.utf8))
        } catch let d as Diagnostic {
            FileHandle.standardError.write(Data((d.description + "\n").utf8))
            throw ExitCode(2)
        }
    }
}
