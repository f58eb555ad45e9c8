/// Counts a mapping keeps while it runs: values not found in tables, rounded numbers, dropped
/// values. They go into `report.json`.
public final class MappingStatistics: @unchecked Sendable {
    /// Table name → source value → how often it was not found.
    public private(set) var unknownValues: [String: [String: Int]] = [:]
    /// Field → how many values were rounded.
    public private(set) var rounded: [String: Int] = [:]
    /// Field → a few examples of rounded values (`7.4 → 7`).
    public private(set) var roundedExamples: [String: [String]] = [:]
    /// Field → how many values were left out (out of range, unknown, failed to parse with `on_error: drop`).
    public private(set) var dropped: [String: Int] = [:]
    /// Field → how many times a `default` supplied the value.
    public private(set) var defaulted: [String: Int] = [:]
    /// Field → how many values were truncated.
    public private(set) var truncated: [String: Int] = [:]
    private static let maxDistinct = 500
    /// How many times anything was counted: a computation that leaves it unchanged had no
    /// effect here and may be remembered.
    public private(set) var changes = 0

    public init() {}

    func unknown(table: String, value: String) {
        changes += 1
        if unknownValues[table, default: [:]][value] != nil || unknownValues[table, default: [:]].count < Self.maxDistinct {
            unknownValues[table, default: [:]][value, default: 0] += 1
        } else {
            unknownValues[table, default: [:]]["(other values)", default: 0] += 1
        }
    }

    private var keys: [String: String] = [:]

    /// `ChargingFacilities[0].Power` and `ChargingFacilities[1].Power` count together.
    private func key(_ field: String) -> String {
        if let k = keys[field] { return k }
        let k = Self.key(field)
        if keys.count < 10_000 { keys[field] = k }
        return k
    }

    static func key(_ field: String) -> String {
        guard field.contains("[") else { return field }
        var out = ""
        var skipping = false
        for c in field {
            if c == "[" { skipping = true } else if c == "]" { skipping = false } else if !skipping { out.append(c) }
        }
        return out
    }

    func rounded(field rawField: String, from: Double, to: Double) {
        changes += 1
        let field = key(rawField)
        rounded[field, default: 0] += 1
        if roundedExamples[field, default: []].count < 5 {
            let example = "\(FixedDecimalText.of(from)) → \(FixedDecimalText.of(to))"
            if !roundedExamples[field, default: []].contains(example) { roundedExamples[field, default: []].append(example) }
        }
    }

    func dropped(field: String) {
        changes += 1
        dropped[key(field), default: 0] += 1
    }
    func truncated(field: String) {
        changes += 1
        truncated[key(field), default: 0] += 1
    }
    func defaulted(field: String) {
        changes += 1
        defaulted[key(field), default: 0] += 1
    }

    /// Field → how many power values below 1000 were taken as kW rather than W.
    public private(set) var assumedKilowatts: [String: Int] = [:]
    func assumedKilowatts(field: String) {
        changes += 1
        assumedKilowatts[key(field), default: 0] += 1
    }
}

import OICP

enum FixedDecimalText {
    static func of(_ d: Double) -> String { FixedDecimal.shortest(d) }
}

extension MappingStatistics {
    /// Adds the statistics of the records after these (a later batch), as if one object had
    /// seen them all in order.
    public func merge(_ later: MappingStatistics) {
        for table in later.unknownValues.keys.sorted() {
            for (value, count) in later.unknownValues[table]!.sorted(by: { $0.key < $1.key }) {
                let known = unknownValues[table, default: [:]]
                let key = known[value] != nil || known.count < Self.maxDistinct || value == "(other values)" ? value : "(other values)"
                unknownValues[table, default: [:]][key, default: 0] += count
            }
        }
        for (field, count) in later.rounded { rounded[field, default: 0] += count }
        for field in later.roundedExamples.keys.sorted() {
            for example in later.roundedExamples[field]! where roundedExamples[field, default: []].count < 5 {
                if !roundedExamples[field, default: []].contains(example) { roundedExamples[field, default: []].append(example) }
            }
        }
        for (field, count) in later.dropped { dropped[field, default: 0] += count }
        for (field, count) in later.defaulted { defaulted[field, default: 0] += count }
        for (field, count) in later.truncated { truncated[field, default: 0] += count }
        for (field, count) in later.assumedKilowatts { assumedKilowatts[field, default: 0] += count }
    }
}
