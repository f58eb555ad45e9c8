/// ``Patterns/operatorKey(_:)`` remembered: a file holds few operators and many records.
public final class OperatorKeyCache: @unchecked Sendable {
    private var keys: [String: String] = [:]

    public init() {}

    public func key(_ operatorID: String) -> String {
        if let k = keys[operatorID] { return k }
        let k = Patterns.operatorKey(operatorID)
        if keys.count < 100_000 { keys[operatorID] = k }
        return k
    }
}
