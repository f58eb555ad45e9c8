import ETLCore
/// Remembered results of a pipeline, by its input: by the text (tree records), or by the bytes of
/// a CSV field, so that a value seen before costs neither a string nor the steps. Gives up when
/// inputs rarely repeat.
///
/// One per compiled mapping, and each mapping thread has its own: its state needs no locks and no
/// run-time exclusivity checks.
final class StepCache: DeferredCounts, @unchecked Sendable {
    /// A remembered result: the value and what computing it counted (counted again on a hit).
    struct Entry {
        var value: Value
        var events: [MappingStatistics.Event] = []
    }

    @exclusivity(unchecked) private var values: [String: Entry] = [:]
    @exclusivity(unchecked) private var lookups = 0
    @exclusivity(unchecked) private var hits = 0
    @exclusivity(unchecked) private(set) var enabled = true
    private let limit = 4096

    // The byte-keyed table: open addressing over `slots` (indexes into the entries, -1 free), at
    // least twice as many slots as entries: 16 at first, doubled as entries come, up to twice the
    // limit. A column of a few values keeps its table in a cache line or two; a table of the
    // full size (32 KiB) from the start made most lookups a cache miss (4 % of a CSV run's time).
    @exclusivity(unchecked) private var slots: [Int32] = []
    private static let initialSlots = 16
    /// The keys' bytes one after another; key `e` is `keyBytes[keyStarts[e]..<keyStarts[e + 1]]`.
    @exclusivity(unchecked) private var keyBytes: [UInt8] = []
    @exclusivity(unchecked) private var keyStarts: [Int] = [0]
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    /// Key `e` as a `ShortByteKey` when it is 16 bytes or shorter (`.none` when longer): such a
    /// key is hashed and compared as two words, not byte by byte.
    @exclusivity(unchecked) private var shortKeys: [ShortByteKey] = []
    @exclusivity(unchecked) private var byteValues: [Entry] = []
    /// Hits on entries that counted something, not yet counted again: how many per entry, the
    /// entries with any, and the statistics they belong to (see `hit`).
    @exclusivity(unchecked) private var pending: [Int32] = []
    @exclusivity(unchecked) private var pendingEntries: [Int32] = []
    @exclusivity(unchecked) private var owner: MappingStatistics?

    private var count: Int { values.count + hashes.count }

    /// Whether key `e` is `bytes`.
    @inline(__always) private func key(_ e: Int, is bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = keyStarts[e]
        guard keyStarts[e + 1] - start == bytes.count else { return false }
        return keyBytes.withUnsafeBufferPointer { ByteKey.equal(UnsafeBufferPointer(rebasing: $0[start..<(start + bytes.count)]), bytes) }
    }

    /// The text found last and its entry, compared before hashing (values repeat record to record).
    @exclusivity(unchecked) private var lastText: String?
    @exclusivity(unchecked) private var lastTextEntry: Entry?

    func get(_ key: String) -> Entry? {
        lookups += 1
        if let last = lastText, last == key {
            hits += 1
            return lastTextEntry
        }
        if let v = values[key] {
            hits += 1
            lastText = key
            lastTextEntry = v
            return v
        }
        return nil
    }

    func put(_ key: String, _ value: Entry) {
        guard admit() else { return }
        values[key] = value
    }

    /// The entry found last: rows next to each other often repeat a value (the rows of one
    /// station), and comparing with it costs less than hashing. Its key is kept here too when it is
    /// short, so that finding it again reads nothing but this object.
    @exclusivity(unchecked) private var lastFound = -1
    @exclusivity(unchecked) private var lastShort = ShortByteKey.none

    /// The entry remembered for `bytes`, or -1.
    func index(bytes: UnsafeBufferPointer<UInt8>) -> Int {
        lookups += 1
        if let short = ShortByteKey(bytes) {
            if lastFound >= 0 && lastShort == short {
                hits += 1
                return lastFound
            }
            return index(short: short)
        }
        guard !hashes.isEmpty else { return -1 }
        if lastFound >= 0 && key(lastFound, is: bytes) {
            hits += 1
            return lastFound
        }
        let h = ByteKey.hash(bytes)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(slots[i])
            if e < 0 { return -1 }
            if hashes[e] == h && key(e, is: bytes) {
                hits += 1
                lastFound = e
                lastShort = .none
                return e
            }
            i = (i + 1) & mask
        }
    }

    /// The entry remembered for bytes of 16 or fewer other than the last found, or -1.
    private func index(short: ShortByteKey) -> Int {
        shortKeys.withUnsafeBufferPointer { keys in
            slots.withUnsafeBufferPointer { slots in
                guard !slots.isEmpty else { return -1 }
                let mask = slots.count - 1
                var i = Int(truncatingIfNeeded: short.hash) & mask
                while true {
                    let e = Int(slots[i])
                    if e < 0 { return -1 }
                    if keys[e] == short {
                        hits += 1
                        lastFound = e
                        lastShort = short
                        return e
                    }
                    i = (i + 1) & mask
                }
            }
        }
    }

    /// The hash a key is placed by: its `ShortByteKey`'s when it has one.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ short: ShortByteKey?) -> UInt64 {
        short?.hash ?? ByteKey.hash(bytes)
    }

    /// The value of entry `e` (from `index(bytes:)`), its counts counted again in `statistics`.
    ///
    /// Counting again is deferred: the hits are tallied per entry and counted in one go when the
    /// statistics are settled (`MappingStatistics.settle`), which gives the same counts, since a
    /// repeated count never changes which bucket or example a value goes to. While a pipeline is
    /// recording what it counts, they are counted at once, into the recording.
    @inline(__always) func hit(_ e: Int, counting statistics: MappingStatistics) -> Value {
        count(e, in: statistics)
        return byteValues[e].value
    }

    /// Counts a hit on entry `e` (as `hit` does) without handing out its value.
    @inline(__always) func count(_ e: Int, in statistics: MappingStatistics) {
        if !byteValues[e].events.isEmpty { countLater(e, statistics) }
    }

    private func countLater(_ e: Int, _ statistics: MappingStatistics) {
        if statistics.isRecording {
            statistics.replay(byteValues[e].events)
            return
        }
        if owner !== statistics {
            if let owner { settle(into: owner) }
            owner = statistics
            statistics.settleLater(self)
        }
        if pending[e] == 0 { pendingEntries.append(Int32(e)) }
        pending[e] += 1
    }

    /// Counts the deferred hits in `statistics`, if they are its.
    func settle(into statistics: MappingStatistics) {
        guard owner === statistics else { return }
        for e in pendingEntries {
            statistics.replay(byteValues[Int(e)].events, times: Int(pending[Int(e)]))
            pending[Int(e)] = 0
        }
        pendingEntries.removeAll(keepingCapacity: true)
        owner = nil
    }

    func put(bytes: UnsafeBufferPointer<UInt8>, _ value: Entry) {
        guard admit() else { return }
        if (hashes.count + 1) * 2 > slots.count { grow() }
        let short = ShortByteKey(bytes)
        let h = Self.hash(bytes, short)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] >= 0 {
            let e = Int(slots[i])
            if hashes[e] == h && key(e, is: bytes) { return }
            i = (i + 1) & mask
        }
        slots[i] = Int32(hashes.count)
        keyBytes.append(contentsOf: bytes)
        keyStarts.append(keyBytes.count)
        hashes.append(h)
        shortKeys.append(short ?? .none)
        byteValues.append(value)
        pending.append(0)
    }

    /// Doubles the slots (or makes the first 16) and places every entry again by its hash.
    private func grow() {
        var grown = [Int32](repeating: -1, count: max(Self.initialSlots, slots.count * 2))
        let mask = grown.count - 1
        for (e, h) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: h) & mask
            while grown[i] >= 0 { i = (i + 1) & mask }
            grown[i] = Int32(e)
        }
        slots = grown
    }

    /// Whether there is room for one more entry. Full: the cache stays only when it serves most
    /// lookups, else it is emptied and switched off.
    private func admit() -> Bool {
        guard count >= limit else { return true }
        if hits * 2 < lookups {
            if let owner { settle(into: owner) }
            enabled = false
            values = [:]
            lastText = nil
            lastTextEntry = nil
            slots = []
            keyBytes = []
            keyStarts = [0]
            hashes = []
            shortKeys = []
            byteValues = []
            pending = []
            lastFound = -1
            lastShort = .none
        }
        return false
    }
}
