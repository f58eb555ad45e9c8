/// How a driver authorises a charging session (OICP `AuthenticationModeType`).
public struct AuthenticationMode: OICPEnumeration {
    public let rawValue: String

    @inlinable public init(rawValue: String) { self.rawValue = rawValue }

    public static let typeName = "AuthenticationMode"

    public static let nfcRFIDClassic = AuthenticationMode(rawValue: "NFC RFID Classic")
    public static let nfcRFIDDESFire = AuthenticationMode(rawValue: "NFC RFID DESFire")
    public static let pnc = AuthenticationMode(rawValue: "PnC")
    public static let remote = AuthenticationMode(rawValue: "REMOTE")
    public static let directPayment = AuthenticationMode(rawValue: "Direct Payment")
    public static let noAuthenticationRequired = AuthenticationMode(rawValue: "No Authentication Required")

    private static let values23: [AuthenticationMode] = [.nfcRFIDClassic, .nfcRFIDDESFire, .pnc, .remote, .directPayment, .noAuthenticationRequired]
    private static let values22: [AuthenticationMode] = [.nfcRFIDClassic, .nfcRFIDDESFire, .pnc, .remote, .directPayment]

    public static func allowedValues(in version: OICPVersion) -> [Self] {
        switch version {
        case .v2_3: values23
        case .v2_2: values22
        }
    }
}
