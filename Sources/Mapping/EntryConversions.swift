/// What a field made of each remembered value of its pipeline, by the value's entry in the
/// pipeline's cache (`StepCache`, whose entries keep their numbers while it is on).
///
/// A field of a remembered pipeline over a CSV column then converts each distinct value once: a
/// row whose column holds a value seen before gives the field's value straight away, without
/// copying the pipeline's value out of the cache and comparing it with the last one
/// (`LastConversion`). Only conversions that reported and counted nothing are kept, so a
/// warning or a reason to reject recurs on every row. One per compiled field, used by one
/// mapping thread.
final class EntryConversions<Output>: @unchecked Sendable {
    @exclusivity(unchecked) private var outputs: [Output?] = []
    @exclusivity(unchecked) private var known: [Bool] = []

    /// The output kept for entry `e`: `.some(nil)` when it converted to nothing, nil when none is kept.
    @inline(__always) func output(_ e: Int) -> Output?? {
        guard e < known.count, known[e] else { return nil }
        return .some(outputs[e])
    }

    /// Converts entry `e`'s value, keeping the output when the conversion reported and counted nothing.
    func convert(_ e: Int, _ value: Value, _ ctx: inout EvalContext, _ convert: (Value, inout EvalContext) -> Output?) -> Output? {
        let issues = ctx.issues.count
        let rejections = ctx.rejections
        let counted = ctx.statistics.eventCount
        let result = convert(value, &ctx)
        guard ctx.issues.count == issues, ctx.rejections == rejections, ctx.statistics.eventCount == counted else { return result }
        if e >= known.count {
            outputs.append(contentsOf: repeatElement(nil, count: e + 1 - known.count))
            known.append(contentsOf: repeatElement(false, count: e + 1 - known.count))
        }
        outputs[e] = result
        known[e] = true
        return result
    }
}
