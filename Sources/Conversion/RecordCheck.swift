import ETLCore
import Mapping
import OICP

/// A mapped record after the checks that need nothing but the record itself: its reasons to
/// reject, its warnings, and the JSON of the record when it passed. It carries what the writing
/// end needs; the EVSE itself only when an output asks for it (the rest is freed on the mapping
/// thread that built it).
struct CheckedRecord: Sendable {
    var evseID: String?
    var operatorID: String?
    var operatorName: String?
    /// Where the (first) source record came from.
    var provenance: Provenance
    /// Lines of the other rows merged into this record.
    var mergedLines: [Int]
    /// Whether the mapping rejected the record.
    var rejected: Bool
    /// The EVSE as it is written for the target version, when kept.
    var evse: EvseDataRecord?
    var reasons: [RecordIssue]
    var warnings: [RecordIssue]
    /// Brief warnings of one rule (a rule this thread found past `RecordSink.detailedPerRule`):
    /// the writing end only counts them, so they are kept as the rule and how many, not as a
    /// list of issues to make, hand over and free. Others, and those of a second brief rule, are
    /// in `warnings`.
    var briefRule: String?
    var briefCount = 0
    /// The EvseID's fingerprint (``OperatorOwnership``'s), made here in parallel, when nothing
    /// rejects the record so far.
    var fingerprint: IDFingerprint?
    /// Where the encoded record lies in its batch's bytes (``CheckedBatch/bytes``), when nothing
    /// rejects it so far (the EvseID checks come later).
    var json: Range<Int>?
}

/// The stateless half of validation: runs on the mapping workers, in parallel. What depends on
/// the records before this one (duplicate EvseIDs, counts, the order of diagnostics) is
/// `RecordSink`'s, on one thread.
struct RecordCheck {
    let version: OICPVersion
    let validator: OICPValidator
    let encoder: OICPEncoder
    let keepRecords: Bool
    private var memo = EncodingMemo()
    private var validationMemo = ValidationMemo()

    init(version: OICPVersion, keepRecords: Bool = false) {
        self.version = version
        self.keepRecords = keepRecords
        validator = OICPValidator(version: version)
        encoder = OICPEncoder(version: version)
    }

    /// Warnings counted per rule on this thread, and the rules past `RecordSink.detailedPerRule`.
    /// The sink details only the first warnings of a rule in the whole run; each of those is
    /// among the first as many of its thread, so later ones need no message (and the output
    /// does not depend on how records were shared out).
    private var warningCounts: [String: Int] = [:]
    private var briefWarnings: Set<String> = []

    /// The rule last found brief: the warnings of a run of records are mostly of one rule.
    private var lastBrief: String?

    private mutating func countWarning(_ rule: String) {
        if let last = lastBrief, last == rule { return }
        guard !briefWarnings.contains(rule) else {
            lastBrief = rule
            return
        }
        warningCounts[rule, default: 0] += 1
        if warningCounts[rule]! >= RecordSink.detailedPerRule { briefWarnings.insert(rule) }
    }

    /// Checks a record; when it passes, writes its JSON after the others in `bytes` (the batch's:
    /// one buffer for the records of a batch, not one per record to allocate, copy, hand over and
    /// free).
    /// The record is left with what the checked record did not take from it, to be freed.
    mutating func check(_ mapped: inout MappedRecord, bytes: inout JSONWriter) -> CheckedRecord {
        var reasons: [RecordIssue] = []
        var warnings: [RecordIssue] = []
        var briefRule: String?
        var briefCount = 0
        for issue in mapped.issues {
            if issue.severity == .reject { reasons.append(issue) } else if issue.severity == .warning { warnings.append(issue) }
        }
        // A row the reader could not read (ragged, broken text) has nothing to validate.
        let unread = mapped.rejected && mapped.operatorID == nil && mapped.evse == EvseDataRecord()
        mapped.evse.prepare(for: version)
        if !unread {
            // The record as mapped is validated even when the mapping rejected it, so the rejects
            // file lists every reason at once; fields the mapping already failed on are not repeated.
            let failed = Set(reasons.map { Self.topField($0.field) })
            if let id = mapped.operatorID {
                for v in operatorFindings(id: id, name: mapped.operatorName) {
                    reasons.append(RecordIssue(.reject, rule: v.rule.id, field: "operator." + (v.path == "OperatorID" ? "id" : "name"),
                        message: v.message, value: v.value))
                }
            } else {
                reasons.append(RecordIssue(.reject, rule: "operator.missing", field: "operator.id",
                    message: "the record has no OperatorID (operator.id gives no value)"))
            }
            // Brief warnings come without a path, so they are asked for only when no field
            // failed (otherwise the path decides which warnings are kept).
            let brief = failed.isEmpty ? briefWarnings : []
            for v in validator.validate(mapped.evse, briefWarnings: brief, memo: &validationMemo)
            where failed.isEmpty || !failed.contains(Self.topField(v.path)) {
                // The rule is looked up in the set only when it is not the one last found brief
                // (the same string: compared without being read).
                if v.severity == .warning, !brief.isEmpty, briefRule == nil || briefRule == v.rule.id,
                    v.rule.id == lastBrief || brief.contains(v.rule.id) {
                    briefRule = v.rule.id
                    briefCount += 1
                    continue
                }
                let issue = RecordIssue(v.severity == .error ? .reject : .warning, rule: v.rule.id, field: v.path, message: v.message, value: v.value)
                if v.severity == .error { reasons.append(issue) } else { warnings.append(issue) }
            }
        }
        for w in warnings { countWarning(w.rule) }
        if let briefRule { countWarning(briefRule) }
        var range: Range<Int>?
        if reasons.isEmpty && !mapped.rejected {
            let start = bytes.count
            encoder.writePrepared(mapped.evse, into: &bytes, memo: &memo)
            range = start..<bytes.count
        }
        // The parts moved out of the record (`take`), not copied: the record is freed next.
        let evse = keepRecords ? mapped.evse : nil
        var mergedLines: [Int] = []
        swap(&mergedLines, &mapped.mergedLines)
        let fingerprint = range != nil ? mapped.evse.evseID.map(IDFingerprint.init) : nil
        return CheckedRecord(evseID: mapped.evse.evseID.take(), operatorID: mapped.operatorID.take(), operatorName: mapped.operatorName.take(),
            provenance: mapped.provenance, mergedLines: mergedLines, rejected: mapped.rejected, evse: evse,
            reasons: reasons, warnings: warnings, briefRule: briefRule, briefCount: briefCount, fingerprint: fingerprint, json: range)
    }

    /// The operator ID and name last found without a finding.
    private var cleanOperator: (id: String, name: String?)?

    /// The validator's findings for the operator ID and name; none, unchecked, when they are the
    /// ones last found without a finding (the records of one operator carry the very same
    /// strings, which compare without being read: the mapping remembers them).
    private mutating func operatorFindings(id: String, name: String?) -> [Violation] {
        if let clean = cleanOperator, clean.id == id, clean.name == name { return [] }
        let found = validator.validateOperator(id: id, name: name)
        cleanOperator = found.isEmpty ? (id, name) : nil
        return found
    }

    /// The top-level OICP field of a path (`ChargingFacilities` of `ChargingFacilities[0].Power`);
    /// `OpeningHours` stands for the two fields it sets.
    static func topField(_ path: String) -> String {
        let top = String(path.prefix { $0 != "." && $0 != "[" })
        return top == "IsOpen24Hours" || top == "OpeningTimes" ? "OpeningHours" : top
    }
}
