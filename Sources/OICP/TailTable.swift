/// Records' tails (the members `TailMemo.Key` stands for) met lately, each with what was made of
/// it: its JSON for the encoder, its being clean for the validator. The EVSEs of one station
/// repeat their tail, and the stations of a network share a few combinations of payment, access,
/// hotline and hours, which the mapping gives in the same storage each time (remembered per
/// text); so a tail is mostly one met a few stations before.
///
/// A direct-mapped table of 64 slots like `FacilityMemo`: a slot holds the whole key, compared
/// before its result is used, and the record it came from, kept alive so that no other text can
/// take the storage the key names. Owned by one thread, one record at a time.
struct TailTable<Result: Sendable>: Sendable {
    private struct Entry: Sendable {
        var key: TailMemo.Key
        var kept: EvseDataRecord
        var result: Result
        var valid: Bool
    }

    private static var slots: Int { 64 }
    /// Empty until the first tail is remembered (a memo made for one record costs nothing).
    private var entries: [Entry] = []

    /// The slot of a key: its words mixed, the top bits of the product taken.
    @inline(__always)
    static func slot(_ key: TailMemo.Key) -> Int {
        withUnsafeBytes(of: key) { raw in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            for i in stride(from: 0, to: MemoryLayout<TailMemo.Key>.size, by: 8) {
                h = (h ^ raw.load(fromByteOffset: i, as: UInt64.self)) &* 0xC2B2_AE3D_27D4_EB4F
            }
            return Int(truncatingIfNeeded: h >> 58)
        }
    }

    /// Calls `body` with the result remembered for this key, read where it is; false (and no
    /// call) when there is none.
    @inline(__always)
    func withResult(for key: TailMemo.Key, _ body: (borrowing Result) -> Void) -> Bool {
        entries.withUnsafeBufferPointer { table in
            guard !table.isEmpty else { return false }
            // Compared in place: `let entry = table[i]` would copy the entry.
            let entry = table.baseAddress! + Self.slot(key)
            guard entry.pointee.valid && entry.pointee.key == key else { return false }
            body(entry.pointee.result)
            return true
        }
    }

    /// Remembers the tail of `record` (whose key is `key`) with `result`, made by `update` from
    /// the result in its slot (which it may reuse: its storage, for the encoder's JSON).
    mutating func remember(_ key: TailMemo.Key, of record: borrowing EvseDataRecord, empty: @autoclosure () -> Result,
                           _ update: (inout Result) -> Void) {
        if entries.isEmpty {
            entries = Array(repeating: Entry(key: TailMemo.Key(), kept: EvseDataRecord(), result: empty(), valid: false), count: Self.slots)
        }
        let i = Self.slot(key)
        entries[i].key = key
        // The whole record (one copy costs less than its tail's fields set one by one).
        entries[i].kept = copy record
        update(&entries[i].result)
        entries[i].valid = true
    }
}
