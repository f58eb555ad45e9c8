import CSystem
import ETLCore
import Foundation

/// The output folder of a run, replaced as a whole or not at all.
///
/// Everything is written into a hidden staging folder beside `--out`. ``commit()`` swaps the
/// staging folder and `--out` in one atomic step (Linux `renameat2(RENAME_EXCHANGE)`), so a
/// run killed at any moment leaves either the previous complete output or the new one, never a
/// partial bundle. A folder that holds files oicp-etl did not write is refused, so a mistyped
/// `--out` cannot replace somebody's documents.
public final class OutputDirectory {
    public let path: String
    /// Where files are written until ``commit()``.
    public let stagingPath: String
    private var committed = false
    /// The file that marks a folder as oicp-etl output.
    public static let marker = "report.json"

    public init(path: String) throws {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        self.path = url.path
        let parent = url.deletingLastPathComponent().path
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if !fm.fileExists(atPath: parent) { try? fm.createDirectory(atPath: parent, withIntermediateDirectories: true) }
        guard fm.fileExists(atPath: parent, isDirectory: &isDir), isDir.boolValue else {
            throw Diagnostic.error("cannot create the folder that should hold the output: \(parent)", rule: "output.unwritable", file: path)
        }
        if fm.fileExists(atPath: self.path, isDirectory: &isDir) {
            guard isDir.boolValue else {
                throw Diagnostic.error("--out names a file, not a folder", rule: "output.unwritable", file: path)
            }
            let contents = (try? fm.contentsOfDirectory(atPath: self.path)) ?? []
            if !contents.isEmpty && !contents.contains(Self.marker) {
                throw Diagnostic.error("the output folder holds files oicp-etl did not write; choose an empty or new folder",
                    rule: "output.not-ours", file: path)
            }
        }
        Self.removeStale(parent: parent, name: url.lastPathComponent)
        stagingPath = parent + "/.\(url.lastPathComponent).oicp-etl-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try fm.createDirectory(atPath: stagingPath, withIntermediateDirectories: false)
        } catch {
            throw Diagnostic.error("cannot create files beside the output folder: \(error.localizedDescription)", rule: "output.unwritable", file: path)
        }
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(atPath: stagingPath) }
    }

    /// Creates a folder inside the staging folder.
    public func makeFolder(_ name: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: stagedFile(name), withIntermediateDirectories: true)
        } catch {
            throw Diagnostic.error("cannot create \(name): \(error.localizedDescription)", rule: "output.unwritable", file: path)
        }
    }

    /// A path inside the staging folder.
    public func stagedFile(_ name: String) -> String { stagingPath + "/" + name }

    /// Replaces the output folder with the staging folder.
    public func commit() throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            guard rename(stagingPath, path) == 0 else { throw failure("cannot move the output into place") }
        } else if oicp_rename_exchange(stagingPath, path) == 0 {
            try? fm.removeItem(atPath: stagingPath)  // now holds the previous output
        } else {
            // No atomic exchange on this file system: move the old folder aside first.
            let old = stagingPath + ".old"
            guard rename(path, old) == 0 else { throw failure("cannot move the previous output aside") }
            guard rename(stagingPath, path) == 0 else {
                _ = rename(old, path)
                throw failure("cannot move the output into place")
            }
            try? fm.removeItem(atPath: old)
        }
        committed = true
    }

    /// Discards what was written.
    public func abandon() {
        try? FileManager.default.removeItem(atPath: stagingPath)
        committed = true
    }

    private func failure(_ what: String) -> Diagnostic {
        Diagnostic.error("\(what): \(String(cString: strerror(errno)))", rule: "output.unwritable", file: path)
    }

    /// Staging folders of runs that were killed, whose process is gone.
    private static func removeStale(parent: String, name: String) {
        let prefix = ".\(name).oicp-etl-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) {
            let pidText = entry.dropFirst(prefix.count).prefix(while: { $0.isNumber })
            guard let pid = Int32(pidText), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: parent + "/" + entry) }
        }
    }
}
