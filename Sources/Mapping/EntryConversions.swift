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
    /// By entry: nil while none is kept, `.some(nil)` when the value converted to nothing.
    @exclusivity(unchecked) private var kept: [Output??] = []

    /// The output kept for entry `e`: `.some(nil)` when it converted to nothing, nil when none is kept.
    @inline(__always) func output(_ e: Int) -> Output?? {
        e < kept.count ? kept[e] : nil
    }

    /// Converts entry `e`'s value, keeping the output when the conversion reported and counted nothing.
    func convert(_ e: Int, _ value: Value, _ ctx: inout EvalContext, _ convert: (Value, inout EvalContext) -> Output?) -> Output? {
        let before = ctx.reports
        let result = convert(value, &ctx)
        guard ctx.reports == before else { return result }
        if e >= kept.count { kept.append(contentsOf: repeatElement(nil, count: e + 1 - kept.count)) }
        kept[e] = .some(result)
        return result
    }
}
