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
    private var seen = IDFingerprintSet()
    private let keys = OperatorKeyCache()

    public init(operatorID: String?, subOperatorIDs: Set<String> = []) {
        self.operatorID = operatorID
        var keys = Set(subOperatorIDs.map(Patterns.operatorKey))
        if let operatorID { keys.insert(Patterns.operatorKey(operatorID)) }
        allowedKeys = keys
    }

    /// Whether `evseID`'s operator part is the operator's (or a sub-operator's).
    public func belongs(_ evseID: String) -> Bool {
        var id = evseID
        guard let end = id.withUTF8(Self.operatorPartLength) else { return true }
        return partBelongs(String(Substring(evseID.utf8.prefix(end))))
    }

    /// The length of the operator part of an EvseID (its UTF-8 bytes); nil for an ID that is no
    /// EvseID at all (the pattern rule's to report).
    private static func operatorPartLength(_ id: UnsafeBufferPointer<UInt8>) -> Int? {
        Patterns.evseID(id, allowLowercase: true) ? Patterns.operatorPartEnd(id) : nil
    }

    private func partBelongs(_ part: String) -> Bool {
        allowedKeys.isEmpty || allowedKeys.contains(keys.key(part))
    }

    /// The operator part of the last EvseID checked (its bytes; nil before the first), and
    /// whether it belonged: the EvseIDs of a bundle share a few operator parts, and consecutive
    /// ones mostly the same.
    private var lastPart: [UInt8]?
    private var lastBelongs = true

    /// `belongs(evseID)`, remembered for the last operator part.
    private mutating func belongsRemembered(_ evseID: String, validated: Bool) -> Bool {
        var id = evseID
        let (end, same) = id.withUTF8 { s -> (Int?, Bool) in
            guard let end = validated ? Patterns.operatorPartEnd(s) : Self.operatorPartLength(s) else { return (nil, false) }
            guard let lastPart, lastPart.count == end else { return (end, false) }
            return (end, lastPart.withUnsafeBufferPointer { last in
                for i in 0..<end where last[i] != s[i] { return false }
                return true
            })
        }
        guard let end else { return true }
        if same { return lastBelongs }
        let part = Array(evseID.utf8.prefix(end))
        lastPart = part
        lastBelongs = partBelongs(String(decoding: part, as: UTF8.self))
        return lastBelongs
    }

    /// A violation when the EvseID belongs to another operator or was seen before; records the ID.
    public mutating func check(evseID: String) -> Violation? {
        check(evseID: evseID, fingerprint: IDFingerprint(evseID))
    }

    /// Like ``check(evseID:)``, with the ID's fingerprint made before (on another thread).
    /// - Parameter validated: whether the ID is known to match the EvseID pattern (the validator
    ///   found no fault in it): its pattern is then not checked again.
    package mutating func check(evseID: String, fingerprint: IDFingerprint, validated: Bool = false) -> Violation? {
        if !belongsRemembered(evseID, validated: validated) {
            let part = Patterns.operatorPart(ofEvseID: evseID) ?? evseID
            return Violation(rule: .evseIDOperator, path: "EvseID",
                message: "'\(evseID)' belongs to operator \(part), not to \(operatorID ?? "?")", value: evseID)
        }
        if !seen.insert(fingerprint) {
            return Violation(rule: .evseIDDuplicate, path: "EvseID",
                message: "EvseID '\(evseID)' appears more than once for operator \(operatorID ?? "?")", value: evseID)
        }
        return nil
    }

    /// Where the check of an EvseID with this fingerprint will look first (see
    /// `IDFingerprintSet.probeAddress`). Mutating only so that a caller reaches it in place,
    /// without a copy of the ownership.
    package mutating func probeAddress(_ fingerprint: IDFingerprint) -> UnsafeRawPointer { seen.probeAddress(fingerprint) }

    /// How many distinct EvseIDs were checked.
    public var count: Int { seen.count }
}
