/// How a session is paid (OICP `PaymentOptionType`). `No Payment` stands alone.
public struct PaymentOption: OICPEnumeration {
    public let rawValue: String

    @inlinable public init(rawValue: String) { self.rawValue = rawValue }

    public static let typeName = "PaymentOption"

    public static let noPayment = PaymentOption(rawValue: "No Payment")
    public static let direct = PaymentOption(rawValue: "Direct")
    public static let contract = PaymentOption(rawValue: "Contract")

    private static let values23: [PaymentOption] = [.noPayment, .direct, .contract]
    private static let values22: [PaymentOption] = [.noPayment, .direct, .contract]

    public static func allowedValues(in version: OICPVersion) -> [Self] {
        switch version {
        case .v2_3: values23
        case .v2_2: values22
        }
    }
}
