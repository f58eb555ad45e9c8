/// Checks that the EvseIDs of one operator's bundle belong to it and appear once.
///
/// Hubject refuses a whole push with status `018` when one EvseID's operator part is neither the
/// pushing OperatorID nor one of its sub-operators. The set of seen EvseIDs is the only state
/// that grows with the input.
public struct OperatorOwnership: Sendable {
    public let operatorID: String?
    private let allowedKeys: Set<String>
    /// The EvseIDs seen, as 128-bit fingerprints of their upper-case form (16 bytes each
    /// instead of a string: the set is the one thing that grows with the input).
    private var seen: Set<IDFingerprint> = []
    private let keys = OperatorKeyCache()

    public init(operatorID: String?, subOperatorIDs: Set<String> = []) {
        self.operatorID = operatorID
        var keys = Set(subOperatorIDs.map(Patterns.operatorKey))
        if let operatorID { keys.insert(Patterns.operatorKey(operatorID)) }
        allowedKeys = keys
    }

    /// Whether `evseID`'s operator part is the operator's (or a sub-operator's).
    public func belongs(_ evseID: String) -> Bool {
        // An ID that is no EvseID at all is the pattern rule's to report.
        guard Patterns.isEvseID(evseID, allowLowercase: true), let part = Patterns.operatorPart(ofEvseID: evseID) else { return true }
        return allowedKeys.isEmpty || allowedKeys.contains(keys.key(part))
    }

    /// A violation when the EvseID belongs to another operator or was seen before; records the ID.
    public mutating func check(evseID: String) -> Violation? {
        if !belongs(evseID) {
            let part = Patterns.operatorPart(ofEvseID: evseID) ?? evseID
            return Violation(rule: .evseIDOperator, path: "EvseID",
                message: "'\(evseID)' belongs to operator \(part), not to \(operatorID ?? "?")", value: evseID)
        }
        if !seen.insert(IDFingerprint(evseID)).inserted {
            return Violation(rule: .evseIDDuplicate, path: "EvseID",
                message: "EvseID '\(evseID)' appears more than once for operator \(operatorID ?? "?")", value: evseID)
        }
        return nil
    }

    /// How many distinct EvseIDs were checked.
    public var count: Int { seen.count }
}
