/// The spelling of every OICP enumeration value (both versions), as the string literal its type
/// defines.
///
/// A string literal is never reference counted: copying it costs nothing, where copying text
/// made at run time counts a reference, an atomic operation, on every copy. A mapping's tables
/// and constants give the same few values to every record, and each value is copied several
/// times on its way (into the record, into checks, out to the encoder): made from the literal,
/// none of these copies counts. The text is the same either way; only its storage differs.
public enum EnumerationLiterals {
    private static let table: [String: String] = {
        var table: [String: String] = [:]
        func add<E: OICPEnumeration>(_: E.Type) {
            for version in OICPVersion.allCases {
                for value in E.allowedValues(in: version) { table[value.rawValue] = value.rawValue }
            }
        }
        add(PlugType.self)
        add(ChargingMode.self)
        add(ActionType.self)
        add(DynamicInfoAvailable.self)
        add(Accessibility.self)
        add(PaymentOption.self)
        add(PowerType.self)
        add(EnergyType.self)
        add(AccessibilityLocation.self)
        add(OpeningDay.self)
        add(DeltaType.self)
        add(AuthenticationMode.self)
        add(ValueAddedService.self)
        add(CalibrationLawDataAvailability.self)
        return table
    }()

    /// `text` itself when it is no enumeration value; else the same text, stored as the literal.
    public static func canonical(_ text: String) -> String { table[text] ?? text }

    /// Whether `text` is spelled as some OICP enumeration value.
    public static func contains(_ text: String) -> Bool { table[text] != nil }
}
