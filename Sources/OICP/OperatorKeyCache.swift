/// ``Patterns/operatorKey(_:)`` remembered: a file holds few operators and many records.
///
/// Asked once or twice for every record, so a small table indexed by a cheap hash of the ID's
/// bytes answers first; the dictionary (hashing the whole string) only when that slot holds
/// another ID. Used by one thread at a time.
public final class OperatorKeyCache: @unchecked Sendable {
    @exclusivity(unchecked) private var keys: [String: String] = [:]
    @exclusivity(unchecked) private var recent: [(id: String, key: String)?] = Array(repeating: nil, count: 256)

    public init() {}

    public func key(_ operatorID: String) -> String {
        var id = operatorID
        let slot = id.withUTF8 { bytes -> Int in
            var h: UInt32 = 2_166_136_261
            for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
            return Int(h >> 24)
        }
        if let entry = recent[slot], entry.id == operatorID { return entry.key }
        let k: String
        if let known = keys[operatorID] {
            k = known
        } else {
            k = Patterns.operatorKey(operatorID)
            if keys.count < 100_000 { keys[operatorID] = k }
        }
        recent[slot] = (operatorID, k)
        return k
    }
}
