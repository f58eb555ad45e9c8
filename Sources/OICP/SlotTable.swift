/// A key of a `SlotTable`: a plain struct of 64-bit words (the bits of a part's storage and its
/// numbers), compared whole, which names its one slot.
protocol SlotKey: Equatable, Sendable {}

extension SlotKey {
    /// One of `SlotTable.slots` slots: the key's words mixed, the top bits of the product taken
    /// (no `Hasher`: this runs for a part of every record).
    @inline(__always) var slot: Int {
        withUnsafeBytes(of: self) { raw in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            for i in stride(from: 0, to: MemoryLayout<Self>.size / 8 * 8, by: 8) {
                h = (h ^ raw.load(fromByteOffset: i, as: UInt64.self)) &* 0xC2B2_AE3D_27D4_EB4F
            }
            return Int(truncatingIfNeeded: h >> 58)
        }
    }
}

/// Parts of records met lately (kinds of charging facility, records' tails), each with what was
/// made of it: its JSON for the encoder, its findings or its being clean for the validator.
///
/// A direct-mapped table of 64 slots: a part has one slot, chosen from its key, and a part that
/// lands on a taken slot replaces what was there. A slot holds the whole key, compared before its
/// result is used, so a collision costs a miss, never a wrong result; and the value the key was
/// made of (`Kept`: the part, or its record), kept alive so that no other text or list can take
/// the storage the key names — a value equal to one remembered but held in other storage is a
/// miss too. Owned by one thread, one record at a time.
struct SlotTable<Key: SlotKey, Kept: Sendable, Result: Sendable>: Sendable {
    private struct Entry: Sendable {
        var key: Key
        var kept: Kept
        var result: Result
        var valid: Bool
    }

    /// 64 slots: a few dozen kinds fit with few collisions, and the table stays small.
    static var slots: Int { 64 }
    /// Not optional: an entry is compared where it lies, and an optional would be copied. Empty
    /// until the first part is remembered (a memo made for one record costs nothing).
    private var entries: [Entry] = []

    init() {}

    /// Calls `body` with the result remembered for this key, read where it is; false (and no
    /// call) when there is none.
    @inline(__always)
    func withResult(for key: Key, _ body: (borrowing Result) -> Void) -> Bool {
        entries.withUnsafeBufferPointer { table in
            guard !table.isEmpty else { return false }
            // Compared in place: `let entry = table[i]` would copy the entry.
            let entry = table.baseAddress! + key.slot
            guard entry.pointee.valid && entry.pointee.key == key else { return false }
            body(entry.pointee.result)
            return true
        }
    }

    /// Remembers `value` (whose key is `key`) with a result made by `update` from the one in its
    /// slot (which it may reuse: its storage, for the encoder's JSON).
    /// - Parameter empty: the result of a slot never used (never handed out).
    mutating func remember(_ key: Key, of value: borrowing Kept, empty: @autoclosure () -> Result, _ update: (inout Result) -> Void) {
        if entries.isEmpty {
            entries = Array(repeating: Entry(key: key, kept: copy value, result: empty(), valid: false), count: Self.slots)
        }
        let i = key.slot
        entries[i].key = key
        entries[i].kept = copy value
        update(&entries[i].result)
        entries[i].valid = true
    }
}
