import ETLCore
import OICP

/// Applies a compiled mapping to a stream of source records: selects, explodes, evaluates and
/// groups them, and hands back finished EVSE records.
///
/// Groups of adjacent rows are finished as soon as the next key starts, so memory does not grow
/// with the file; with `group.adjacent: false`, groups are held until the end.
public final class Mapper {
    public let mapping: CompiledMapping
    public let version: OICPVersion
    /// What the mapping counted since the last `takeStatistics`.
    public var statistics: MappingStatistics {
        counting.settle()
        return counting
    }
    /// The statistics being counted into (remembered pipelines may still hold some hits back).
    private var counting = MappingStatistics()
    private let pathCache = PathCache()
    public private(set) var counts = MappingCounts()

    private struct Group {
        var key: String?
        var record: MappedRecord
    }

    /// The group being built from adjacent rows: its key, and none or one record in a list of its
    /// own, so that the record is built and handed on without being moved (see `flushCurrent`).
    private var currentKey: String?
    /// The key of the group being built, as bytes, when the group key is a CSV column.
    private var openKey = AdjacentGroupKey()
    private var building: [MappedRecord] = []
    private var held: [Group] = []
    private var heldIndex: [String: Int] = [:]

    public init(mapping: CompiledMapping, version: OICPVersion) {
        self.mapping = mapping
        self.version = version
    }

    /// Maps one source record; returns the records that are finished.
    public func process(_ record: SourceRecord) -> [MappedRecord] {
        var out: [MappedRecord] = []
        process(record, into: &out)
        return out
    }

    /// Maps one source record; appends the records that are finished to `out`.
    public func process(_ record: SourceRecord, into out: inout [MappedRecord]) {
        counts.read += 1
        pathCache.enter(record)
        if let stop = preselect(record, statistics: counting) {
            switch stop {
            case .defect(let defect):
                let issue = RecordIssue(.reject, rule: defect.rule ?? "input.defect", field: defect.field ?? "", message: defect.message, value: defect.value)
                out.append(MappedRecord(evse: EvseDataRecord(), operatorID: nil, operatorName: nil, provenance: record.provenance, issues: [issue], rejected: true))
            case .selectFailed(let issues):
                out.append(MappedRecord(evse: EvseDataRecord(), operatorID: nil, operatorName: nil, provenance: record.provenance,
                    issues: issues, rejected: true))
            case .excluded:
                counts.excluded += 1
            }
            return
        }
        // The slots are walked here rather than through a closure: a closure made per record
        // counted a reference to the record and to the mapper.
        var units = 0
        for slot in mapping.slots where applies(slot, record, statistics: counting) {
            units += 1
            if units > 1 { counts.expanded += 1 }
            evaluate(slot, record, into: &out)
        }
        if units == 0 {
            let issue = RecordIssue(.reject, rule: "mapping.explode-empty", field: "records.explode",
                message: "the record holds no charge point (every explode slot is empty)")
            out.append(MappedRecord(evse: EvseDataRecord(), operatorID: nil, operatorName: nil, provenance: record.provenance,
                issues: [issue], rejected: true))
        }
    }

    /// Why a record goes to no explode slot, before the slots are looked at.
    private enum Stop {
        /// The reader found the record broken.
        case defect(Diagnostic)
        /// `records.select` could not be evaluated (its reasons).
        case selectFailed([RecordIssue])
        /// Left out by `records.select`.
        case excluded
    }

    /// Why the reader or `records.select` stop a record; nil when it goes on to the explode
    /// slots (see `applies`). `process` and `groupKeys` share these two, so that they agree.
    private func preselect(_ record: SourceRecord, statistics: MappingStatistics) -> Stop? {
        if let defect = record.defect { return .defect(defect) }
        if let select = mapping.select {
            var ctx = EvalContext(record: record, version: version, statistics: statistics, cache: pathCache)
            let keep = select.evaluate(&ctx, field: "records.select")
            if ctx.rejected { return .selectFailed(ctx.issues) }
            if !keep { return .excluded }
        }
        return nil
    }

    /// Whether an explode slot's `when` lets the record through (always, without one).
    private func applies(_ slot: CompiledMapping.Slot, _ record: SourceRecord, statistics: MappingStatistics) -> Bool {
        guard let when = slot.when else { return true }
        var ctx = EvalContext(record: record, version: version, statistics: statistics, cache: pathCache)
        return when.evaluate(&ctx, field: "records.explode.when")
    }

    /// The statistics gathered since the last call (or the start); the mapper goes on with new ones.
    public func takeStatistics() -> MappingStatistics {
        defer { counting = MappingStatistics() }
        return statistics
    }

    /// The group keys a record starts and ends with, as `process` would compute them; nil when
    /// the record joins no group (a defect, left out by `select`, no explode slot applies).
    /// A batch of records may end before a record whose first key differs from the last key
    /// before it: the groups on either side are then complete on their own.
    public func groupKeys(_ record: SourceRecord) -> (first: String?, last: String?)? {
        // Evaluated again by the worker that maps the record: nothing is counted here.
        let scratch = MappingStatistics()
        pathCache.enter(record)
        guard preselect(record, statistics: scratch) == nil else { return nil }
        var keys: (first: String?, last: String?)?
        for slot in mapping.slots where applies(slot, record, statistics: scratch) {
            var ctx = EvalContext(record: record, version: version, statistics: scratch, cache: pathCache)
            let key = slot.groupKey?.evaluate(&ctx, field: "records.group.by").text
            keys = keys.map { ($0.first, key) } ?? (key, key)
        }
        return keys
    }

    /// Finishes the last groups.
    public func finish() -> [MappedRecord] {
        var out: [MappedRecord] = []
        flushCurrent(into: &out)
        out += held.map(\.record)
        held = []
        heldIndex = [:]
        return out
    }

    private func evaluate(_ slot: CompiledMapping.Slot, _ record: SourceRecord, into out: inout [MappedRecord]) {
        var ctx = EvalContext(record: record, version: version, statistics: counting, cache: pathCache)
        // A key that is a CSV column is decided by its bytes where they tell (no text is made).
        if let column = slot.groupColumn, mapping.groupsRows, mapping.groupsAdjacentRowsOnly, let row = ctx.row {
            switch row.withField(column, { openKey.decide($0, open: !building.isEmpty) }) ?? .byText {
            case .same:
                mergeRow(slot, &ctx, into: &building[0])
                counts.merged += 1
                return
            case .other:
                flushCurrent(into: &out)
                build(slot, record, key: nil, &ctx, in: &building)
                _ = row.withField(column) { openKey.hold($0) }
                return
            case .byText:
                break
            }
        }
        // Optional chaining reads the expressions where they are (`if let` copied each).
        let key = slot.groupKey?.evaluate(&ctx, field: "records.group.by").text
        // A later row of the group being built: only the fields that combine across rows.
        if let key, mapping.grouping != nil {
            if mapping.groupsAdjacentRowsOnly, !building.isEmpty, (currentKey ?? openKey.text) == key {
                mergeRow(slot, &ctx, into: &building[0])
                counts.merged += 1
                return
            }
            if !mapping.groupsAdjacentRowsOnly, let i = heldIndex[key] {
                mergeRow(slot, &ctx, into: &held[i].record)
                counts.merged += 1
                return
            }
        }
        // Built in place: at the end of `out`, or as the group being built (adjacent rows); a copy
        // would count a reference to each of its fields. A group being built is handed on first
        // (input order).
        let grouped = mapping.grouping != nil && key != nil
        if !grouped || mapping.groupsAdjacentRowsOnly { flushCurrent(into: &out) }
        let adjacent = grouped && mapping.groupsAdjacentRowsOnly
        if adjacent {
            build(slot, record, key: key!, &ctx, in: &building)
            if let column = slot.groupColumn { _ = ctx.row?.withField(column) { openKey.hold($0) } }
        } else {
            build(slot, record, key: key, &ctx, in: &out)
        }
    }

    /// Builds a record from its first row at the end of `list`; a group of rows from anywhere in
    /// the file is then moved to `held`.
    private func build(_ slot: CompiledMapping.Slot, _ record: SourceRecord, key: String?, _ ctx: inout EvalContext, in out: inout [MappedRecord]) {
        out.append(MappedRecord(provenance: record.provenance))
        let i = out.count - 1
        slot.run.assignAll(&out[i].evse, &ctx)
        var operatorID: String?
        if let v = slot.operatorID?.evaluate(&ctx, field: "operator.id") { operatorID = Convert.text(v, &ctx, "operator.id") }
        var operatorName: String?
        if let v = slot.operatorName?.evaluate(&ctx, field: "operator.name") { operatorName = Convert.text(v, &ctx, "operator.name") }
        if let operatorID, !mapping.operatorDefaults.isEmpty, let defaults = mapping.operatorDefaults[keys.key(operatorID)] {
            if operatorName == nil { operatorName = defaults.name }
            if !defaults.fields.isEmpty {
                var d = EvseDataRecord()
                for field in defaults.fields { _ = field.assign(&d, &ctx) }
                RecordDefaults.fillAbsent(&out[i].evse, from: d)
            }
        }
        checkSwapped(&out[i].evse, &ctx)
        out[i].operatorID = consume operatorID
        out[i].operatorName = consume operatorName
        swap(&out[i].issues, &ctx.issues)
        out[i].rejected = ctx.rejected
        guard mapping.grouping != nil, let key else { return }
        if mapping.groupsAdjacentRowsOnly {
            currentKey = key
        } else {
            heldIndex[key] = held.count
            held.append(Group(key: key, record: out.removeLast()))
        }
    }

    /// Hands on the group being built: the two lists change places when `out` is empty (as it is
    /// when its records are taken after each row), so the record is not moved.
    private func flushCurrent(into out: inout [MappedRecord]) {
        if !building.isEmpty {
            if out.isEmpty {
                swap(&out, &building)
            } else {
                out.append(contentsOf: building)
                building.removeAll(keepingCapacity: true)
            }
        }
        currentKey = nil
        openKey.clear()
    }

    private let keys = OperatorKeyCache()
    /// The last position `checkSwapped` found in place, with the country it was checked against.
    private var lastInPlace: InPlace?

    /// A class: taking it out of the optional counts one reference, not one per string in it.
    private final class InPlace {
        let position: GeoCoordinates
        let latitude: Double
        let longitude: Double
        let country: String

        init(position: GeoCoordinates, latitude: Double, longitude: Double, country: String) {
            self.position = position
            self.latitude = latitude
            self.longitude = longitude
            self.country = country
        }

        /// Whether the record's position is written as this one (read in place, not copied): the
        /// same object, or the same texts when their numbers are not known (known numbers are
        /// compared by the caller instead, without reading the texts).
        func isWritten(as other: borrowing GeoCoordinates?) -> Bool {
            switch other {
            case .some(let p): return p.isIdentical(to: position) || (p.knownDecimalDegrees == nil && p == position)
            case .none: return false
            }
        }
    }

    /// The last country whose box was looked up, and the box (the stations of an export are
    /// mostly in one country: its box is not looked up again for each).
    private var lastCountry: (name: String, box: CountryBounds.Box?)?

    private func box(of country: String) -> CountryBounds.Box? {
        if let last = lastCountry, last.name == country { return last.box }
        let box = CountryBounds.boxes[country]
        lastCountry = (country, box)
        return box
    }

    /// A warning when the position lies outside the record's country but would lie inside with
    /// latitude and longitude exchanged. (The record is only read: `inout` spares a copy.)
    private func checkSwapped(_ evse: inout EvseDataRecord, _ ctx: inout EvalContext) {
        let given = evse.address?.country
        // The EVSEs of one station share position and country: the last position found in place
        // is not looked up again, nor parsed again when its text is the same (mostly the very
        // strings remembered for the station, compared without reading them).
        if let given, let last = lastInPlace, last.country == given, last.isWritten(as: evse.geoCoordinates) { return }
        guard let position = evse.geoCoordinates, let (lat, lon) = position.numericValue else { return }
        if let given, let last = lastInPlace, last.latitude == lat, last.longitude == lon, last.country == given { return }
        // The record's own country when its bounds are known, else the one its EvseID names.
        let ownBox = given.flatMap(box(of:))
        let ownCountry = ownBox != nil
        var country = given
        if !ownCountry, let id = evse.evseID, id.count >= 2 {
            country = CountryCodes.alpha3ByAlpha2[String(id.prefix(2)).uppercased()]
        }
        let countryBox = ownBox ?? country.flatMap(box(of:))
        let swapped = countryBox.map { CountryBounds.looksSwapped(latitude: lat, longitude: lon, box: $0) } ?? false
        guard let country, swapped else {
            // Remembered only when the record's own country decided (not one taken from its EvseID).
            if let given, ownCountry { lastInPlace = InPlace(position: position, latitude: lat, longitude: lon, country: given) }
            return
        }
        ctx.warn("coordinates.swapped", field: "GeoCoordinates",
            "latitude \(FixedDecimal.shortest(lat)) and longitude \(FixedDecimal.shortest(lon)) lie outside \(country) but inside it when swapped",
            value: "\(FixedDecimal.shortest(lat)) \(FixedDecimal.shortest(lon))")
    }

    private func mergeRow(_ slot: CompiledMapping.Slot, _ ctx: inout EvalContext, into target: inout MappedRecord) {
        slot.mergeRun.mergeAll(into: &target.evse, &ctx)
        target.mergedLines.append(ctx.record.provenance.line)
        target.issues += ctx.issues
        if ctx.rejected { target.rejected = true }
    }
}
