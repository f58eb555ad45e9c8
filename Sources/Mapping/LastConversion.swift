/// The last input a field converted and what it made of it. Exports repeat values from one row to
/// the next (the rows of a station, of an operator), and the same input then gives the same
/// field at the cost of a comparison: no list, coordinate text or number is made again, and the
/// record shares the one made before.
///
/// Only a conversion that reported nothing is remembered (a warning or a reason to reject must
/// recur); what it counted (a rounded number) is counted again on each hit. Each compiled mapping
/// is used by one thread, so the state needs no lock.
final class LastConversion<Input: Equatable, Output>: @unchecked Sendable {
    // Not optional: the comparison then reads the input where it is, without a copy.
    @exclusivity(unchecked) private var input: Input
    @exclusivity(unchecked) private var valid = false
    @exclusivity(unchecked) private var output: Output?
    @exclusivity(unchecked) private var events: [MappingStatistics.Event] = []

    /// - Parameter empty: any value of the input type (nothing is remembered yet).
    init(_ empty: Input) { input = empty }

    @inline(__always) func callAsFunction(_ value: Input, _ ctx: inout EvalContext, _ convert: (Input, inout EvalContext) -> Output?) -> Output? {
        if valid && input == value {
            if !events.isEmpty { ctx.statistics.replay(events) }
            return output
        }
        let issues = ctx.issues.count
        let rejections = ctx.rejections
        let outer = ctx.statistics.startRecording()
        let result = convert(value, &ctx)
        let recorded = ctx.statistics.stopRecording(restoring: outer)
        if ctx.issues.count == issues && ctx.rejections == rejections {
            input = value
            output = result
            events = recorded
            valid = true
        } else {
            valid = false
        }
        return result
    }
}

/// Two values, as one input of a `LastConversion` (latitude and longitude).
struct ValuePair: Equatable {
    var first: Value
    var second: Value
}
