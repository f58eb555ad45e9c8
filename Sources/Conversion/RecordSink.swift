import Bundles
import CSystem
import ETLCore
import Mapping
import OICP

/// The end of the pipeline, on one thread and in input order: checks what depends on the records
/// before (duplicate and foreign EvseIDs), writes each record to its bundle or to the rejects
/// file, passes on diagnostics and keeps the counts.
struct RecordSink {
    let options: ConversionOptions
    let bundles: BundleWriter
    let delta: DeltaWriter?
    let geoJSON: GeoJSONWriter?
    let rejects: RejectsWriter
    let diagnostics: DiagnosticCollector
    /// Whether groups are built from adjacent rows only (for the duplicate hint).
    let adjacentGrouping: Bool
    /// Diagnostics per rule passed on with their details; beyond, they are only counted (the
    /// rejects file has every reason).
    static let detailedPerRule = 1000
    private let keyCache = OperatorKeyCache()

    private(set) var written = 0
    private(set) var rejected = 0
    private(set) var rejectedByRule: [String: Int] = [:]
    private(set) var reasonsByRule: [String: Int] = [:]
    /// Warnings by rule: those counted, and the run of the last rule not yet added (`lastWarningRule`).
    var warningsByRule: [String: Int] {
        var all = warningCounts
        if let rule = lastWarningRule { all[rule, default: 0] += lastWarningPending }
        return all
    }
    private var warningCounts: [String: Int] = [:]
    /// The rule of the last warning, its count in all, and how many of those `warningCounts` does
    /// not hold yet: a run of warnings of one rule (the same line-to-line voltage on record after
    /// record) is counted without a dictionary lookup each.
    private var lastWarningRule: String?
    private var lastWarningTotal = 0
    private var lastWarningPending = 0

    struct OperatorStats {
        var spelling: String
        var name: String?
        var rejected = 0
        /// Rejected records by the rule of their first reason.
        var reasons: [String: Int] = [:]
        var ownership: OperatorOwnership
    }

    /// The operators by key, in the order they first appeared (`operatorOrder`).
    private var operators: [OperatorStats] = []
    private var operatorSlots: [String: Int] = [:]
    /// The last operator's key and slot: records of one operator mostly come in a row, and its ID
    /// is then compared, not hashed.
    private var lastOperator: (id: String, key: String, slot: Int)?
    private(set) var operatorOrder: [String] = []

    var operatorStats: [String: OperatorStats] { Dictionary(uniqueKeysWithValues: zip(operatorOrder, operators)) }

    init(options: ConversionOptions, bundles: BundleWriter, delta: DeltaWriter?, geoJSON: GeoJSONWriter?, rejects: RejectsWriter,
         diagnostics: DiagnosticCollector, adjacentGrouping: Bool) {
        self.options = options
        self.bundles = bundles
        self.delta = delta
        self.geoJSON = geoJSON
        self.rejects = rejects
        self.diagnostics = diagnostics
        self.adjacentGrouping = adjacentGrouping
    }

    /// The operator of a record: the key of its ID and its slot in `operators` (nil without an
    /// ID). An operator seen for the first time gets its slot here: owners are found in input order.
    struct Owner {
        var key: String?
        var slot: Int?
    }

    /// - Parameter record: read where the batch holds it (see ``take(_:owner:bytes:)``).
    mutating func owner(of record: UnsafePointer<CheckedRecord>) -> Owner {
        if let id = record.pointee.operatorID, let last = lastOperator, last.id == id { return Owner(key: last.key, slot: last.slot) }
        guard let id = record.pointee.operatorID else { return Owner() }
        let key = keyCache.key(id)
        let slot: Int
        if let known = operatorSlots[key] {
            slot = known
        } else {
            slot = operators.count
            operatorSlots[key] = operators.count
            operators.append(OperatorStats(spelling: id, name: record.pointee.operatorName,
                ownership: OperatorOwnership(operatorID: id, subOperatorIDs: options.subOperatorIDs)))
            operatorOrder.append(key)
        }
        lastOperator = (id, key, slot)
        return Owner(key: key, slot: slot)
    }

    /// Asks the processor to fetch where the record's EvseID will be looked up among its
    /// operator's (a set of megabytes: a lookup mostly misses the cache, and the records of a
    /// batch are known ahead).
    /// (Mutating, as the ownership's address is: the sink and the ownership are reached in place,
    /// not copied.)
    mutating func prefetch(_ record: UnsafePointer<CheckedRecord>, _ owner: Owner) {
        guard let slot = owner.slot, let fingerprint = record.pointee.fingerprint else { return }
        oicp_prefetch(operators[slot].ownership.probeAddress(fingerprint))
    }

    /// - Parameter record: read where the batch holds it: a copy (which even a `borrowing`
    ///   argument made here) counts a reference to each of its parts.
    /// - Parameter owner: the record's ``owner(of:)``.
    /// - Parameter bytes: the batch's bytes, where the record's JSON lies.
    mutating func take(_ record: UnsafePointer<CheckedRecord>, owner: Owner, bytes: UnsafeBufferPointer<UInt8>) throws {
        var reasons = record.pointee.reasons
        let operatorKey = owner.key
        if let slot = owner.slot {
            // Ownership and duplicates only for records that are otherwise good, so a bad record
            // does not block its EvseID for a later good one.
            if reasons.isEmpty, let evseID = record.pointee.evseID,
                // No reason so far: the validator found the EvseID well-formed.
                var v = operators[slot].ownership.check(evseID: evseID, fingerprint: record.pointee.fingerprint ?? IDFingerprint(evseID), validated: true)
            {
                if v.rule == .evseIDDuplicate && adjacentGrouping {
                    v.message += " (rows of one EVSE that are not next to each other need records.group.adjacent: false)"
                }
                reasons.append(RecordIssue(.reject, rule: v.rule.id, field: v.path, message: v.message, value: v.value))
            }
        }
        // A brief warning is past the detailed ones of its rule: its thread had as many before it.
        if let rule = record.pointee.briefRule { _ = countWarning(rule, times: record.pointee.briefCount) }
        for w in record.pointee.warnings {
            // Beyond the detailed ones, counted here and passed on once at the end (`finish`).
            guard countWarning(w.rule) <= Self.detailedPerRule else { continue }
            diagnostics.emit(Diagnostic(.warning, rule: w.rule, message(w, record.pointee), file: record.pointee.provenance.file, line: record.pointee.provenance.line,
                field: w.field, value: w.value, context: record.pointee.evseID))
        }
        if reasons.isEmpty && !record.pointee.rejected, let range = record.pointee.json {
            let json = UnsafeBufferPointer(rebasing: bytes[range])
            try bundles.append(json, operatorID: record.pointee.operatorID!, operatorName: record.pointee.operatorName, operatorKey: operatorKey)
            try delta?.take(Array(json), evseID: record.pointee.evseID!, operatorID: record.pointee.operatorID!, operatorName: record.pointee.operatorName)
            if let geoJSON, let evse = record.pointee.evse { try geoJSON.written(evse, operatorID: record.pointee.operatorID!) }
            written += 1
            return
        }
        if reasons.isEmpty {
            reasons.append(RecordIssue(.reject, rule: "mapping.rejected", field: "", message: "the mapping rejected the record"))
        }
        rejected += 1
        if let delta, let evseID = record.pointee.evseID, let operatorID = record.pointee.operatorID { delta.rejected(evseID: evseID, operatorID: operatorID) }
        if let geoJSON, let evse = record.pointee.evse {
            try geoJSON.rejected(evse, operatorID: record.pointee.operatorID, reasons: reasons.map { ($0.rule, $0.message) }, provenance: record.pointee.provenance)
        }
        if let slot = owner.slot {
            operators[slot].rejected += 1
            operators[slot].reasons[reasons[0].rule, default: 0] += 1
        }
        rejectedByRule[reasons[0].rule, default: 0] += 1
        for r in reasons {
            let seen = Self.count(&reasonsByRule[r.rule, default: 0])
            try rejects.write(RejectsWriter.Row(file: record.pointee.provenance.file, line: record.pointee.provenance.line, evseID: record.pointee.evseID,
                operatorID: record.pointee.operatorID, rule: r.rule, field: r.field, message: r.message, value: r.value))
            guard seen <= Self.detailedPerRule else { continue }
            diagnostics.emit(Diagnostic(.error, rule: r.rule, message(r, record.pointee), file: record.pointee.provenance.file, line: record.pointee.provenance.line,
                field: r.field, value: r.value, context: record.pointee.evseID))
        }
    }

    /// Passes on the number of diagnostics of each rule that were counted without their details:
    /// one call per rule at the end, instead of taking the collector's lock for each. Called once,
    /// when the run ends (or fails).
    func finish() {
        for (rule, n) in warningsByRule where n > Self.detailedPerRule {
            diagnostics.tally(.warning, rule: rule, times: n - Self.detailedPerRule)
        }
        for (rule, n) in reasonsByRule where n > Self.detailedPerRule {
            diagnostics.tally(.error, rule: rule, times: n - Self.detailedPerRule)
        }
    }

    /// Counts `times` warnings of `rule`; how many of its warnings there are now.
    private mutating func countWarning(_ rule: String, times: Int = 1) -> Int {
        if let last = lastWarningRule, last == rule {
            lastWarningTotal += times
            lastWarningPending += times
            return lastWarningTotal
        }
        if let last = lastWarningRule { warningCounts[last, default: 0] += lastWarningPending }
        lastWarningRule = rule
        lastWarningTotal = warningCounts[rule, default: 0] + times
        lastWarningPending = times
        return lastWarningTotal
    }

    /// Adds one to a count and returns it (one dictionary lookup instead of two).
    private static func count(_ n: inout Int) -> Int {
        n += 1
        return n
    }

    private func message(_ issue: RecordIssue, _ mapped: CheckedRecord) -> String {
        var m = ""
        if let id = mapped.evseID { m += "\(id): " }
        if !issue.field.isEmpty && !issue.message.hasPrefix(issue.field) { m += "\(issue.field): " }
        m += issue.message
        if !mapped.mergedLines.isEmpty { m += " (record built from lines \(mapped.provenance.line), \(mapped.mergedLines.map(String.init).joined(separator: ", ")))" }
        return m
    }
}
