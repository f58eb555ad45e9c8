/// How a session is paid (OICP `PaymentOptionType`). `No Payment` stands alone.
public struct PaymentOption: OICPEnumeration {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public static let typeName = "PaymentOption"

    public static let noPayment = PaymentOption(rawValue: "No Payment")
    public static let direct = PaymentOption(rawValue: "Direct")
    public static let contract = PaymentOption(rawValue: "Contract")

    public static func allowedValues(in version: OICPVersion) -> [Self] {
        switch version {
        case .v2_3: [.noPayment, .direct, .contract]
        case .v2_2: [.noPayment, .direct, .contract]
        }
    }
}
