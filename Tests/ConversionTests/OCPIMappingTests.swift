import ETLCore
import Foundation
import OICP
import Testing

@testable import Conversion

/// The OCPI mappings on feeds written here.
@Suite struct OCPIMappingTests {
    func convert(_ mapping: String, json: String, parameters: [String: String] = ["hotline": "+4930123456"])
        throws -> (ConversionResult, [String: JSONValue], String)
    {
        let (result, records, rejects) = try ShippedMappingsTests().convert(mapping, csv: json, parameters: parameters)
        var byID: [String: JSONValue] = [:]
        for r in records { if case .string(let id)? = r["EvseID"] { byID[id] = r } }
        return (result, byID, rejects)
    }

    static func connector(_ standard: String, _ format: String?, power: String = "\"max_voltage\": 230, \"max_amperage\": 32, \"power_type\": \"AC_3_PHASE\"") -> String {
        "{\"id\": \"1\", \"standard\": \"\(standard)\"" + (format.map { ", \"format\": \"\($0)\"" } ?? "") + ", \(power)}"
    }

    static func evse(_ id: String, _ connectors: [String], extra: String = "") -> String {
        "{\"uid\": \"u-\(id)\", \"evse_id\": \"\(id)\", \"status\": \"AVAILABLE\", \"connectors\": [\(connectors.joined(separator: ","))]\(extra)}"
    }

    static func location(_ evses: [String], extra: String = "") -> String {
        """
        {"country_code": "DE", "party_id": "ABC", "id": "LOC1", "publish": true, "name": "Marktplatz",
         "address": "Marktplatz 7a", "city": "Köln", "postal_code": "50667", "country": "DEU",
         "coordinates": {"latitude": "50.9375", "longitude": 6.9603}, "time_zone": "Europe/Berlin",
         "operator": {"name": "ABC Laden"}, "evses": [\(evses.joined(separator: ","))]\(extra)}
        """
    }

    @Test func plugTable() throws {
        let cases: [(String, String?, String)] = [
            ("IEC_62196_T2", "SOCKET", "Type 2 Outlet"), ("IEC_62196_T2", "CABLE", "Type 2 Connector (Cable Attached)"),
            ("IEC_62196_T2_COMBO", "CABLE", "CCS Combo 2 Plug (Cable Attached)"), ("CHADEMO", "CABLE", "CHAdeMO"),
            ("DOMESTIC_E", "SOCKET", "Type E French Standard"), ("DOMESTIC_F", "SOCKET", "Type F Schuko"),
            ("DOMESTIC_G", "SOCKET", "Type G British Standard"), ("DOMESTIC_J", "SOCKET", "Type J Swiss Standard"),
            ("IEC_60309_2_single_16", "SOCKET", "IEC 60309 Single Phase"), ("IEC_60309_2_three_32", "SOCKET", "IEC 60309 Three Phase"),
            ("TESLA_S", "CABLE", "Tesla Connector"), ("NEMA_5_20", "SOCKET", "NEMA 5-20"), ("IEC_62196_T1", "CABLE", "Type 1 Connector (Cable Attached)"),
            ("IEC_62196_T2", nil, "Type 2 Outlet"), ("iec_62196_t2", "cable", "Type 2 Connector (Cable Attached)"),
        ]
        let evses = cases.enumerated().map { i, c in Self.evse("DE*ABC*E\(i)", [Self.connector(c.0, c.1)]) }
        let gbt = Self.evse("DE*ABC*E99", [Self.connector("GBT_DC", "CABLE"), Self.connector("IEC_62196_T2_COMBO", "CABLE")])
        let onlyGBT = Self.evse("DE*ABC*E98", [Self.connector("GBT_DC", "CABLE")])
        let (result, records, rejects) = try convert("ocpi-2.2.1.yaml", json: "[" + Self.location(evses + [gbt, onlyGBT]) + "]")
        for (i, c) in cases.enumerated() {
            #expect(records["DE*ABC*E\(i)"]?["Plugs"] == .array([.string(c.2)]), "\(c.0) \(c.1 ?? "-")")
        }
        #expect(records["DE*ABC*E99"]?["Plugs"] == .array([.string("CCS Combo 2 Plug (Cable Attached)")]))
        #expect(records["DE*ABC*E98"] == nil)
        #expect(rejects.contains(",DE*ABC*E98,DE*ABC,field.required,Plugs,"))
        #expect(result.report.rejected == 1)
    }

    @Test func powerInWattsAndKilowatts() throws {
        let watts = Self.connector("IEC_62196_T2_COMBO", "CABLE", power: "\"max_voltage\": 920, \"max_amperage\": 400, \"max_electric_power\": 150000, \"power_type\": \"DC\"")
        let kw = Self.connector("IEC_62196_T2_COMBO", "CABLE", power: "\"max_voltage\": 920, \"max_amperage\": 400, \"max_electric_power\": 50, \"power_type\": \"DC\"")
        let computed = Self.connector("IEC_62196_T2", "SOCKET", power: "\"max_voltage\": 230, \"max_amperage\": 16, \"power_type\": \"AC_3_PHASE\"")
        let (result, records, _) = try convert("ocpi-2.2.1.yaml",
            json: "[" + Self.location([Self.evse("DE*ABC*E1", [watts]), Self.evse("DE*ABC*E2", [kw]), Self.evse("DE*ABC*E3", [computed])]) + "]")
        func facility(_ id: String) -> JSONValue? {
            if case .array(let f)? = records[id]?["ChargingFacilities"] { return f.first }
            return nil
        }
        #expect(facility("DE*ABC*E1")?["Power"] == .number("150"))
        #expect(facility("DE*ABC*E1")?["Voltage"] == .number("920"))
        #expect(facility("DE*ABC*E1")?["Amperage"] == nil)  // 400 A does not fit OICP 2.3
        #expect(facility("DE*ABC*E2")?["Power"] == .number("50"))
        #expect(facility("DE*ABC*E3")?["Power"] == .number("11"))  // 230 V × 16 A × 3 = 11.04 kW
        #expect(result.report.warningsByRule["mapping.power-unit"] == 1)
    }

    @Test func openingHoursTimeZonesAndLocationFields() throws {
        let extra = """
            , "opening_times": {"twentyfourseven": false, "regular_hours": [
                {"weekday": 1, "period_begin": "08:00", "period_end": "12:00"}, {"weekday": 1, "period_begin": "13:00", "period_end": "18:00"},
                {"weekday": 2, "period_begin": "08:00", "period_end": "12:00"}, {"weekday": 2, "period_begin": "13:00", "period_end": "18:00"},
                {"weekday": 3, "period_begin": "08:00", "period_end": "12:00"}, {"weekday": 3, "period_begin": "13:00", "period_end": "18:00"},
                {"weekday": 4, "period_begin": "08:00", "period_end": "12:00"}, {"weekday": 4, "period_begin": "13:00", "period_end": "18:00"},
                {"weekday": 5, "period_begin": "08:00", "period_end": "12:00"}, {"weekday": 5, "period_begin": "13:00", "period_end": "18:00"},
                {"weekday": 0, "period_begin": "10:00", "period_end": "14:00"}]},
              "parking_type": "UNDERGROUND_GARAGE", "energy_mix": {"is_green_energy": true, "energy_sources": [{"source": "SOLAR", "percentage": 100}]},
              "directions": [{"language": "de", "text": "Einfahrt Nord"}], "images": [{"url": "https://example.org/a.jpg", "category": "LOCATION"}]
            """
        let own = Self.evse("DE*ABC*E2", [Self.connector("IEC_62196_T2", "SOCKET")],
            extra: ", \"coordinates\": {\"latitude\": \"50.9400\", \"longitude\": \"6.9500\"}, \"capabilities\": [\"RFID_READER\", \"CREDIT_CARD_PAYABLE\", \"RESERVABLE\", \"UNLOCK_CAPABLE\"]")
        let (_, records, _) = try convert("ocpi-2.2.1.yaml",
            json: "{\"data\": [" + Self.location([Self.evse("DE*ABC*E1", [Self.connector("IEC_62196_T2", "SOCKET")]), own], extra: extra) + "], \"status_code\": 1000}")
        let r = try #require(records["DE*ABC*E1"])
        #expect(r["IsOpen24Hours"] == .bool(false))
        #expect(r["OpeningTimes"] == .array([
            .object([JSONMember(key: "Period", value: .array([
                .object([JSONMember(key: "begin", value: .string("08:00")), JSONMember(key: "end", value: .string("12:00"))]),
                .object([JSONMember(key: "begin", value: .string("13:00")), JSONMember(key: "end", value: .string("18:00"))])])),
                JSONMember(key: "on", value: .string("Workdays"))]),
            .object([JSONMember(key: "Period", value: .array([
                .object([JSONMember(key: "begin", value: .string("10:00")), JSONMember(key: "end", value: .string("14:00"))])])),
                JSONMember(key: "on", value: .string("Sunday"))]),
        ]))
        #expect(r["Address"]?["TimeZone"] == .string("UTC+01:00"))
        #expect(r["Address"]?["Street"] == .string("Marktplatz"))
        #expect(r["Address"]?["HouseNum"] == .string("7a"))
        #expect(r["AccessibilityLocation"] == .string("UndergroundParkingGarage"))
        #expect(r["RenewableEnergy"] == .bool(true))
        #expect(r["EnergySource"] == .array([.object([JSONMember(key: "Energy", value: .string("Solar"))])]))  // 100 % does not fit 0–99
        #expect(r["ChargingStationLocationReference"] == .array([.object([JSONMember(key: "lang", value: .string("de")),
            JSONMember(key: "value", value: .string("Einfahrt Nord"))])]))
        #expect(r["ChargingStationImage"] == .string("https://example.org/a.jpg"))
        #expect(r["GeoCoordinates"]?["DecimalDegree"]?["Latitude"] == .string("50.937500"))
        #expect(r["AuthenticationModes"] == .array([.string("REMOTE")]))
        let o = try #require(records["DE*ABC*E2"])
        #expect(o["GeoCoordinates"]?["DecimalDegree"]?["Latitude"] == .string("50.940000"))  // the EVSE's own position
        #expect(o["AuthenticationModes"] == .array([.string("REMOTE"), .string("NFC RFID Classic"), .string("Direct Payment")]))
        #expect(o["PaymentOptions"] == .array([.string("Contract"), .string("Direct")]))
        #expect(o["ValueAddedServices"] == .array([.string("Reservation")]))
    }

    @Test func exclusionsAndMissingIDs() throws {
        let unpublished = Self.location([Self.evse("DE*ABC*E7", [Self.connector("IEC_62196_T2", "SOCKET")])]).replacingOccurrences(of: "\"publish\": true", with: "\"publish\": false")
        let removed = Self.evse("DE*ABC*E8", [Self.connector("IEC_62196_T2", "SOCKET")]).replacingOccurrences(of: "AVAILABLE", with: "REMOVED")
        let noID = "{\"uid\": \"x-1\", \"status\": \"AVAILABLE\", \"connectors\": [\(Self.connector("IEC_62196_T2", "SOCKET"))]}"
        let json = "[" + unpublished + "," + Self.location([removed, noID, Self.evse("DE*ABC*E9", [Self.connector("IEC_62196_T2", "SOCKET")])]) + "]"
        let (result, records, rejects) = try convert("ocpi-2.2.1.yaml", json: json)
        #expect(result.report.read == 4 && result.report.excluded == 2 && result.report.written == 1 && result.report.rejected == 1)
        #expect(result.report.isBalanced)
        #expect(rejects.contains("mapping.required,EvseID,the EVSE has no evse_id"))
        #expect(records.keys.sorted() == ["DE*ABC*E9"])
        let (synth, synthRecords, _) = try convert("ocpi-2.2.1.yaml", json: json,
            parameters: ["hotline": "+4930123456", "synthesize_evse_ids": "missing"])
        #expect(synth.report.written == 2)
        #expect(synthRecords.keys.contains { $0.hasPrefix("DE*ABC*E") && $0.count == 20 })
    }

    @Test func ocpi211() throws {
        let json = """
            {"data": [{"id": "LOC1", "type": "PARKING_GARAGE", "name": "Gent Zuid", "address": "F.Rooseveltlaan 3A", "city": "Gent",
              "postal_code": "9000", "country": "BEL", "coordinates": {"latitude": "51.04759", "longitude": "3.72994"},
              "operator": {"name": "BeCharged"},
              "evses": [{"uid": "3256", "evse_id": "BE-BEC-E041503001", "status": "AVAILABLE", "capabilities": ["RESERVABLE", "REMOTE_START_STOP_CAPABLE"],
                "connectors": [{"id": "1", "standard": "IEC_62196_T2", "format": "CABLE", "power_type": "AC_3_PHASE", "voltage": 230, "amperage": 32, "tariff_id": "11"}]}]}],
             "status_code": 1000}
            """
        let (result, records, _) = try convert("ocpi-2.1.1.yaml", json: json)
        #expect(result.bundles.map(\.operatorID) == ["BE*BEC"])
        let r = try #require(records["BE*BEC*E041503001"])
        #expect(r["Plugs"] == .array([.string("Type 2 Connector (Cable Attached)")]))
        #expect(r["ChargingFacilities"]?.isEquivalent(to: .array([.object([JSONMember(key: "PowerType", value: .string("AC_3_PHASE")),
            JSONMember(key: "Voltage", value: .number("230")), JSONMember(key: "Amperage", value: .number("32")),
            JSONMember(key: "Power", value: .number("22"))])])) == true)
        #expect(r["AccessibilityLocation"] == .string("ParkingGarage"))
    }

    @Test func detection() throws {
        let ws = ConverterTests.Workspace(csv: "[" + Self.location([Self.evse("DE*ABC*E1", [Self.connector("IEC_62196_T2", "SOCKET")])]) + "]")
        #expect(try MappingDetector.detect(inputPath: ws.path("in.csv")).mapping == "ocpi-2.2.1.yaml")
        let old = ConverterTests.Workspace(csv: "{\"data\": [{\"id\": \"1\", \"type\": \"ON_STREET\", \"evses\": [{\"connectors\": [{\"voltage\": 230}]}]}]}")
        #expect(try MappingDetector.detect(inputPath: old.path("in.csv")).mapping == "ocpi-2.1.1.yaml")
        let irve = ConverterTests.Workspace(csv: ShippedMappingsTests.irveHeader + "\n")
        #expect(try MappingDetector.detect(inputPath: irve.path("in.csv")).mapping == "irve-statique-v2.yaml")
        let other = ConverterTests.Workspace(csv: "a,b\n1,2\n")
        #expect { _ = try MappingDetector.detect(inputPath: other.path("in.csv")) } throws: { ($0 as? Diagnostic)?.rule == "input.unrecognised" }
    }

    @Test func builtInMappingsAreTheShippedFiles() throws {
        let folder = ShippedMappingsTests.root.appendingPathComponent("mappings")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(ShippedMappings.all.map(\.name) == files, "regenerate with: oicp-etl mapping shipped --write Sources/Conversion/ShippedMappings.swift")
        for (name, yaml) in ShippedMappings.all {
            let file = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(yaml + "\n" == file, "\(name) differs; regenerate with: oicp-etl mapping shipped --write Sources/Conversion/ShippedMappings.swift")
        }
    }

    @Test func camelCaseFeedsReadLikeSnakeCase() throws {
        // A backend that serialised its own objects: camelCase keys, no party_id.
        let feed = """
            [{"countryCode": "DE", "id": "LOC1", "name": "Hof", "address": "Hofweg 1", "city": "Köln", "postalCode": "50667",
              "country": "DEU", "coordinates": {"latitude": "50.9", "longitude": "6.9"}, "timeZone": "Europe/Berlin",
              "evses": [{"uid": "U1", "evseId": "DE*ABC*E1", "status": "AVAILABLE",
                "connectors": [{"id": "1", "standard": "IEC_62196_T2", "format": "SOCKET", "powerType": "AC_3_PHASE",
                  "maxVoltage": 230, "maxAmperage": 32, "maxElectricPower": 22000}]},
                {"uid": "U2", "status": "AVAILABLE", "connectors": [{"id": "1", "standard": "IEC_62196_T2", "format": "SOCKET",
                  "powerType": "AC_3_PHASE", "maxElectricPower": 11000}]}],
              "operator": {"name": "ABC Laden"}}]
            """
        let (result, records, _) = try convert("ocpi-2.2.1.yaml", json: feed,
            parameters: ["hotline": "+4930123456", "synthesize_evse_ids": "missing", "operator_id": "DE*ABC"])
        #expect(result.report.written == 2)
        let first = try #require(records["DE*ABC*E1"])
        #expect(first["Address"]?["PostalCode"] == .string("50667"))
        #expect(first["Address"]?["TimeZone"] == .string("UTC+01:00"))
        #expect(first["ChargingFacilities"]?[0]?["Power"] == .number("22"))
        #expect(records.keys.contains { $0.hasPrefix("DE*ABC*E") && $0 != "DE*ABC*E1" }, "the EVSE without evse_id got one from operator_id")
    }
}
