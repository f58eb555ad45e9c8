/// The request body of `eRoamingPushEvseData`.
public struct PushEvseData: Sendable, Hashable {
    public var actionType: ActionType?
    public var operatorEvseData: OperatorEvseData?

    public init(actionType: ActionType?, operatorEvseData: OperatorEvseData?) {
        self.actionType = actionType
        self.operatorEvseData = operatorEvseData
    }
}

/// The operator and its records (OICP `OperatorEvseData`). The array key is the singular
/// `EvseDataRecord`; it may be empty (an empty `fullLoad` clears the operator's data).
public struct OperatorEvseData: Sendable, Hashable {
    public var operatorID: String?
    /// Mandatory in 2.3, at most 100 characters.
    public var operatorName: String?
    public var evseDataRecord: [EvseDataRecord]?

    public init(operatorID: String?, operatorName: String?, evseDataRecord: [EvseDataRecord]?) {
        self.operatorID = operatorID
        self.operatorName = operatorName
        self.evseDataRecord = evseDataRecord
    }
}
