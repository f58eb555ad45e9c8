import Foundation

/// A file in a fresh temporary folder, removed when the test ends.
final class TemporaryFile {
    let folder: URL
    let path: String

    init(_ bytes: [UInt8], name: String = "input.csv") {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("oicp-etl-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent(name).path
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    convenience init(_ text: String, name: String = "input.csv") {
        self.init(Array(text.utf8), name: name)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}
