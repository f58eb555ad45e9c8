import Testing

@testable import OICP

@Suite struct OICPDecoderTests {
    func decode(_ text: String, _ version: OICPVersion = .v2_3) throws -> (EvseDataRecord, [Violation]) {
        OICPDecoder(version: version).decodeRecord(try JSONParser().parse(Array(text.utf8)))
    }

    @Test func unknownAndMisspelledKeys() throws {
        let (r, problems) = try decode(#"{"evseId": "DE*ABC*E1", "Colour": "red", "ChargingStationName": "x"}"#)
        #expect(r.evseID == "DE*ABC*E1")
        #expect(problems.map(\.rule) == [.jsonUnknownKey, .jsonUnknownKey, .jsonUnknownKey])
        #expect(problems[0].message.contains("OICP spells it 'EvseID'"))
        #expect(problems.contains { $0.path == "ChargingStationName" && $0.message.contains("other OICP version") })
        #expect(problems.contains { $0.path == "Colour" })
    }

    @Test func wrongTypesAreReportedAndRead() throws {
        let text = #"{"IsOpen24Hours": "true", "DynamicInfoAvailable": true, "GeoCoordinates": {"Google": "47.1 8.2"}, "MaxCapacity": 2.5, "Plugs": "Type 2 Outlet"}"#
        let (r, problems) = try decode(text)
        #expect(r.isOpen24Hours == true)
        #expect(r.dynamicInfoAvailable == .true)
        #expect(r.geoCoordinates?.google == "47.1 8.2")
        #expect(r.maxCapacity == 3)
        #expect(Set(problems.map(\.path)) == ["IsOpen24Hours", "GeoCoordinates.Google", "MaxCapacity", "Plugs", "DynamicInfoAvailable"])
        #expect(problems.allSatisfy { $0.rule == .jsonType })
    }

    @Test func versionSpecificKeys() throws {
        let text = #"{"ChargingFacilities": [{"Power": 11, "ChargingModes": ["Mode_3"]}], "ChargingModes": ["Mode_3"]}"#
        let (r23, p23) = try decode(text, .v2_3)
        #expect(r23.chargingFacilities?.first?.chargingModes == [.mode3])
        #expect(p23.map(\.path) == ["ChargingModes"])
        let (r22, p22) = try decode(text, .v2_2)
        #expect(r22.chargingModes == [.mode3])
        #expect(p22.map(\.path) == ["ChargingFacilities[0].ChargingModes"])
    }

    @Test func notAnObject() throws {
        let (_, problems) = try decode("[1]")
        #expect(problems.map(\.rule) == [.jsonType])
    }
}

@Suite struct JSONParserTests {
    func parse(_ s: String) throws(JSONParser.Error) -> JSONValue { try JSONParser().parse(Array(s.utf8)) }

    @Test func values() throws {
        let v = try parse(#"{"a": [1, -2.5e3, true, false, null, "x\u00e9\n"], "b": {}}"#)
        #expect(v["a"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null, .string("xé\n")]))
        #expect(v["b"] == .object([]))
        #expect(try parse("\u{FEFF}[]") == .array([]))
        #expect(try parse(#""\ud83d\ude00""#) == .string("😀"))
    }

    @Test(arguments: [
        ("{", 1), ("[1,]", 1), ("{\"a\" 1}", 1), ("\n\n[01]", 3), ("tru", 1), ("\"\\x\"", 1), ("[1] 2", 1), ("\"\\ud800\"", 1),
        ("{\"a\":\n\"b\nc\"}", 2),
    ])
    func errorsCarryTheLine(text: String, line: Int) {
        #expect(throws: JSONParser.Error.self) { try parse(text) }
        do {
            _ = try parse(text)
        } catch {
            #expect(error.line == line)
        }
    }

    @Test func depthLimit() {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: JSONParser.Error.self) { try JSONParser(maxDepth: 256).parse(Array(deep.utf8)) }
        #expect(throws: Never.self) { try JSONParser(maxDepth: 400).parse(Array(deep.utf8)) }
    }

    @Test func equivalenceIgnoresKeyOrder() throws {
        #expect(try parse(#"{"a":1,"b":[1,2]}"#).isEquivalent(to: try parse(#"{"b":[1,2],"a":1.0}"#)))
        #expect(!(try parse(#"{"b":[2,1]}"#).isEquivalent(to: try parse(#"{"b":[1,2]}"#))))
    }
}

@Suite struct FixedDecimalTests {
    @Test func numbersBeyondInt64AreWrittenExactly() {
        // Found by fuzzing: a Voltage of 1.2e87 trapped when its text was made for the message.
        #expect(FixedDecimal.integerDigits(1e20) == "100000000000000000000")
        #expect(FixedDecimal.integerDigits(18446744073709551616) == "18446744073709551616")
        #expect(FixedDecimal.integerDigits(9007199254740992) == "9007199254740992")
        #expect(FixedDecimal.shortest(1e300).count == 301)
        #expect(FixedDecimal.shortest(-1e20) == "-100000000000000000000")
        #expect(FixedDecimal.format(-1e20, decimals: 2) == "-100000000000000000000")
        #expect(FixedDecimal.degreesMinutesSeconds(1e300).contains("e") == false)
        let json = try! JSONParser().parse(Array(#"[{"EvseID": "DE*ABC*E1", "ChargingFacilities": [{"PowerType": "AC_3_PHASE", "Power": 22, "Voltage": 1158888888888888888888888888888888888}]}]"#.utf8))
        let (findings, _) = BundleValidation.validate(json, version: .v2_3)
        #expect(findings.contains { $0.message == "Voltage is far too large for an integer" })
    }

    @Test func fixedDecimals() {
        #expect(FixedDecimal.format(52.52, decimals: 6) == "52.520000")
        #expect(FixedDecimal.format(-0.0000004, decimals: 6) == "0.000000")
        #expect(FixedDecimal.format(-13.4050005, decimals: 6) == "-13.405001")
        #expect(FixedDecimal.format(1e-7, decimals: 6) == "0.000000")
        #expect(FixedDecimal.format(179.9999999, decimals: 6) == "180.000000")
        #expect(FixedDecimal.format(7.25, decimals: 0) == "7")
    }

    @Test func shortest() {
        #expect(FixedDecimal.shortest(22) == "22")
        #expect(FixedDecimal.shortest(7.4) == "7.4")
        #expect(FixedDecimal.shortest(1e-10) == "0")
        #expect(!FixedDecimal.shortest(1.5e-8).contains("e"))
    }

    @Test func degreesMinutesSeconds() {
        #expect(FixedDecimal.degreesMinutesSeconds(9.360922) == "9°21'39.32''")
        #expect(FixedDecimal.degreesMinutesSeconds(-21.573100) == "-21°34'23.16''")
        #expect(abs(FixedDecimal.parseDegreesMinutesSeconds("9°21'39.32''")! - 9.360922) < 1e-5)
        #expect(abs(FixedDecimal.parseDegreesMinutesSeconds("21°34'23.16\" S")! + 21.5731) < 1e-4)
        #expect(FixedDecimal.parseDegreesMinutesSeconds("9°75'") == nil)
    }
}
