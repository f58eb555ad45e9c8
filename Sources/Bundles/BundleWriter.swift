import ETLCore
import OICP

/// Writes one `eRoamingPushEvseData` file per operator as records arrive: the envelope's head
/// when the operator's first record comes, records one per line, the tail at the end.
///
/// Operators are told apart by their OperatorID without `*` and case (`DE*ABC` and `DEABC` are
/// one operator; the first spelling seen is used). An operator with no record gets no file:
/// an empty `fullLoad` would delete all of its data at Hubject.
public final class BundleWriter {
    public let directory: OutputDirectory
    public let version: OICPVersion
    public let action: ActionType
    private var bundles: [String: Bundle] = [:]
    private var order: [String] = []
    private var openCount = 0
    /// The most descriptors kept open at once; the least recently written are suspended.
    private let maxOpen = 256
    private var clock = 0
    private let keyCache = OperatorKeyCache()

    final class Bundle {
        let operatorID: String
        let operatorName: String?
        let fileName: String
        let sink: FileSink
        var records = 0
        var lastUse = 0

        init(operatorID: String, operatorName: String?, fileName: String, sink: FileSink) {
            self.operatorID = operatorID
            self.operatorName = operatorName
            self.fileName = fileName
            self.sink = sink
        }
    }

    /// What was written for one operator.
    public struct Summary: Sendable, Equatable {
        public var operatorID: String
        public var operatorName: String?
        /// The bundle's path relative to the output folder (`bundles/DE_ABC.json`).
        public var fileName: String
        public var records: Int
        public var bytes: Int
    }

    public init(directory: OutputDirectory, version: OICPVersion, action: ActionType = .fullLoad) throws {
        self.directory = directory
        self.version = version
        self.action = action
        try directory.makeFolder(Self.folder)
    }

    /// The file name of an operator's bundle: the OperatorID with `*` as `_` (`DE_ABC.json`).
    public static func fileName(for operatorID: String) -> String {
        let safe = operatorID.map { c -> Character in
            if c == "*" { return "_" }
            if c.isASCII && (c.isLetter || c.isNumber || c == "+" || c == "-") { return c }
            return "_"
        }
        return String(safe) + ".json"
    }

    /// The folder, inside the output folder, that holds the bundles (and nothing else).
    public static let folder = "bundles"

    /// Appends one encoded record (a JSON object) to the operator's bundle.
    public func append(_ recordJSON: [UInt8], operatorID: String, operatorName: String?) throws {
        let key = keyCache.key(operatorID)
        clock += 1
        let bundle: Bundle
        if let b = bundles[key] {
            bundle = b
            if !b.sink.isOpen {
                try makeRoom()
                openCount += 1
            }
            try b.sink.write([UInt8(ascii: ","), UInt8(ascii: "\n")])
        } else {
            try makeRoom()
            let name = Self.fileName(for: operatorID)
            let sink = try FileSink(path: directory.stagedFile(Self.folder + "/" + name))
            openCount += 1
            bundle = Bundle(operatorID: operatorID, operatorName: operatorName, fileName: name, sink: sink)
            bundles[key] = bundle
            order.append(key)
            try sink.write(head(operatorID: operatorID, operatorName: operatorName))
        }
        bundle.lastUse = clock
        try bundle.sink.write(recordJSON)
        bundle.records += 1
    }

    /// The operator's name as its bundle carries it, if the bundle exists.
    public func operatorName(for operatorID: String) -> String?? {
        bundles[Patterns.operatorKey(operatorID)].map(\.operatorName)
    }

    private func makeRoom() throws {
        guard openCount >= maxOpen else { return }
        if let victim = bundles.values.filter({ $0.sink.isOpen }).min(by: { $0.lastUse < $1.lastUse }) {
            try victim.sink.suspend()
            openCount -= 1
        }
    }

    private func head(operatorID: String, operatorName: String?) -> [UInt8] {
        var w = JSONWriter(capacity: 256)
        w.beginObject()
        w.key("ActionType")
        w.string(action.rawValue)
        w.key("OperatorEvseData")
        w.beginObject()
        w.key("OperatorID")
        w.string(operatorID)
        if let operatorName {
            w.key("OperatorName")
            w.string(operatorName)
        }
        w.key("EvseDataRecord")
        // The writer's bytes end with `"EvseDataRecord":`; the array is opened by hand.
        return w.bytes + Array("[\n".utf8)
    }

    /// Closes every bundle (writing the envelope's tail) and returns what was written, in the
    /// order operators first appeared.
    public func finish() throws -> [Summary] {
        var out: [Summary] = []
        for key in order {
            let b = bundles[key]!
            try b.sink.write(Array("\n]}}\n".utf8))
            try b.sink.close()
            out.append(Summary(operatorID: b.operatorID, operatorName: b.operatorName, fileName: Self.folder + "/" + b.fileName, records: b.records,
                bytes: b.sink.bytesWritten))
        }
        return out
    }
}
