/// The parts of the last records an encoder wrote that the next record often repeats (the EVSEs
/// of one station share its address, position and names), with their JSON: a part equal to the
/// one before is written by copying its bytes. Owned by one writer of records, one at a time.
public struct EncodingMemo: Sendable {
    var address = Remembered(Address())
    var geo = Remembered(GeoCoordinates())
    var stationNames = Remembered<[InfoText]>([])
    var tail = TailMemo()
    /// The JSON of the kinds of facility written lately.
    var facilities = FacilityMemo<[UInt8]>()

    public init() {}

    /// One remembered part: the value and the JSON written for it.
    struct Remembered<Value: Equatable & Sendable>: Sendable {
        // Not optional: the comparison then reads the value where it is, without a copy.
        private var value: Value
        private var valid = false
        private var json: [UInt8] = []

        init(_ empty: Value) { value = empty }

        /// Writes `value` with `write`, or copies the JSON of the same value written before.
        /// (`write` is given the value rather than capturing it: a closure that captured the
        /// record would copy it.)
        mutating func write(_ value: Value, into out: ByteStorage, _ write: (Value, ByteStorage) -> Void) {
            if replay(value, into: out) { return }
            let start = out.count
            write(value, out)
            remember(value, writtenFrom: start, in: out)
        }

        /// Copies the JSON of `value` when it is the value remembered; false when it is not.
        private func replay(_ value: Value, into out: ByteStorage) -> Bool {
            guard valid && self.value == value else { return false }
            json.withUnsafeBufferPointer { out.append(contentsOf: $0) }
            return true
        }

        /// Remembers `value` and its JSON, the bytes written to `out` from `start` on.
        private mutating func remember(_ value: Value, writtenFrom start: Int, in out: ByteStorage) {
            json.removeAll(keepingCapacity: true)
            out.withBuffer { json.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start...])) }
            self.value = value
            valid = true
        }
    }
}
