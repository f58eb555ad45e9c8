import Testing

@testable import OICP

/// Validation of OICP files written by others: their shapes and their departures from the spec.
@Suite struct BundleValidationTests {
    /// Two records in the style of an open-data export that departs from OICP: upper-case
    /// containers, nulls, coordinates as a string, lower-case facility keys, 7 decimals.
    static let departing = """
        {"EVSEData": [{"OperatorID": "CH*ABC", "OperatorName": "Alpen Strom", "EVSEDataRecord": [
          {"EvseID": "CH*ABC*E1", "ChargingStationNames": [{"lang": "de", "value": "Post"}],
           "Address": {"Country": "CHE", "City": "Chur", "Street": "Bahnhofstrasse", "PostalCode": "7000", "HouseNum": "1", "Region": null},
           "GeoCoordinates": {"Google": "46.8531 9.5297"},
           "Plugs": ["Type 2 Outlet"], "ChargingFacilities": [{"power": 22, "powertype": "AC_3_PHASE"}],
           "AuthenticationModes": ["NFC RFID Classic"], "PaymentOptions": ["Contract"], "ValueAddedServices": ["None"],
           "Accessibility": "Free publicly accessible", "HotlinePhoneNumber": "+41811234567", "IsOpen24Hours": true,
           "IsHubjectCompatible": true, "DynamicInfoAvailable": "true", "RenewableEnergy": false,
           "CalibrationLawDataAvailability": "Not Available", "ChargingStationId": "S1", "LocationImage": null},
          {"EvseID": "CH*ABC*E2", "ChargingStationNames": [{"lang": "de", "value": "Post"}],
           "Address": {"Country": "CHE", "City": "Chur", "Street": "Bahnhofstrasse", "PostalCode": "7000", "HouseNum": "1", "Region": null},
           "GeoCoordinates": {"Google": {"Coordinates": "46.8531123 9.5297"}},
           "Plugs": ["Type 2 Outlet"], "ChargingFacilities": [{"PowerType": "AC_3_PHASE", "Power": "22"}],
           "AuthenticationModes": ["NFC RFID Classic"], "ValueAddedServices": ["None"],
           "Accessibility": "Free publicly accessible", "HotlinePhoneNumber": "+41811234567", "IsOpen24Hours": true,
           "IsHubjectCompatible": true, "DynamicInfoAvailable": "true", "RenewableEnergy": false,
           "CalibrationLawDataAvailability": "Not Available"}
        ]}]}
        """

    func kinds(_ text: String, version: OICPVersion = .v2_3) throws -> (counts: [String: Int], records: Int) {
        let (findings, records) = BundleValidation.validate(try JSONParser().parse(Array(text.utf8)), version: version)
        var counts: [String: Int] = [:]
        for f in findings { counts[f.rule.id + " " + BundleValidation.kind(of: f.path), default: 0] += 1 }
        return (counts, records)
    }

    @Test func eachDepartureIsNamedWithItsPath() throws {
        let (k, records) = try kinds(Self.departing)
        #expect(records == 2)
        let r = "EVSEData[].EVSEDataRecord[]."
        #expect(k["json.unknown-key EVSEData"] == 1)
        #expect(k["json.unknown-key EVSEData[].EVSEDataRecord"] == 1)
        #expect(k["json.type \(r)GeoCoordinates.Google"] == 1)
        #expect(k["coordinates.pattern \(r)GeoCoordinates.Google.Coordinates"] == 1)
        #expect(k["json.unknown-key \(r)ChargingFacilities[].power"] == 1)
        #expect(k["json.unknown-key \(r)ChargingFacilities[].powertype"] == 1)
        #expect(k["json.type \(r)ChargingFacilities[].Power"] == 1)
        #expect(k["json.unknown-key \(r)ChargingStationId"] == 1)
        #expect(k["json.unknown-key \(r)LocationImage"] == 1)
        #expect(k["json.type \(r)Address.Region"] == 2)
        #expect(k["field.required \(r)PaymentOptions"] == 1)
    }

    @Test func findingsAreWarningsOrErrorsAsTheSpecSays() throws {
        let (findings, _) = BundleValidation.validate(try JSONParser().parse(Array(Self.departing.utf8)), version: .v2_3)
        let nulls = findings.filter { $0.path.hasSuffix("Address.Region") }
        #expect(nulls.allSatisfy { $0.severity == .warning && $0.message == "Region is null; OICP leaves a key without value out" })
        let google = findings.first { $0.path == "EVSEData[0].EVSEDataRecord[0].GeoCoordinates.Google" }
        #expect(google?.severity == .error)
    }

    @Test func everyShapeIsFound() throws {
        let record = #"{"EvseID": "DE*ABC*E1"}"#
        let shapes = [
            #"{"ActionType": "fullLoad", "OperatorEvseData": {"OperatorID": "DE*ABC", "OperatorName": "A", "EvseDataRecord": [\#(record)]}}"#,
            #"{"EvseData": {"OperatorEvseData": [{"OperatorID": "DE*ABC", "OperatorName": "A", "EvseDataRecord": [\#(record)]}]}}"#,
            #"{"content": [\#(record)], "number": 0, "size": 1}"#,
            "[\(record)]",
        ]
        for shape in shapes {
            let (k, records) = try kinds(shape)
            #expect(records == 1, "\(shape)")
            #expect(k.keys.contains { $0.hasPrefix("field.required") && $0.hasSuffix("Address") }, "\(shape)")
        }
        let (empty, none) = try kinds(#"{"hello": "world"}"#)
        #expect(none == 0)
        #expect(empty["json.type $"] == 1)
    }

    @Test func anEvseOfAnotherOperatorIsAnError() throws {
        let text = #"{"OperatorID": "DE*ABC", "EvseDataRecord": [{"EvseID": "DE*XYZ*E1"}]}"#
        let (k, _) = try kinds(text)
        #expect(k["evse-id.operator EvseDataRecord[].EvseID"] == 1)
    }
}
