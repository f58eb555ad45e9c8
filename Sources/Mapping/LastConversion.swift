/// The last input a field converted and what it made of it. Exports repeat values from one row to
/// the next (the rows of a station, of an operator), and the same input then gives the same
/// field at the cost of a comparison: no list, coordinate text or number is made again, and the
/// record shares the one made before.
///
/// Only a conversion that reported and counted nothing is remembered (a warning or a reason to
/// reject must recur, and a count — a rounded number — must be counted on every record). Each
/// compiled mapping is used by one thread, so the state needs no lock.
final class LastConversion<Input: Equatable, Output>: @unchecked Sendable {
    // Not optional: the comparison then reads the input where it is, without a copy.
    @exclusivity(unchecked) private var input: Input
    @exclusivity(unchecked) private var valid = false
    @exclusivity(unchecked) private var output: Output?

    /// - Parameter empty: any value of the input type (nothing is remembered yet).
    init(_ empty: Input) { input = empty }

    @inline(__always) func callAsFunction(_ value: Input, _ ctx: inout EvalContext, _ convert: (Input, inout EvalContext) -> Output?) -> Output? {
        if valid && input == value { return output }
        let before = ctx.reports
        let result = convert(value, &ctx)
        if ctx.reports == before {
            input = value
            output = result
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
