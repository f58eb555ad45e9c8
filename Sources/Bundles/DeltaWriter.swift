import ETLCore
import OICP

/// Compares the records of a run with a baseline and writes, per operator, an `insert` bundle
/// (new EvseIDs), an `update` bundle (records whose meaning changed) and a `delete` bundle
/// (EvseIDs gone), into `delta/`. An operator without change gets no file.
///
/// An EVSE is deleted only when its EvseID is gone from the input. One that is still there but
/// rejected in this run keeps its last good version: it is neither updated nor deleted, and its
/// baseline record is carried into this run's full bundles, so that they stay what Hubject holds
/// once the delta is pushed (and the next run compares with that). The same holds for every EVSE
/// of an operator that has no record at all in this run, unless full deletes are allowed.
///
/// Push order, one request at a time (OICP pushes are sequential): `1-insert`, then `2-update`,
/// then `3-delete`, which is also the file names' sort order.
public final class DeltaWriter {
    public let baseline: Baseline
    /// Whether an operator of the baseline that has no record at all in this run may have all
    /// its EVSEs deleted (otherwise that is taken for an input problem and nothing is deleted).
    public let allowFullDelete: Bool
    private let inserts: BundleWriter
    private let updates: BundleWriter
    private let deletes: BundleWriter
    private var seen: [String: Set<IDFingerprint>] = [:]
    /// Baseline EvseIDs whose record this run rejected, per operator key.
    private var rejectedIDs: [String: Set<IDFingerprint>] = [:]
    private let keys = OperatorKeyCache()
    public private(set) var counts: [String: Counts] = [:]
    /// The counts of every operator, in the order of their OperatorIDs.
    public var countsByOperator: [Counts] { counts.values.sorted { $0.operatorID < $1.operatorID } }
    public private(set) var warnings: [Diagnostic] = []

    public struct Counts: Sendable, Equatable {
        public var operatorID: String
        public var inserted = 0
        public var updated = 0
        public var deleted = 0
        public var unchanged = 0
        /// EVSEs rejected in this run that keep their baseline version (not deleted).
        public var kept = 0
        /// EVSEs not deleted because the operator has no record in this run.
        public var deletionsHeldBack = 0
    }

    public init(baseline: Baseline, directory: OutputDirectory, version: OICPVersion, maxRecords: Int? = nil, allowFullDelete: Bool = false) throws {
        self.baseline = baseline
        self.allowFullDelete = allowFullDelete
        inserts = try BundleWriter(directory: directory, version: version, action: .insert, folder: "delta", nameSuffix: ".1-insert", maxRecords: maxRecords)
        updates = try BundleWriter(directory: directory, version: version, action: .update, folder: "delta", nameSuffix: ".2-update", maxRecords: maxRecords)
        deletes = try BundleWriter(directory: directory, version: version, action: .delete, folder: "delta", nameSuffix: ".3-delete", maxRecords: maxRecords)
    }

    /// One record of the run, as written to its full bundle.
    public func take(_ recordJSON: [UInt8], evseID: String, operatorID: String, operatorName: String?) throws {
        try take(recordJSON, evseID: evseID, fingerprint: { try FingerprintScanner.scan(recordJSON[...]).fingerprint }, operatorID: operatorID,
            operatorName: operatorName)
    }

    /// One record with its fingerprint when it is already known (`diff`).
    public func take(_ recordJSON: [UInt8], evseID: String, fingerprint: () throws -> UInt64, operatorID: String, operatorName: String?) throws {
        let key = keys.key(operatorID)
        let id = IDFingerprint(evseID)
        seen[key, default: []].insert(id)
        var c = counts[key] ?? Counts(operatorID: operatorID)
        defer { counts[key] = c }
        guard let old = baseline.operators[key]?.records[id] else {
            try inserts.append(recordJSON, operatorID: operatorID, operatorName: operatorName)
            c.inserted += 1
            return
        }
        if try fingerprint() == old {
            c.unchanged += 1
        } else {
            try updates.append(recordJSON, operatorID: operatorID, operatorName: operatorName)
            c.updated += 1
        }
    }

    /// A record of the run that was rejected: if the baseline has its EvseID, it is kept.
    public func rejected(evseID: String, operatorID: String) {
        let key = keys.key(operatorID)
        let id = IDFingerprint(evseID)
        guard baseline.operators[key]?.records[id] != nil else { return }
        rejectedIDs[key, default: []].insert(id)
    }

    /// Writes the delete bundles (the baseline's records of EvseIDs gone from the input), copies
    /// the records kept from the baseline into `bundles` (the run's full bundles; nil for a
    /// diff of two folders) and closes the delta bundles. Call before `bundles` is finished.
    public func finish(carryingInto bundles: BundleWriter? = nil) throws -> [BundleWriter.Summary] {
        for key in baseline.order {
            let op = baseline.operators[key]!
            let present = seen[key] ?? []
            let gone = Set(op.records.keys).subtracting(present)
            guard !gone.isEmpty else { continue }
            var c = counts[key] ?? Counts(operatorID: op.operatorID)
            var keep = gone.intersection(rejectedIDs[key] ?? [])
            c.kept = keep.count
            if present.isEmpty && keep.isEmpty && !allowFullDelete {
                keep = gone
                c.deletionsHeldBack = gone.count
                warnings.append(Diagnostic(.warning, rule: "delta.full-delete-held",
                    "operator \(op.operatorID) has no record in this run; its \(gone.count) EVSEs are not deleted (a broken input looks the same); give --allow-full-delete to delete them",
                    file: baseline.path))
            } else if !keep.isEmpty {
                warnings.append(Diagnostic(.warning, rule: "delta.rejected-kept",
                    "operator \(op.operatorID): \(keep.count) EVSE\(keep.count == 1 ? "" : "s") rejected in this run keep their last good version (not updated, not deleted)",
                    file: baseline.path))
            }
            for file in op.files {
                try Baseline.records(in: file) { _, _, record, scan in
                    let id = IDFingerprint(scan.evseID!)
                    guard gone.contains(id) else { return }
                    let json = Array(record)
                    if keep.contains(id) {
                        try bundles?.append(json, operatorID: op.operatorID, operatorName: op.operatorName)
                    } else {
                        try deletes.append(json, operatorID: op.operatorID, operatorName: op.operatorName)
                        c.deleted += 1
                    }
                }
            }
            counts[key] = c
        }
        return try inserts.finish() + updates.finish() + deletes.finish()
    }
}
