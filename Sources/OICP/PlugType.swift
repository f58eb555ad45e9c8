/// The type of a plug or socket of an EVSE (OICP `PlugType`).
public struct PlugType: OICPEnumeration {
    public let rawValue: String

    @inlinable public init(rawValue: String) { self.rawValue = rawValue }

    public static let typeName = "PlugType"

    public static let smallPaddleInductive = PlugType(rawValue: "Small Paddle Inductive")
    public static let largePaddleInductive = PlugType(rawValue: "Large Paddle Inductive")
    public static let avconConnector = PlugType(rawValue: "AVCON Connector")
    public static let teslaConnector = PlugType(rawValue: "Tesla Connector")
    public static let nema5_20 = PlugType(rawValue: "NEMA 5-20")
    public static let typeEFrenchStandard = PlugType(rawValue: "Type E French Standard")
    public static let typeFSchuko = PlugType(rawValue: "Type F Schuko")
    public static let typeGBritishStandard = PlugType(rawValue: "Type G British Standard")
    public static let typeJSwissStandard = PlugType(rawValue: "Type J Swiss Standard")
    public static let type1ConnectorCableAttached = PlugType(rawValue: "Type 1 Connector (Cable Attached)")
    public static let type2Outlet = PlugType(rawValue: "Type 2 Outlet")
    public static let type2ConnectorCableAttached = PlugType(rawValue: "Type 2 Connector (Cable Attached)")
    public static let type3Outlet = PlugType(rawValue: "Type 3 Outlet")
    public static let iec60309SinglePhase = PlugType(rawValue: "IEC 60309 Single Phase")
    public static let iec60309ThreePhase = PlugType(rawValue: "IEC 60309 Three Phase")
    public static let ccsCombo2PlugCableAttached = PlugType(rawValue: "CCS Combo 2 Plug (Cable Attached)")
    public static let ccsCombo1PlugCableAttached = PlugType(rawValue: "CCS Combo 1 Plug (Cable Attached)")
    public static let chademo = PlugType(rawValue: "CHAdeMO")
    public static let unspecified = PlugType(rawValue: "Unspecified")

    private static let values23: [PlugType] = [.smallPaddleInductive, .largePaddleInductive, .avconConnector, .teslaConnector, .nema5_20, .typeEFrenchStandard, .typeFSchuko, .typeGBritishStandard, .typeJSwissStandard, .type1ConnectorCableAttached, .type2Outlet, .type2ConnectorCableAttached, .type3Outlet, .iec60309SinglePhase, .iec60309ThreePhase, .ccsCombo2PlugCableAttached, .ccsCombo1PlugCableAttached, .chademo]
    private static let values22: [PlugType] = [.smallPaddleInductive, .largePaddleInductive, .avconConnector, .teslaConnector, .nema5_20, .typeEFrenchStandard, .typeFSchuko, .typeGBritishStandard, .typeJSwissStandard, .type1ConnectorCableAttached, .type2Outlet, .type2ConnectorCableAttached, .type3Outlet, .iec60309SinglePhase, .iec60309ThreePhase, .ccsCombo2PlugCableAttached, .ccsCombo1PlugCableAttached, .chademo, .unspecified]

    /// The spellings by their length, for the check every record's plugs go through: the few of
    /// one length are compared (no hash of the text, no scan of eighteen strings).
    private static let spellings23 = byLength(values23)
    private static let spellings22 = byLength(values22)

    private static func byLength(_ values: [PlugType]) -> [[String]] {
        var table = [[String]](repeating: [], count: values.map(\.rawValue.utf8.count).max()! + 1)
        for v in values { table[v.rawValue.utf8.count].append(v.rawValue) }
        return table
    }

    public func isValid(in version: OICPVersion) -> Bool {
        let length = rawValue.utf8.count
        let table = version == .v2_3 ? Self.spellings23 : Self.spellings22
        return length < table.count && table[length].contains(rawValue)
    }

    public static func allowedValues(in version: OICPVersion) -> [Self] {
        switch version {
        case .v2_3: values23
        case .v2_2: values22
        }
    }
}
