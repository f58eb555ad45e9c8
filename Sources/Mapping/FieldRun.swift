import OICP

/// The assignments of a list of compiled fields, set up to be called for every record without
/// counting a reference per call.
///
/// Calling a closure read from a list counts a reference to what it captured (an atomic
/// operation, twice per field and record). Here each closure sits in an object of its own, the
/// run keeps the objects alive, and the hot loop reaches them through unmanaged references:
/// the object is borrowed, and so is the closure in its constant property.
final class FieldRun<Root> {
    final class Box {
        let assign: Assign<Root>
        init(_ assign: @escaping Assign<Root>) { self.assign = assign }
    }

    /// Owns the boxes; `unowned` is read in the loop.
    private let boxes: [Box]
    private let unowned: [Unmanaged<Box>]

    init(_ fields: [CompiledField<Root>]) {
        boxes = fields.map { Box($0.assign) }
        unowned = boxes.map { Unmanaged.passUnretained($0) }
    }

    /// Assigns every field, in order.
    func assignAll(_ root: inout Root, _ ctx: inout EvalContext) {
        unowned.withUnsafeBufferPointer { refs in
            for ref in refs { _ = ref._withUnsafeGuaranteedRef { $0.assign(&root, &ctx) } }
        }
    }
}

/// The fields combined across the rows of a group, set up like ``FieldRun``: each later row
/// evaluates them into an empty record and merges them into the group's record.
final class MergeRun {
    typealias Merge = (inout EvseDataRecord, inout EvseDataRecord, MergePolicy) -> Void

    final class Box {
        let assign: Assign<EvseDataRecord>
        let merge: Merge
        let policy: MergePolicy
        init(assign: @escaping Assign<EvseDataRecord>, merge: @escaping Merge, policy: MergePolicy) {
            self.assign = assign
            self.merge = merge
            self.policy = policy
        }
    }

    private let boxes: [Box]
    private let unowned: [Unmanaged<Box>]

    init(_ fields: [(field: CompiledField<EvseDataRecord>, policy: MergePolicy, merge: Merge)]) {
        boxes = fields.map { Box(assign: $0.field.assign, merge: $0.merge, policy: $0.policy) }
        unowned = boxes.map { Unmanaged.passUnretained($0) }
    }

    /// The later row's fields, each taken out again by its merge: empty between rows, so no
    /// record is made and freed for each row. (Used by one mapper, on one thread.)
    private var partial = EvseDataRecord()

    /// Evaluates each field for a later row and merges it into `target`.
    func mergeAll(into target: inout EvseDataRecord, _ ctx: inout EvalContext) {
        unowned.withUnsafeBufferPointer { refs in
            for ref in refs {
                ref._withUnsafeGuaranteedRef { box in
                    _ = box.assign(&partial, &ctx)
                    box.merge(&target, &partial, box.policy)
                }
            }
        }
    }
}
