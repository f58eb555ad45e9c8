/// The parts of the last records an encoder wrote that the next record often repeats (the EVSEs
/// of one station share its address, position and names), with their JSON: a part equal to the
/// one before is written by copying its bytes. Owned by one writer of records, one at a time.
public struct EncodingMemo: Sendable {
    var address = Remembered(Address())
    var geo = Remembered(GeoCoordinates())
    var stationNames = Remembered<[InfoText]>([])

    public init() {}

    /// One remembered part: the value and the JSON written for it.
    struct Remembered<Value: Equatable & Sendable>: Sendable {
        // Not optional: the comparison then reads the value where it is, without a copy.
        private var value: Value
        private var valid = false
        private var json: [UInt8] = []

        init(_ empty: Value) { value = empty }

        /// Writes `value` as `write` would, or copies the JSON of the same value written before.
        mutating func write(_ value: Value, into w: inout JSONWriter, _ write: (inout JSONWriter) -> Void) {
            if valid && self.value == value {
                w.raw(json)
                return
            }
            let start = w.count
            write(&w)
            json = w.withBytes { Array($0[start...]) }
            self.value = value
            valid = true
        }
    }
}
