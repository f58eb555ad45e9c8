import ETLCore
import Foundation
import OICP

/// The bundles of a previous run, the baseline of delta bundles: for each operator, every
/// EvseID with the fingerprint of its record.
///
/// A missing, empty or unreadable baseline is an error, never an empty baseline: an empty one
/// would make every record an insert, and a broken one could turn into deleting everything.
public final class Baseline {
    public struct Operator {
        public var operatorID: String
        public var operatorName: String?
        /// EvseID (its 128-bit fingerprint, case-insensitive) → fingerprint of the record's
        /// meaning. 24 bytes per EVSE, not the ID's text.
        public var records: [IDFingerprint: UInt64] = [:]
        public var files: [String] = []
    }

    public private(set) var operators: [String: Operator] = [:]
    public private(set) var order: [String] = []
    public let path: String

    /// Reads `path`: an output folder of oicp-etl (its `bundles/`) or a folder of bundles.
    public init(path: String) throws {
        self.path = path
        for file in try Self.bundleFiles(in: path) {
            try Self.records(in: file) { operatorID, operatorName, _, scan in
                let key = Patterns.operatorKey(operatorID)
                if operators[key] == nil {
                    operators[key] = Operator(operatorID: operatorID, operatorName: operatorName)
                    order.append(key)
                }
                if operators[key]!.files.last != file { operators[key]!.files.append(file) }
                operators[key]!.records[IDFingerprint(scan.evseID!)] = scan.fingerprint
            }
        }
    }

    /// The bundle files of a folder (or of its `bundles/` folder), sorted.
    public static func bundleFiles(in path: String) throws -> [String] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic.error("the baseline folder does not exist; a delta needs the output of a previous run", rule: "baseline.missing",
                file: path)
        }
        let folder = fm.fileExists(atPath: path + "/bundles") ? path + "/bundles" : path
        let files = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") && $0 != "report.json" }.sorted()
        let hasReport = fm.fileExists(atPath: path + "/report.json")
        if files.isEmpty && !hasReport {
            throw Diagnostic.error("the baseline folder holds no bundles and no report.json: it is not the output of a previous run",
                rule: "baseline.missing", file: path)
        }
        return files.map { folder + "/" + $0 }
    }

    /// Calls `body` for every record of a bundle file, with its operator, its JSON (one compact
    /// object) and its fingerprint and EvseID. Bundles written by oicp-etl (one record per line)
    /// are read line by line without building values; others are parsed whole.
    public static func records(in file: String,
                               _ body: (_ operatorID: String, _ operatorName: String?, _ json: ArraySlice<UInt8>, _ scan: FingerprintScanner.Result) throws -> Void)
        throws
    {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw Diagnostic.error("cannot read the baseline bundle", rule: "baseline.unreadable", file: file)
        }
        let bytes = [UInt8](data)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        do {
            if lines.count >= 3, let head = lines.first, head.last == UInt8(ascii: "["), head.starts(with: Array("{\"ActionType\"".utf8)) {
                let envelope = try JSONParser().parse(Array(head) + Array("]}}".utf8))
                guard case .string(let operatorID)? = envelope["OperatorEvseData"]?["OperatorID"] else {
                    throw Diagnostic.error("the bundle has no OperatorID", rule: "baseline.corrupt", file: file, line: 1)
                }
                let name: String? = if case .string(let n)? = envelope["OperatorEvseData"]?["OperatorName"] { n } else { nil }
                for (i, line) in lines.enumerated().dropFirst() {
                    var l = line
                    if l.elementsEqual("]}}".utf8) || l.isEmpty { continue }
                    if l.last == UInt8(ascii: ",") { l.removeLast() }
                    let scan: FingerprintScanner.Result
                    do { scan = try FingerprintScanner.scan(l) } catch {
                        throw Diagnostic.error("the bundle is damaged: \(error.message)", rule: "baseline.corrupt", file: file, line: i + 1)
                    }
                    guard scan.evseID != nil else {
                        throw Diagnostic.error("a record without EvseID", rule: "baseline.corrupt", file: file, line: i + 1)
                    }
                    try body(operatorID, name, l, scan)
                }
                return
            }
            let json = try JSONParser().parse(bytes)
            guard case .string(let operatorID)? = json["OperatorEvseData"]?["OperatorID"],
                case .array(let records)? = json["OperatorEvseData"]?["EvseDataRecord"]
            else {
                throw Diagnostic.error("not an eRoamingPushEvseData bundle", rule: "baseline.corrupt", file: file)
            }
            let name: String? = if case .string(let n)? = json["OperatorEvseData"]?["OperatorName"] { n } else { nil }
            for (i, record) in records.enumerated() {
                let compact = ArraySlice(JSONCompactWriter.bytes(of: record))
                guard case .object = record, let scan = try? FingerprintScanner.scan(compact), scan.evseID != nil else {
                    throw Diagnostic.error("record \(i + 1) has no EvseID", rule: "baseline.corrupt", file: file)
                }
                try body(operatorID, name, compact, scan)
            }
        } catch let e as JSONParser.Error {
            throw Diagnostic.error("the bundle is not valid JSON: \(e.message)", rule: "baseline.corrupt", file: file, line: e.line)
        }
    }
}
