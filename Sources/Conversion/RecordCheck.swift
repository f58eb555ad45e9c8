import ETLCore
import Mapping
import OICP

/// A mapped record after the checks that need nothing but the record itself: its reasons to
/// reject, its warnings, and the JSON of the record when it passed.
struct CheckedRecord: Sendable {
    /// The mapped record, its EVSE as it is written for the target version.
    var mapped: MappedRecord
    var reasons: [RecordIssue]
    var warnings: [RecordIssue]
    /// The encoded record, when nothing rejects it so far (the EvseID checks come later).
    var json: [UInt8]?
}

/// The stateless half of validation: runs on the mapping workers, in parallel. What depends on
/// the records before this one (duplicate EvseIDs, counts, the order of diagnostics) is
/// `RecordSink`'s, on one thread.
struct RecordCheck {
    let version: OICPVersion
    let validator: OICPValidator
    let encoder: OICPEncoder
    private var json = JSONWriter(capacity: 4096)

    init(version: OICPVersion) {
        self.version = version
        validator = OICPValidator(version: version)
        encoder = OICPEncoder(version: version)
    }

    mutating func check(_ record: consuming MappedRecord) -> CheckedRecord {
        // Filled in place and returned: a copy of the record would count a reference to each field.
        var checked = CheckedRecord(mapped: record, reasons: [], warnings: [], json: nil)
        for issue in checked.mapped.issues {
            if issue.severity == .reject { checked.reasons.append(issue) } else if issue.severity == .warning { checked.warnings.append(issue) }
        }
        // A row the reader could not read (ragged, broken text) has nothing to validate.
        let unread = checked.mapped.rejected && checked.mapped.operatorID == nil && checked.mapped.evse == EvseDataRecord()
        checked.mapped.evse.prepare(for: version)
        if !unread {
            // The record as mapped is validated even when the mapping rejected it, so the rejects
            // file lists every reason at once; fields the mapping already failed on are not repeated.
            let failed = Set(checked.reasons.map { Self.topField($0.field) })
            if let id = checked.mapped.operatorID {
                for v in validator.validateOperator(id: id, name: checked.mapped.operatorName) {
                    checked.reasons.append(RecordIssue(.reject, rule: v.rule.id, field: "operator." + (v.path == "OperatorID" ? "id" : "name"),
                        message: v.message, value: v.value))
                }
            } else {
                checked.reasons.append(RecordIssue(.reject, rule: "operator.missing", field: "operator.id",
                    message: "the record has no OperatorID (operator.id gives no value)"))
            }
            for v in validator.validate(checked.mapped.evse) where failed.isEmpty || !failed.contains(Self.topField(v.path)) {
                let issue = RecordIssue(v.severity == .error ? .reject : .warning, rule: v.rule.id, field: v.path, message: v.message, value: v.value)
                if v.severity == .error { checked.reasons.append(issue) } else { checked.warnings.append(issue) }
            }
        }
        if checked.reasons.isEmpty && !checked.mapped.rejected {
            json.removeAll()
            encoder.writePrepared(checked.mapped.evse, into: &json)
            // A copy of its own size: the writer's buffer is reused, and records wait in batches.
            checked.json = json.bytes
        }
        return checked
    }

    /// The top-level OICP field of a path (`ChargingFacilities` of `ChargingFacilities[0].Power`);
    /// `OpeningHours` stands for the two fields it sets.
    static func topField(_ path: String) -> String {
        let top = String(path.prefix { $0 != "." && $0 != "[" })
        return top == "IsOpen24Hours" || top == "OpeningTimes" ? "OpeningHours" : top
    }
}
