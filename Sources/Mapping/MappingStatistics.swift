/// Counts a mapping keeps while it runs: values not found in tables, rounded numbers, dropped
/// values. They go into `report.json`.
public final class MappingStatistics: @unchecked Sendable {
    /// Table name → source value → how often it was not found.
    @exclusivity(unchecked) public private(set) var unknownValues: [String: [String: Int]] = [:]
    /// Field → how many values were rounded.
    public var rounded: [String: Int] { table(.rounded) }
    /// Field → a few examples of rounded values (`7.4 → 7`).
    @exclusivity(unchecked) public private(set) var roundedExamples: [String: [String]] = [:]
    /// Field → how many values were left out (out of range, unknown, failed to parse with `on_error: drop`).
    public var dropped: [String: Int] { table(.dropped) }
    /// Field → how many times a `default` supplied the value.
    public var defaulted: [String: Int] { table(.defaulted) }
    /// Field → how many values were truncated.
    public var truncated: [String: Int] { table(.truncated) }
    /// Field → how many power values below 1000 were taken as kW rather than W.
    public var assumedKilowatts: [String: Int] { table(.assumedKilowatts) }

    /// What is counted per field.
    private enum Tally: Int, CaseIterable {
        case rounded, dropped, defaulted, truncated, assumedKilowatts
    }

    /// The counts per field, by tally; `pending` holds counts not added yet.
    @exclusivity(unchecked) private var tables = [[String: Int]](repeating: [:], count: Tally.allCases.count)
    /// Recent counts not yet added to `tables`: the same few fields are counted on every record,
    /// and finding a field here compares its key (the same string every time) instead of hashing it.
    @exclusivity(unchecked) private var pending: [(tally: Tally, key: String, count: Int)] = []

    private func count(_ tally: Tally, _ key: String, _ times: Int) {
        for i in pending.indices where pending[i].tally == tally && pending[i].key == key {
            pending[i].count += times
            return
        }
        if pending.count == 8 { addPending() }
        pending.append((tally, key, times))
    }

    private func addPending() {
        for p in pending { tables[p.tally.rawValue][p.key, default: 0] += p.count }
        pending.removeAll(keepingCapacity: true)
    }

    private func table(_ tally: Tally) -> [String: Int] {
        addPending()
        return tables[tally.rawValue]
    }
    private static let maxDistinct = 500

    public init() {}

    /// One thing counted, as it can be counted again (a remembered result repeats its counts).
    /// Fields are held as their keys (`ChargingFacilities.Power`), as they are counted.
    enum Event {
        case unknown(table: String, value: String)
        case rounded(field: String, from: Double, to: Double)
        case dropped(field: String)
        case truncated(field: String)
        case defaulted(field: String)
        case assumedKilowatts(field: String)
    }

    /// The events counted since `startRecording`, when recording.
    @exclusivity(unchecked) private var recording: [Event]?

    /// Starts recording the events counted from now on; returns the recording that was going on
    /// (recordings nest: pass it to `stopRecording`).
    func startRecording() -> [Event]? {
        defer { recording = [] }
        return recording
    }

    /// The events counted since the matching `startRecording`; they are added to the outer
    /// recording, if any.
    func stopRecording(restoring outer: [Event]?) -> [Event] {
        let events = recording ?? []
        recording = outer.map { $0 + events }
        return events
    }

    var isRecording: Bool { recording != nil }

    /// How many events were counted so far (a conversion that counted nothing left it unchanged).
    @exclusivity(unchecked) private(set) var eventCount = 0

    @inline(__always) private func note(_ event: Event) {
        eventCount &+= 1
        recording?.append(event)
    }

    /// Counts the events again, `times` times.
    func replay(_ events: [Event], times: Int = 1) {
        for event in events {
            switch event {
            case .unknown(let table, let value): unknown(table: table, value: value, times: times)
            // Fields are recorded as their keys already (see `Event`).
            case .rounded(let key, let from, let to): rounded(key: key, from: from, to: to, times: times)
            case .dropped(let key): tally(.dropped, event, key, times)
            case .truncated(let key): tally(.truncated, event, key, times)
            case .defaulted(let key): tally(.defaulted, event, key, times)
            case .assumedKilowatts(let key): tally(.assumedKilowatts, event, key, times)
            }
        }
    }

    /// Memos holding hits to count here (see `StepCache.hit`, `FieldMemo`).
    @exclusivity(unchecked) private var unsettled: [any DeferredCounts] = []

    func settleLater(_ memo: any DeferredCounts) { unsettled.append(memo) }

    /// Counts the hits remembered pipelines and fields deferred; called before the counts are read.
    public func settle() {
        for memo in unsettled { memo.settle(into: self) }
        unsettled = []
    }

    func unknown(table: String, value: String, times: Int = 1) {
        note(.unknown(table: table, value: value))
        if unknownValues[table, default: [:]][value] != nil || unknownValues[table, default: [:]].count < Self.maxDistinct {
            unknownValues[table, default: [:]][value, default: 0] += times
        } else {
            unknownValues[table, default: [:]]["(other values)", default: 0] += times
        }
    }

    @exclusivity(unchecked) private var keys: [String: String] = [:]

    /// The last fields asked for and their keys (the same few fields are counted on every record).
    @exclusivity(unchecked) private var recentKeys: [(field: String, key: String)] = []

    /// `ChargingFacilities[0].Power` and `ChargingFacilities[1].Power` count together.
    private func key(_ field: String) -> String {
        for recent in recentKeys where recent.field == field { return recent.key }
        let k: String
        if let known = keys[field] {
            k = known
        } else {
            k = Self.key(field)
            if keys.count < 10_000 { keys[field] = k }
        }
        if recentKeys.count == 8 { recentKeys.removeFirst() }
        recentKeys.append((field, k))
        return k
    }

    /// The last few roundings counted: once counted, the same rounding never adds an example
    /// again (it is one already, or the field has its five), so a repeat is recognised by its
    /// numbers without the examples being looked up by field.
    @exclusivity(unchecked) private var recentRoundings: [(field: String, from: Double, to: Double)] = []
    /// The roundings given as examples so far, by field.
    @exclusivity(unchecked) private var examplePairs: [String: [(from: Double, to: Double)]] = [:]

    static func key(_ field: String) -> String {
        guard field.utf8.contains(UInt8(ascii: "[")) else { return field }
        var out = ""
        var skipping = false
        for c in field {
            if c == "[" { skipping = true } else if c == "]" { skipping = false } else if !skipping { out.append(c) }
        }
        return out
    }

    func rounded(field: String, from: Double, to: Double, times: Int = 1) {
        rounded(key: key(field), from: from, to: to, times: times)
    }

    private func rounded(key field: String, from: Double, to: Double, times: Int) {
        note(.rounded(field: field, from: from, to: to))
        count(.rounded, field, times)
        for r in recentRoundings where r.from == from && r.to == to && r.field == field { return }
        if recentRoundings.count == 8 { recentRoundings.removeFirst() }
        recentRoundings.append((field, from, to))
        if roundedExamples[field, default: []].count < 5 {
            // An example already given is recognised by its numbers, without writing it again.
            if examplePairs[field, default: []].contains(where: { $0.from == from && $0.to == to }) { return }
            examplePairs[field, default: []].append((from, to))
            let example = "\(FixedDecimalText.of(from)) → \(FixedDecimalText.of(to))"
            if !roundedExamples[field, default: []].contains(example) { roundedExamples[field, default: []].append(example) }
        }
    }

    /// Counts `event`, the event of a field whose key is `key`.
    private func tally(_ tally: Tally, _ event: Event, _ key: String, _ times: Int) {
        note(event)
        count(tally, key, times)
    }

    func dropped(field: String, times: Int = 1) {
        let k = key(field)
        tally(.dropped, .dropped(field: k), k, times)
    }
    func truncated(field: String, times: Int = 1) {
        let k = key(field)
        tally(.truncated, .truncated(field: k), k, times)
    }
    func defaulted(field: String, times: Int = 1) {
        let k = key(field)
        tally(.defaulted, .defaulted(field: k), k, times)
    }
    func assumedKilowatts(field: String, times: Int = 1) {
        let k = key(field)
        tally(.assumedKilowatts, .assumedKilowatts(field: k), k, times)
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
        for (field, n) in later.rounded { count(.rounded, field, n) }
        for field in later.roundedExamples.keys.sorted() {
            for example in later.roundedExamples[field]! where roundedExamples[field, default: []].count < 5 {
                if !roundedExamples[field, default: []].contains(example) { roundedExamples[field, default: []].append(example) }
            }
        }
        for (field, n) in later.dropped { count(.dropped, field, n) }
        for (field, n) in later.defaulted { count(.defaulted, field, n) }
        for (field, n) in later.truncated { count(.truncated, field, n) }
        for (field, n) in later.assumedKilowatts { count(.assumedKilowatts, field, n) }
    }
}

/// A memo that counts the events of its hits later, in one go per remembered result: the same
/// counts, since a repeated event never changes which bucket or example a value goes to (the
/// first was counted when the result was made).
protocol DeferredCounts: AnyObject {
    /// Counts the deferred hits in `statistics`, if they are its.
    func settle(into statistics: MappingStatistics)
}
