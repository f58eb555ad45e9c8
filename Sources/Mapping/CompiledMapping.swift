import ETLCore
import OICP

/// A mapping compiled against one input: every column resolved, every expression built.
/// Evaluating a record looks nothing up by name.
public final class CompiledMapping: @unchecked Sendable {
    public let document: MappingDocument
    /// The parameter values in force.
    public let parameters: [String: String]
    let select: Condition?
    let slots: [Slot]
    let grouping: Grouping?
    /// Columns the mapping reads, and the keys that read them (for `mapping check`).
    public let columnUsage: ColumnUsage

    /// One plan per explode value (one plan when the mapping does not explode). An object: it is
    /// handed to the evaluation of every record, and a reference is one count, not one per part.
    final class Slot {
        let variable: String?
        let when: Condition?
        let groupKey: Expression?
        /// The CSV column the group key is, taken as it stands (no steps): such keys are
        /// compared by their bytes (`AdjacentGroupKey`).
        let groupColumn: Int?
        let operatorID: Expression?
        let operatorName: Expression?
        let fields: [CompiledField<EvseDataRecord>]
        /// `fields` as they are run for each record.
        let run: FieldRun<EvseDataRecord>
        /// The fields combined across the rows of a group (lists with `append` or `union`), as
        /// they are run for each later row.
        let mergeRun: MergeRun

        init(variable: String?, when: Condition?, groupKey: Expression?, operatorID: Expression?, operatorName: Expression?,
             fields: [CompiledField<EvseDataRecord>],
             mergeFields: [(field: CompiledField<EvseDataRecord>, policy: MergePolicy, merge: MergeRun.Merge)]) {
            self.variable = variable
            self.when = when
            self.groupKey = groupKey
            groupColumn = switch groupKey {
            case .column(let index, _): index
            case .remembered(let r, _) where r.steps.isEmpty: if case .column(let index, _) = r.source { index } else { nil }
            default: nil
            }
            self.operatorID = operatorID
            self.operatorName = operatorName
            self.fields = fields
            run = FieldRun(fields)
            mergeRun = MergeRun(mergeFields)
        }
    }

    /// Defaults of one operator: a name and fields for records that lack them.
    struct OperatorDefaults {
        let name: String?
        let fields: [CompiledField<EvseDataRecord>]
    }

    /// Per-operator defaults by operator key (`DE*ABC` → `DEABC`).
    var operatorDefaults: [String: OperatorDefaults] = [:]

    struct Grouping {
        let adjacent: Bool
    }

    init(document: MappingDocument, parameters: [String: String], select: Condition?, slots: [Slot], grouping: Grouping?, columnUsage: ColumnUsage) {
        self.document = document
        self.parameters = parameters
        self.select = select
        self.slots = slots
        self.grouping = grouping
        self.columnUsage = columnUsage
    }

    /// Whether rows are grouped, and whether groups must be adjacent.
    public var groupsRows: Bool { grouping != nil }
    /// Whether a step counts across records (`hash: { repeats: number }`): the records must then
    /// be mapped in input order by one mapping.
    public var countsAcrossRecords: Bool { columnUsage.countsAcrossRecords }
    public var groupsAdjacentRowsOnly: Bool { grouping?.adjacent ?? true }

    /// The OICP fields the mapping fills, in mapping order.
    public var fieldNames: [String] { slots.first?.fields.map(\.name) ?? [] }

    /// For each leaf field, where its value comes from (first explode slot).
    public var fieldSources: [(field: String, source: String)] {
        var out: [(String, String)] = []
        if let slot = slots.first {
            if let id = slot.operatorID { out.append(("operator.id", id.summary)) }
            if let name = slot.operatorName { out.append(("operator.name", name.summary)) }
            for f in slot.fields { out += f.sources.map { ($0.field, $0.summary) } }
        }
        return out
    }

    /// How records are shaped, in words.
    public var shapingSummary: [String] {
        var out: [String] = []
        if select != nil { out.append("records are selected by a condition") }
        if slots.count > 1 || slots.first?.variable != nil {
            out.append("each record is exploded into up to \(slots.count) EVSEs (\(slots.compactMap(\.variable).joined(separator: ", ")))")
        }
        if let g = grouping {
            out.append("rows are grouped into one EVSE by \(slots.first?.groupKey?.summary ?? "?")" + (g.adjacent ? " (adjacent rows)" : " (anywhere in the file)"))
        }
        if !operatorDefaults.isEmpty { out.append("defaults for \(operatorDefaults.count) operator(s)") }
        return out
    }
}
