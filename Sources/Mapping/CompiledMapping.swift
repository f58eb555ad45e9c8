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

    /// One plan per explode value (one plan when the mapping does not explode).
    struct Slot {
        let variable: String?
        let when: Condition?
        let groupKey: Expression?
        let operatorID: Expression?
        let operatorName: Expression?
        let fields: [CompiledField<EvseDataRecord>]
        /// Fields combined across the rows of a group (lists with `append` or `union`).
        let mergeFields: [(field: CompiledField<EvseDataRecord>, policy: MergePolicy,
                           merge: (inout EvseDataRecord, EvseDataRecord, MergePolicy) -> Void)]
    }

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
    public var groupsAdjacentRowsOnly: Bool { grouping?.adjacent ?? true }

    /// The OICP fields the mapping fills, in mapping order.
    public var fieldNames: [String] { slots.first?.fields.map(\.name) ?? [] }
}
