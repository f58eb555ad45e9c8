/// Charging facilities seen lately, each with what was made of it (its JSON, or what the
/// validator found). An operator's EVSEs have a handful of facility kinds between them (a
/// 22 kW AC outlet, a 150 kW DC cable), met again record after record; one met again is not
/// encoded or checked again. Owned by one thread, one record at a time.
///
/// A direct-mapped table: a facility has one slot, chosen from its numbers, and a facility that
/// lands on a taken slot replaces what was there. A slot holds the facility's whole key,
/// compared before its result is used, so a collision costs a miss, never a wrong result; a
/// facility equal to one remembered but held in other storage (text read again) is a miss too.
struct FacilityMemo<Result: Sendable>: Sendable {
    /// A facility by the bits of its storage (see `StorageBits`) and the context of its result
    /// (for the validator: its index, which is in its paths, the version and the brief warnings).
    /// Equal keys mean equal facilities: the entry keeps its facility alive, so no other text
    /// can take the storage its key names. Made and compared without counting a reference.
    struct Key: Equatable {
        var power: UInt64
        var voltage: UInt64
        var amperage: UInt64
        var powerType: StorageBits.Pair
        var chargingModes: UInt64
        var context: UInt64

        @inline(__always)
        init(_ f: borrowing ChargingFacility, context: Int) {
            power = f.power?.bitPattern ?? 0x7FF8_0000_0000_0001  // a NaN no number parses to
            voltage = f.voltage.map { UInt64(truncatingIfNeeded: $0) << 1 } ?? 1
            amperage = f.amperage.map { UInt64(truncatingIfNeeded: $0) << 1 } ?? 1
            powerType = unsafeBitCast(f.powerType, to: StorageBits.Pair.self)
            chargingModes = StorageBits.of(f.chargingModes)
            self.context = UInt64(truncatingIfNeeded: context)
        }

        @inline(__always) static func == (a: Key, b: Key) -> Bool { StorageBits.equal(a, b) }

        /// One of 64 slots: the numbers mixed, the top bits of the product taken (no `Hasher`:
        /// this runs for every facility of every record).
        @inline(__always) var slot: Int {
            var h = context &+ 0x9E37_79B9_7F4A_7C15
            h = (h ^ power) &* 0xC2B2_AE3D_27D4_EB4F
            h = (h ^ voltage) &* 0x1656_67B1_9E37_79F9
            h = (h ^ amperage) &* 0x27D4_EB2F_1656_67C5
            return Int(truncatingIfNeeded: h >> 58)
        }
    }

    private struct Entry: Sendable {
        var key: Key
        /// Kept for the key's sake (see ``Key``).
        var facility: ChargingFacility
        var result: Result
        var valid: Bool
    }

    /// 64 slots: a few dozen kinds of facility fit with few collisions, and the table stays small.
    private static var slots: Int { 64 }
    /// Not optional: an entry is compared where it lies, and an optional would be copied. Empty
    /// until the first facility is remembered (a memo made for one record costs nothing).
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

    mutating func remember(_ f: borrowing ChargingFacility, key: Key, result: consuming Result) {
        if entries.isEmpty {
            entries = Array(repeating: Entry(key: Key(ChargingFacility(), context: 0), facility: ChargingFacility(), result: copy result, valid: false),
                count: Self.slots)
        }
        entries[key.slot] = Entry(key: key, facility: copy f, result: result, valid: true)
    }
}
