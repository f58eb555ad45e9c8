/// Charging facilities seen lately, each with what was made of it (its JSON, or what the
/// validator found): an operator's EVSEs have a handful of facility kinds between them (a
/// 22 kW AC outlet, a 150 kW DC cable), met again record after record; one met again is not
/// encoded or checked again (see `SlotTable`).
typealias FacilityMemo<Result: Sendable> = SlotTable<FacilityKey, ChargingFacility, Result>

/// A facility by its numbers and the bits of its storage (see `StorageBits`), and the context of
/// its result (for the validator: its index, which is in its paths, and the version). Equal keys
/// mean equal facilities while the table keeps the facility alive. Made and compared without
/// counting a reference.
struct FacilityKey: SlotKey {
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

    @inline(__always) static func == (a: FacilityKey, b: FacilityKey) -> Bool { StorageBits.equal(a, b) }
}
