/// A pipeline over one column or path whose steps depend on nothing but the text, with its
/// results remembered per input (exports repeat a few values in most columns).
///
/// A class, so that evaluating it takes one reference out of the expression instead of its
/// parts one by one.
final class RememberedPipeline: @unchecked Sendable {
    let source: Expression
    let steps: [Step]
    let onError: Step.FailurePolicy
    let cache = StepCache()
    /// The CSV column the source is, if it is one: such inputs are looked up by their bytes.
    private let column: Int?

    init(source: Expression, steps: [Step], onError: Step.FailurePolicy) {
        self.source = source
        self.steps = steps
        self.onError = onError
        if case .column(let index, _) = source { column = index } else { column = nil }
    }

    /// The pipeline as it would be evaluated without remembering.
    var pipeline: Expression { .pipeline(source, steps, onError: onError) }

    func evaluate(_ context: inout EvalContext, field: String) -> Value {
        guard cache.enabled else {
            let rejections = context.rejections
            let input = source.evaluate(&context, field: field)
            return Expression.run(steps, on: input, onError, since: rejections, &context, field)
        }
        if let column, context.row != nil {
            // Looked up by the field's bytes: a value seen before makes no text at all.
            let known = context.withField(column) { cache.index(bytes: $0) } ?? -1
            if known >= 0 { return cache.hit(known, counting: context.statistics) }
            return missed(column, &context, field)
        }
        let rejections = context.rejections
        let input = source.evaluate(&context, field: field)
        guard case .text(let text) = input else { return Expression.run(steps, on: input, onError, since: rejections, &context, field) }
        if let entry = cache.get(text) {
            if !entry.events.isEmpty { context.statistics.replay(entry.events) }
            return entry.value
        }
        let (value, entry) = remembering(input, since: rejections, &context, field)
        if let entry { cache.put(text, entry) }
        return value
    }

    /// The pipeline's value converted by a field (`convert`): for a CSV column whose bytes were
    /// seen before, what the field made of that value before (`conversions`), else converted now.
    /// Nil when the pipeline reads no CSV column or does not remember (the caller converts the
    /// value of `evaluate`).
    func converted<T>(_ context: inout EvalContext, field: String, _ conversions: EntryConversions<T>,
                      _ convert: (Value, inout EvalContext) -> T?) -> T?? {
        guard cache.enabled, let column, context.row != nil else { return nil }
        let known = context.withField(column) { cache.index(bytes: $0) } ?? -1
        if known >= 0 {
            if let kept = conversions.output(known) {
                cache.count(known, in: context.statistics)
                return .some(kept)
            }
            return .some(conversions.convert(known, cache.hit(known, counting: context.statistics), &context, convert))
        }
        return .some(convert(missed(column, &context, field), &context))
    }

    /// The value for CSV column bytes not seen before, remembered for the next time.
    private func missed(_ column: Int, _ context: inout EvalContext, _ field: String) -> Value {
        let rejections = context.rejections
        let input = source.evaluate(&context, field: field)
        let (value, entry) = remembering(input, since: rejections, &context, field)
        if let entry { _ = context.withField(column) { cache.put(bytes: $0, entry) } }
        return value
    }

    /// The steps applied for the cache: the value, and the entry to remember when the input is
    /// text and the steps reported nothing (a warning or a reason must recur; what they counted is
    /// kept with the value and counted again on each hit).
    private func remembering(_ input: Value, since rejections: Int, _ context: inout EvalContext, _ field: String) -> (Value, StepCache.Entry?) {
        guard case .text = input, context.rejections == rejections else {
            return (Expression.run(steps, on: input, onError, since: rejections, &context, field), nil)
        }
        let issues = context.issues.count
        let outer = context.statistics.startRecording()
        let value = Expression.run(steps, on: input, onError, since: rejections, &context, field)
        let events = context.statistics.stopRecording(restoring: outer)
        guard context.issues.count == issues else { return (value, nil) }
        return (value, StepCache.Entry(value: value, events: events))
    }
}
