import ETLCore
import OICP

/// Writes one `eRoamingPushEvseData` file per operator as records arrive: the envelope's head
/// when the operator's first record comes, records one per line, the tail at the end.
///
/// Operators are told apart by their OperatorID without `*` and case (`DE*ABC` and `DEABC` are
/// one operator; the first spelling seen is used). An operator with no record gets no file:
/// an empty `fullLoad` would delete all of its data at Hubject.
///
/// With `maxRecords`, an operator's bundle is split into parts of at most that many records:
/// the first part has the writer's action, the following ones `insert` (a `fullLoad` replaces
/// everything, so only the first part may be one); file names carry the part number and action
/// so that sorting them gives the order to push them in.
public final class BundleWriter {
    public let directory: OutputDirectory
    public let version: OICPVersion
    public let action: ActionType
    /// The folder inside the output folder (`bundles`, `delta`).
    public let folder: String
    /// Text after the operator in file names (`.1-insert` for delta bundles).
    public let nameSuffix: String
    public let maxRecords: Int?
    private var bundles: [String: Bundle] = [:]
    /// The bundle of the last record, by key: records of one operator mostly come in a row.
    private var last: (key: String, bundle: Bundle)?
    private var order: [String] = []
    private var openCount = 0
    /// The most descriptors kept open at once; the least recently written are suspended.
    private let maxOpen = 256
    private var clock = 0
    private let keyCache = OperatorKeyCache()
    private var finished: [Summary] = []

    final class Bundle {
        let operatorID: String
        let operatorName: String?
        var fileName: String
        var sink: FileSink
        var records = 0
        var part = 1
        var lastUse = 0

        init(operatorID: String, operatorName: String?, fileName: String, sink: FileSink) {
            self.operatorID = operatorID
            self.operatorName = operatorName
            self.fileName = fileName
            self.sink = sink
        }
    }

    /// What was written for one operator (one entry per file).
    public struct Summary: Sendable, Equatable {
        public var operatorID: String
        public var operatorName: String?
        /// The bundle's path relative to the output folder (`bundles/DE_ABC.json`).
        public var fileName: String
        public var action: ActionType
        public var records: Int
        public var bytes: Int
    }

    public init(directory: OutputDirectory, version: OICPVersion, action: ActionType = .fullLoad, folder: String = "bundles",
                nameSuffix: String = "", maxRecords: Int? = nil) throws {
        self.directory = directory
        self.version = version
        self.action = action
        self.folder = folder
        self.nameSuffix = nameSuffix
        self.maxRecords = maxRecords
        try directory.makeFolder(folder)
    }

    /// The OperatorID as a file name: `*` as `_`, anything unusual as `_` (`DE*ABC` → `DE_ABC`).
    public static func baseName(for operatorID: String) -> String {
        String(operatorID.map { c -> Character in
            if c == "*" { return "_" }
            if c.isASCII && (c.isLetter || c.isNumber || c == "+" || c == "-") { return c }
            return "_"
        })
    }

    /// The file name of an operator's bundle (`DE_ABC.json`).
    public static func fileName(for operatorID: String) -> String { baseName(for: operatorID) + ".json" }

    /// The folder, inside the output folder, that holds the full bundles (and nothing else).
    public static let bundlesFolder = "bundles"

    private func fileName(operatorID: String, part: Int) -> String {
        let base = Self.baseName(for: operatorID) + nameSuffix
        guard maxRecords != nil else { return base + ".json" }
        let number = String(repeating: "0", count: max(0, 3 - String(part).count)) + String(part)
        // Parts of a full load say which is the fullLoad and which are inserts; parts of a delta
        // bundle all have the action its name already carries.
        return action == .fullLoad ? "\(base).part\(number)-\(actionOf(part: part).rawValue).json" : "\(base).part\(number).json"
    }

    private func actionOf(part: Int) -> ActionType { part == 1 || action != .fullLoad ? action : .insert }

    /// Appends one encoded record (a JSON object) to the operator's bundle.
    /// - Parameter operatorKey: ``Patterns/operatorKey(_:)`` of the ID, when the caller has it.
    public func append(_ recordJSON: [UInt8], operatorID: String, operatorName: String?, operatorKey: String? = nil) throws {
        try recordJSON.withUnsafeBufferPointer { try append($0, operatorID: operatorID, operatorName: operatorName, operatorKey: operatorKey) }
    }

    /// Appends one encoded record (a JSON object) to the operator's bundle.
    /// - Parameter operatorKey: ``Patterns/operatorKey(_:)`` of the ID, when the caller has it.
    public func append(_ recordJSON: UnsafeBufferPointer<UInt8>, operatorID: String, operatorName: String?, operatorKey: String? = nil) throws {
        let key = operatorKey ?? keyCache.key(operatorID)
        clock += 1
        let bundle: Bundle
        // The operator of the record before, mostly: found without a lookup (and without copying
        // the remembered pair, which counted a reference to each part).
        let same = last?.key == key
        if let b = same ? last?.bundle : bundles[key] {
            bundle = b
            if let maxRecords, b.records >= maxRecords {
                // The part is full: close it and start the next.
                try close(b)
                b.part += 1
                b.records = 0
                try makeRoom()
                b.fileName = fileName(operatorID: b.operatorID, part: b.part)
                b.sink = try FileSink(path: directory.stagedFile(folder + "/" + b.fileName))
                openCount += 1
                try b.sink.write(head(operatorID: b.operatorID, operatorName: b.operatorName, action: actionOf(part: b.part)))
            } else {
                if !b.sink.isOpen {
                    try makeRoom()
                    openCount += 1
                }
                try b.sink.write(UInt8(ascii: ","), UInt8(ascii: "\n"))
            }
        } else {
            try makeRoom()
            let name = fileName(operatorID: operatorID, part: 1)
            let sink = try FileSink(path: directory.stagedFile(folder + "/" + name))
            openCount += 1
            bundle = Bundle(operatorID: operatorID, operatorName: operatorName, fileName: name, sink: sink)
            bundles[key] = bundle
            order.append(key)
            try sink.write(head(operatorID: operatorID, operatorName: operatorName, action: actionOf(part: 1)))
        }
        bundle.lastUse = clock
        if !same { last = (key, bundle) }
        try bundle.sink.write(recordJSON)
        bundle.records += 1
    }

    private func close(_ b: Bundle) throws {
        try b.sink.write(Array("\n]}}\n".utf8))
        let wasOpen = b.sink.isOpen
        try b.sink.close()
        if wasOpen { openCount -= 1 }
        finished.append(Summary(operatorID: b.operatorID, operatorName: b.operatorName, fileName: folder + "/" + b.fileName,
            action: actionOf(part: b.part), records: b.records, bytes: b.sink.bytesWritten))
    }

    private func makeRoom() throws {
        guard openCount >= maxOpen else { return }
        if let victim = bundles.values.filter({ $0.sink.isOpen }).min(by: { $0.lastUse < $1.lastUse }) {
            try victim.sink.suspend()
            openCount -= 1
        }
    }

    private func head(operatorID: String, operatorName: String?, action: ActionType) -> [UInt8] {
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
    /// order operators first appeared, parts in order.
    public func finish() throws -> [Summary] {
        for key in order { try close(bundles[key]!) }
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        return finished.sorted {
            let a = position[keyCache.key($0.operatorID)]!
            let b = position[keyCache.key($1.operatorID)]!
            return a != b ? a < b : $0.fileName < $1.fileName
        }
    }
}
