/// Hubject's answer to a push (`eRoamingAcknowledgement`, HTTP 200).
public struct Acknowledgement: Sendable, Hashable {
    public var result: Bool?
    public var statusCode: StatusCode?
    /// `^[A-Za-z0-9]{8}(-[A-Za-z0-9]{4}){3}-[A-Za-z0-9]{12}$`.
    public var sessionID: String?
    public var cpoPartnerSessionID: String?
    public var empPartnerSessionID: String?

    public init(
        result: Bool?, statusCode: StatusCode?, sessionID: String? = nil, cpoPartnerSessionID: String? = nil,
        empPartnerSessionID: String? = nil
    ) {
        self.result = result
        self.statusCode = statusCode
        self.sessionID = sessionID
        self.cpoPartnerSessionID = cpoPartnerSessionID
        self.empPartnerSessionID = empPartnerSessionID
    }

    /// Whether the push was performed: `Result` true and code `000`.
    public var isSuccess: Bool { result == true && statusCode?.code == "000" }
}

/// The status of an acknowledgement. `Code` is a three-digit string with leading zeros.
public struct StatusCode: Sendable, Hashable {
    public var code: String?
    public var description: String?
    public var additionalInfo: String?

    public init(code: String?, description: String? = nil, additionalInfo: String? = nil) {
        self.code = code
        self.description = description
        self.additionalInfo = additionalInfo
    }

    /// The meaning of `code` from the OICP code table, if it is one of the listed codes.
    public var meaning: String? { code.flatMap { StatusCode.meanings[$0] } }

    /// Codes that concern a data push.
    public static let pushCodes: Set<String> = ["000", "001", "002", "009", "017", "018", "021", "022"]

    /// The complete OICP code table.
    public static let meanings: [String: String] = [
        "000": "success", "001": "Hubject system error", "002": "Hubject database error",
        "009": "data transaction error", "017": "unauthorized access", "018": "inconsistent EvseID",
        "019": "inconsistent EvcoID", "021": "system error", "022": "data error",
        "101": "QR code authentication failed (invalid credentials)",
        "102": "RFID authentication failed (invalid UID)", "103": "RFID authentication failed (card not readable)",
        "105": "PLC authentication failed (invalid EvcoID)", "106": "no positive authentication response",
        "110": "QR code app authentication failed (time-out)",
        "120": "PLC (ISO/IEC 15118) authentication failed (invalid underlying EvcoID)",
        "121": "PLC (ISO/IEC 15118) authentication failed (invalid certificate)",
        "122": "PLC (ISO/IEC 15118) authentication failed (time-out)", "200": "EvcoID locked",
        "210": "no valid contract", "300": "partner not found", "310": "partner did not respond",
        "320": "service not available", "400": "session is invalid", "501": "communication to EVSE failed",
        "510": "no EV connected to EVSE", "601": "EVSE already reserved", "602": "EVSE already in use / wrong token",
        "603": "unknown EVSE ID", "604": "EVSE ID is not Hubject compatible", "700": "EVSE out of service",
    ]
}
