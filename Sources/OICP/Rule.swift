/// A validation rule with a stable identifier.
///
/// Identifiers never change once published: diagnostics, `report.json`, the rejects file and
/// `docs/errors.md` all use them, and users filter on them.
public struct Rule: Sendable, Hashable, CustomStringConvertible {
    /// The stable identifier, such as `evse-id.pattern`.
    public let id: String
    /// One line on what the rule checks.
    public let summary: String

    public init(id: String, summary: String) {
        self.id = id
        self.summary = summary
    }

    public var description: String { id }
}

extension Rule {
    public static let required = Rule(id: "field.required", summary: "A mandatory field is missing")
    public static let emptyList = Rule(id: "list.empty", summary: "A mandatory list has no element")
    public static let length = Rule(id: "text.length", summary: "A text is longer (or shorter) than the field allows")
    public static let enumValue = Rule(id: "enum.value", summary: "A value is not one of the enumeration's values for this OICP version")
    public static let numberRange = Rule(id: "number.range", summary: "A number is outside the field's range")
    public static let numberInteger = Rule(id: "number.integer", summary: "A number must be an integer in this OICP version")
    public static let evseIDPattern = Rule(id: "evse-id.pattern", summary: "EvseID does not match the EvseID pattern")
    public static let evseIDOperator = Rule(id: "evse-id.operator", summary: "EvseID does not belong to the bundle's OperatorID (Hubject status 018)")
    public static let evseIDDuplicate = Rule(id: "evse-id.duplicate", summary: "The EvseID appears more than once for the operator")
    public static let operatorIDPattern = Rule(id: "operator-id.pattern", summary: "OperatorID (or HubOperatorID) does not match the OperatorID pattern")
    public static let poolIDPattern = Rule(id: "pool-id.pattern", summary: "ChargingPoolID does not match the ChargingPoolID pattern")
    public static let hotlinePattern = Rule(id: "hotline.pattern", summary: "HotlinePhoneNumber is not '+' followed by 5 to 15 digits")
    public static let countryPattern = Rule(id: "country.pattern", summary: "Address.Country is not an ISO 3166-1 alpha-3 code")
    public static let timeZonePattern = Rule(id: "time-zone.pattern", summary: "Address.TimeZone is not of the form UTC+hh:mm")
    public static let langPattern = Rule(id: "lang.pattern", summary: "An InfoText language code does not match the language pattern")
    public static let periodPattern = Rule(id: "period.pattern", summary: "An opening period's begin or end is not hh:mm")
    public static let coordinatesForm = Rule(id: "coordinates.form", summary: "GeoCoordinates must give exactly one of Google, DecimalDegree, DegreeMinuteSeconds")
    public static let coordinatesPattern = Rule(id: "coordinates.pattern", summary: "A coordinate string does not match its form's pattern")
    public static let coordinatesRange = Rule(id: "coordinates.range", summary: "Latitude is outside -90..90 or longitude outside -180..180")
    public static let noPaymentAlone = Rule(id: "payment.no-payment-alone", summary: "'No Payment' is combined with another payment option")
    public static let openingTimesRequired = Rule(id: "opening-times.required", summary: "IsOpen24Hours is false but no OpeningTimes are given")
    public static let voltagePlausible = Rule(id: "voltage.line-to-neutral", summary: "An AC Voltage above 300 V looks line-to-line; OICP expects line to neutral (warning)")
    public static let chargingModePlausible = Rule(id: "charging-mode.power-type", summary: "A charging mode that does not fit the facility's PowerType (warning)")
    public static let hubjectField = Rule(id: "push.hubject-field", summary: "deltaType and lastUpdate are set by Hubject; a push leaves them out (warning)")
    public static let sessionIDPattern = Rule(id: "session-id.pattern", summary: "SessionID does not match the SessionID pattern")
    public static let statusCode = Rule(id: "status-code.value", summary: "StatusCode.Code is not a code of the OICP code table")
    public static let jsonUnknownKey = Rule(id: "json.unknown-key", summary: "A key that OICP does not define (misspelled keys are ignored by Hubject)")
    public static let jsonType = Rule(id: "json.type", summary: "A value has the wrong JSON type")

    /// Every OICP rule, in documentation order.
    public static let all: [Rule] = [
        .required, .emptyList, .length, .enumValue, .numberRange, .numberInteger, .evseIDPattern, .evseIDOperator,
        .evseIDDuplicate, .operatorIDPattern, .poolIDPattern, .hotlinePattern, .countryPattern, .timeZonePattern,
        .langPattern, .periodPattern, .coordinatesForm, .coordinatesPattern, .coordinatesRange, .noPaymentAlone,
        .openingTimesRequired, .voltagePlausible, .chargingModePlausible, .hubjectField, .sessionIDPattern, .statusCode, .jsonUnknownKey, .jsonType,
    ]
}
