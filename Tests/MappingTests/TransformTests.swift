import OICP
import Readers
import Testing

@testable import Mapping

/// Each transform, on values written in the test.
@Suite struct TransformTests {
    func id(_ expression: String, _ csv: String, extra: String = "") throws -> MappedRecord {
        try MappingHarness.value(expression, csv: csv, extra: extra)
    }

    @Test func textSteps() throws {
        #expect(try id("{ column: a, upper: true }", "a\nab-c\n").evse.chargingStationID == "AB-C")
        #expect(try id("{ column: a, lower: true, prefix: 'x-', suffix: '-y' }", "a\nAB\n").evse.chargingStationID == "x-ab-y")
        #expect(try id("{ column: a, replace: { pattern: '\\s+', with: '_' } }", "a\n\"a  b c\"\n").evse.chargingStationID == "a_b_c")
        #expect(try id("{ column: a, remove: '[^0-9]' }", "a\nST-0042\n").evse.chargingStationID == "0042")
        #expect(try id("{ column: a }", "a\n\"  padded  \"\n").evse.chargingStationID == "padded")
    }

    @Test("upper and lower give what Unicode's case mapping gives: ASCII byte by byte, other text through Unicode",
          arguments: ["DE*ABC*E1", "de*abc*e1", "De*aBc*E1", "", "@[`{", "köln", "KÖLN", "straße", "ǅ", "ﬁ", "İstanbul", "a\u{301}", "Zz09"])
    func caseMapping(_ text: String) {
        #expect(Step.cased(text, upper: true) == text.uppercased())
        #expect(Step.cased(text, upper: false) == text.lowercased())
    }

    @Test("upper and lower agree with Unicode's case mapping on random ASCII")
    func caseMappingRandomASCII() {
        var draws = Draws(seed: 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<2_000 {
            let bytes = (0..<draws.next(24)).map { _ in UInt8(draws.next(128)) }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(Step.cased(text, upper: true) == text.uppercased(), "\(bytes)")
            #expect(Step.cased(text, upper: false) == text.lowercased(), "\(bytes)")
        }
    }

    @Test("white space around a column value is trimmed at both ends, no-break and ideographic spaces too",
          arguments: ["\u{A0}Köln", "Köln\u{A0}", "\u{3000}Köln\u{2009}", " \tKöln\u{A0} ", "Köln"])
    func columnValuesAreTrimmed(_ value: String) throws {
        #expect(try id("{ column: a }", "a,b\n\(value),x\n").evse.chargingStationID == "Köln")
        // The same value remembered by its bytes for a pipeline of steps.
        #expect(try id("{ column: a, upper: true }", "a,b\n\(value),x\n").evse.chargingStationID == "KÖLN")
    }

    @Test func emptyIsNoValue() throws {
        let r = try id("{ column: a, default: fallback }", "a,b\n,x\n")
        #expect(r.evse.chargingStationID == "fallback")
        let q = try id("{ column: a, required: 'the station id is missing' }", "a,b\n,x\n")
        #expect(q.rejected)
        #expect(q.issues.first?.message == "the station id is missing")
    }

    @Test func templatesAndFirst() throws {
        let t = try id("{ template: \"{a}-{b}-{$row}\" }", "a,b\nx,y\n")
        #expect(t.evse.chargingStationID == "x-y-1")
        // A template with a missing part has no value.
        #expect(try id("{ template: \"{a}-{b}\" }", "a,b\nx,\n").evse.chargingStationID == nil)
        #expect(try id("{ first: [{ column: a }, { column: b }, fallback] }", "a,b\n,y\n").evse.chargingStationID == "y")
        #expect(try id("{ template: \"{{literal}} {a}\" }", "a\nx\n").evse.chargingStationID == "{literal} x")
    }

    @Test func conditions() throws {
        let c = "{ const: yes, when: \"{a} == 'x' and ({b} > 10 or not {c})\" }"
        #expect(try id(c, "a,b,c\nx,11,1\n").evse.chargingStationID == "yes")
        #expect(try id(c, "a,b,c\nx,5,0\n").evse.chargingStationID == "yes")
        #expect(try id(c, "a,b,c\nx,5,1\n").evse.chargingStationID == nil)
        #expect(try id("{ const: hit, when: \"{a} ~ '^DE'\" }", "a\nDE1\n").evse.chargingStationID == "hit")
        #expect(try id("{ const: hit, when: \"{a} in ['p', 'q']\" }", "a\nq\n").evse.chargingStationID == "hit")
        #expect(try id("{ const: hit, when: \"{a} is empty\" }", "a,b\n,1\n").evse.chargingStationID == "hit")
        #expect(try id("{ column: b, number: true, when: \"{$value} <= 99\" }", "a,b\nx,120\n").evse.chargingStationID == nil)
    }

    @Test func numbers() throws {
        func kw(_ spec: String, _ text: String) throws -> Double? {
            let yaml = MappingHarness.yaml(evse: "ChargingFacilities:\n  - { PowerType: DC, Power: \(spec) }")
            return try MappingHarness(yaml: yaml, csv: "a\n\"\(text)\"\n", version: .v2_2).records[0].evse.chargingFacilities?.first?.power
        }
        #expect(try kw("{ column: a, number: true }", "22") == 22)
        #expect(try kw("{ column: a, number: { decimal: ',' } }", "22,5") == 22.5)
        #expect(try kw("{ column: a, number: { decimal: ',' } }", "1.234,5") == 1234.5)
        #expect(try kw("{ column: a, number: true }", "1,234.5") == 1234.5)
        #expect(try kw("{ column: a, number: { decimal: auto } }", "7,4") == 7.4)
        #expect(try kw("{ column: a, number: { unit: kW } }", "22000 W") == 22)
        #expect(try kw("{ column: a, number: { unit: kW } }", "22 kW") == 22)
        #expect(try kw("{ column: a, number: { unit: kW, assume: W } }", "11000") == 11)
        #expect(try kw("{ column: a, number: true }", "22 kW") == 22)
        #expect(try kw("{ column: a, number: true, multiply: 0.001 }", "7400") == 7.4)
        #expect(try kw("{ column: a, number: true, round: true }", "7.5") == 8)
        #expect(try kw("{ column: a, number: true, round: half-even }", "2.5") == 2)
        #expect(try kw("{ column: a, number: true, round: { decimals: 1 } }", "7.46") == 7.5)
        let bad = try MappingHarness(yaml: MappingHarness.yaml(evse: "ChargingFacilities:\n  - { PowerType: DC, Power: { column: a, number: true } }"),
            csv: "a\nabc\n1e309\n22 parsecs\n")
        #expect(bad.records.map(\.rejected) == [true, true, true])
        #expect(bad.records.map { $0.issues.first?.rule } == ["mapping.number", "mapping.number", "mapping.number"])
        #expect(bad.records[2].issues.first?.message.contains("unknown unit 'parsecs'") == true)
    }

    @Test func onErrorDrop() throws {
        let r = try id("{ column: a, number: true, on_error: drop }", "a\nabc\n")
        #expect(!r.rejected)
        #expect(r.evse.chargingStationID == nil)
        #expect(r.issues.map(\.severity) == [.warning])
    }

    @Test func ranges() throws {
        func volt(_ policy: String, _ v: String) throws -> MappedRecord {
            let yaml = MappingHarness.yaml(evse: "ChargingFacilities:\n  - { PowerType: DC, Power: 50, Voltage: { column: a, number: true, range: { max: 999, outside: \(policy) } } }")
            return try MappingHarness(yaml: yaml, csv: "a\n\(v)\n").records[0]
        }
        #expect(try volt("drop", "1000").evse.chargingFacilities?.first?.voltage == nil)
        #expect(try volt("drop", "1000").issues.isEmpty)
        #expect(try volt("clamp", "1000").evse.chargingFacilities?.first?.voltage == 999)
        #expect(try volt("reject", "1000").rejected)
        #expect(try volt("reject", "400").evse.chargingFacilities?.first?.voltage == 400)
    }

    @Test func oicpFitOf23() throws {
        let yaml = MappingHarness.yaml(evse: "ChargingFacilities:\n  - { PowerType: DC, Power: { column: p }, Voltage: { column: v }, Amperage: { column: a } }")
        let h = try MappingHarness(yaml: yaml, csv: "p,v,a\n7.4,1000,500\n")
        let f = h.records[0].evse.chargingFacilities?.first
        #expect(f?.power == 7)
        #expect(f?.voltage == nil && f?.amperage == nil)
        #expect(Set(h.records[0].issues.map(\.rule)) == ["oicp-fit.voltage", "oicp-fit.amperage"])
        #expect(h.mapper.statistics.rounded["ChargingFacilities.Power"] == 1)
        #expect(h.mapper.statistics.roundedExamples["ChargingFacilities.Power"] == ["7.4 → 7"])
        let v22 = try MappingHarness(yaml: yaml, csv: "p,v,a\n7.4,1000,500\n", version: .v2_2)
        #expect(v22.records[0].evse.chargingFacilities?.first == ChargingFacility(powerType: .dc, voltage: 1000, amperage: 500, power: 7.4))
    }

    @Test func tables() throws {
        let extra = """
            tables:
              plugs:
                values:
                  Type 2 socket: Type 2 Outlet
                  E/F-T2: [Type F Schuko, Type 2 Outlet]
                  GB/T: ~
                patterns:
                  - { match: '(?i)combo', value: CCS Combo 2 Plug (Cable Attached) }
              strict: { values: { a: A } }
              lenient: { unknown: drop, values: { a: A } }
              fallback: { default: Z, values: { a: A } }
            """
        func plugs(_ text: String, table: String = "plugs") throws -> MappedRecord {
            let h = try MappingHarness(yaml: MappingHarness.yaml(evse: "Plugs: { column: a, split: '|', table: \(table) }", extra: extra), csv: "a\n\"\(text)\"\n")
            return h.records[0]
        }
        #expect(try plugs("type-2 SOCKET").evse.plugs == [.type2Outlet])
        #expect(try plugs("E/F-T2").evse.plugs == [.typeFSchuko, .type2Outlet])
        #expect(try plugs("GB/T|Type 2 socket").evse.plugs == [.type2Outlet])
        #expect(try plugs("CCS Combo").evse.plugs == [.ccsCombo2PlugCableAttached])
        let unknown = try plugs("Tesla")
        #expect(unknown.rejected)
        #expect(unknown.issues.first?.rule == "mapping.table")
        #expect(unknown.issues.first?.value == "Tesla")
        #expect(try plugs("b|a", table: "lenient").evse.plugs == ["A"])
        #expect(try plugs("b|a", table: "lenient").issues.map(\.severity) == [.warning])
        #expect(try plugs("b", table: "fallback").evse.plugs == ["Z"])
    }

    @Test func unknownValuesAreCounted() throws {
        let extra = "tables:\n  t: { unknown: drop, values: { a: A } }"
        let h = try MappingHarness(yaml: MappingHarness.yaml(evse: "Plugs: { column: a, table: t }", extra: extra), csv: "a\nx\nx\ny\na\n")
        #expect(h.mapper.statistics.unknownValues["t"] == ["x": 2, "y": 1])
    }

    @Test func splitJoinDistinct() throws {
        let r = try MappingHarness(yaml: MappingHarness.yaml(evse: "AuthenticationModes: { column: a, split: ';', distinct: true }"),
            csv: "a\n\"REMOTE; PnC;REMOTE;\"\n").records[0]
        #expect(r.evse.authenticationModes == [.remote, .pnc])
        #expect(try id("{ column: a, split: { pattern: '[,/]' }, join: '+' }", "a\n\"x, y/z\"\n").evse.chargingStationID == "x+y+z")
        let twoValues = try id("{ column: a, split: ',' }", "a\n\"x,y\"\n")
        #expect(twoValues.rejected)
        #expect(twoValues.issues.first?.rule == "mapping.type")
    }

    @Test func booleans() throws {
        func open(_ text: String) throws -> Bool? {
            try MappingHarness(yaml: MappingHarness.yaml(evse: "IsHubjectCompatible: { column: a, bool: true }"), csv: "a\n\(text)\n").records[0].evse.isHubjectCompatible
        }
        #expect(try open("oui") == true)
        #expect(try open("FALSE") == false)
        #expect(try open("0") == false)
        #expect(try open("Ja") == true)
        let bad = try MappingHarness(yaml: MappingHarness.yaml(evse: "IsHubjectCompatible: { column: a, bool: true }"), csv: "a\nmaybe\n").records[0]
        #expect(bad.rejected)
        let eq = try MappingHarness(yaml: MappingHarness.yaml(evse: "IsOpen24Hours: { column: a, equals: 24/7 }"), csv: "a\n24/7\n").records[0]
        #expect(eq.evse.isOpen24Hours == true)
    }

    @Test func phoneNumbers() throws {
        #expect(PhoneNumber.normalize("tel:+33-4-23-10-03-50", countryCode: nil) == "+33423100350")
        #expect(PhoneNumber.normalize("0221 123456", countryCode: "49") == "+49221123456")
        #expect(PhoneNumber.normalize("0049 221 123456", countryCode: "33") == "+49221123456")
        #expect(PhoneNumber.normalize("+49 (0)221 12 34 56", countryCode: nil) == "+49221123456")
        #expect(PhoneNumber.normalize("n/a", countryCode: "49") == nil)
        #expect(try MappingHarness.value("{ column: a, phone: { country: 49 } }", csv: "a\n0221 123456\n", field: "HotlinePhoneNumber").evse.hotlinePhoneNumber
            == "+49221123456")
        #expect(try MappingHarness.value("{ column: a, phone: { country: FR } }", csv: "a\n04 23 10 03 50\n", field: "HotlinePhoneNumber").evse.hotlinePhoneNumber
            == "+33423100350")
        let national = try MappingHarness.value("{ column: a, phone: true }", csv: "a\n0221 123456\n", field: "HotlinePhoneNumber")
        #expect(national.rejected)
        #expect(national.issues.contains { $0.rule == "mapping.phone" })
        let atlantis = MappingHarness.error(yaml: MappingHarness.yaml(evse: "HotlinePhoneNumber: { column: a, phone: { country: Atlantis } }"))
        #expect(atlantis?.message.contains("neither a dialling code") == true)
    }

    @Test func countriesAndIDs() throws {
        #expect(CountryResolver.alpha3("DE") == "DEU")
        #expect(CountryResolver.alpha3("fra") == "FRA")
        #expect(CountryResolver.alpha3("Deutschland") == "DEU")
        #expect(CountryResolver.alpha3("Allemagne") == "DEU")
        #expect(CountryResolver.alpha3("  Österreich ") == "AUT")
        #expect(CountryResolver.alpha3("Atlantis") == nil)
        #expect(EvseIDNormalizer.normalize("FRA12E123") == "FR*A12*E123")
        #expect(EvseIDNormalizer.normalize("de*ab7*e840*6487") == "DE*AB7*E840*6487")
        #expect(EvseIDNormalizer.normalize("DE AB7 E840") == "DE*AB7*E840")
        // Written as OICP writes it: unchanged; one lower-case letter, a tab or a non-ASCII
        // letter anywhere takes the long way.
        #expect(EvseIDNormalizer.normalize("DE*AB7*E840*6487") == "DE*AB7*E840*6487")
        #expect(EvseIDNormalizer.normalize("DE*AB7*E840*648a") == "DE*AB7*E840*648A")
        #expect(EvseIDNormalizer.normalize("DE*AB7*E840\t*6487") == "DE*AB7*E840*6487")
        #expect(EvseIDNormalizer.normalize("DE*AB7*E840*é") == "DE*AB7*E840*É")
        #expect(EvseIDNormalizer.normalize("BE-BEC-E041503001") == "BE*BEC*E041503001")
        #expect(EvseIDNormalizer.normalizeOperator("deabc") == "DE*ABC")
    }

    @Test func captureAndLengths() throws {
        let address = "10 Carrefour du Mont Blanc 74400 CHAMONIX-MONT-BLANC"
        let pattern = "'^(?<num>\\d+\\S*)\\s+(?<street>.+?)\\s+(?<zip>\\d{5})\\s+(?<city>.+)$'"
        func part(_ group: String) throws -> String? {
            try id("{ column: a, capture: { pattern: \(pattern), group: \(group) } }", "a\n\"\(address)\"\n").evse.chargingStationID
        }
        #expect(try part("num") == "10")
        #expect(try part("street") == "Carrefour du Mont Blanc")
        #expect(try part("zip") == "74400")
        #expect(try part("city") == "CHAMONIX-MONT-BLANC")
        let cut = try id("{ column: a, truncate: 5 }", "a\nabcdefgh\n")
        #expect(cut.evse.chargingStationID == "abcde")
        #expect(cut.issues.map(\.rule) == ["mapping.truncated"])
        #expect(try id("{ column: a, max_length: 5 }", "a\nabcdefgh\n").rejected)
    }

    @Test func coordinates() throws {
        func geo(_ spec: String, _ csv: String) throws -> MappedRecord {
            try MappingHarness(yaml: MappingHarness.yaml(evse: "GeoCoordinates: \(spec)"), csv: csv).records[0]
        }
        let lonLat = try geo("{ column: a, coordinates: lon-lat }", "a\n\"[6.872792, 45.925034]\"\n")
        #expect(lonLat.evse.geoCoordinates == .decimalDegree(latitude: 45.925034, longitude: 6.872792))
        #expect(try geo("{ column: a }", "a\n\"45.1, 6.2\"\n").evse.geoCoordinates == .decimalDegree(latitude: 45.1, longitude: 6.2))
        #expect(try geo("{ column: a }", "a\n45.1 6.2\n").evse.geoCoordinates == .decimalDegree(latitude: 45.1, longitude: 6.2))
        let dms = try geo("{ column: a }", "a\n\"50°56'15.0\"\"N 6°57'37.1\"\"E\"\n")
        #expect(abs((dms.evse.geoCoordinates?.numericValue?.latitude ?? 0) - 50.9375) < 1e-4)
        let two = try geo("{ latitude: { column: a, number: { decimal: ',' } }, longitude: { column: b, number: { decimal: ',' } }, format: Google, decimals: 5 }",
            "a;b\n50,937417;6,97069\n".replacingOccurrences(of: ";", with: ","))
        #expect(two.rejected)  // a comma-separated file cannot hold unquoted decimal commas: the row is ragged
        let google = try MappingHarness(yaml: MappingHarness.yaml(evse: "GeoCoordinates: { latitude: { column: a }, longitude: { column: b }, format: Google, decimals: 5 }"),
            csv: "a,b\n50.937417,6.97069\n").records[0]
        #expect(google.evse.geoCoordinates?.google == "50.93742 6.97069")
        // Texts kept as written carry the numbers they were read as; formatted ones do not.
        let kept = try geo("{ latitude: { column: a }, longitude: { column: b } }", "a,b\n50.941300,-6.958300\n")
        #expect(kept.evse.geoCoordinates?.decimalDegree?.longitude == "-6.958300")
        #expect(kept.evse.geoCoordinates?.knownDecimalDegrees?.latitude == 50.9413)
        #expect(kept.evse.geoCoordinates?.knownDecimalDegrees?.longitude == -6.9583)
        let formatted = try geo("{ latitude: { column: a }, longitude: { column: b } }", "a,b\n50.9413,6.9583\n")
        #expect(formatted.evse.geoCoordinates?.decimalDegree?.latitude == "50.941300")
        #expect(formatted.evse.geoCoordinates?.knownDecimalDegrees == nil)
        let range = try geo("{ latitude: { column: a }, longitude: { column: b } }", "a,b\n195.1,6.9\n")
        #expect(range.rejected)
        #expect(range.issues.first?.rule == "coordinates.range")
        let swapped = try geo("{ latitude: { column: a }, longitude: { column: b } }", "a,b\n120.5,50.1\n")
        #expect(swapped.issues.first?.message.contains("look swapped") == true)
        let equal = try geo("{ latitude: { column: a }, longitude: { column: b } }", "a,b\n45.5,45.5\n")
        #expect(!equal.rejected)
        #expect(equal.issues.map(\.rule) == ["coordinates.equal"])
    }

    @Test func openingHours() throws {
        func hours(_ text: String) throws -> MappedRecord {
            try MappingHarness(yaml: MappingHarness.yaml(evse: "OpeningHours: { column: a, opening_hours: true }"), csv: "a\n\"\(text)\"\n").records[0]
        }
        #expect(try hours("24/7").evse.isOpen24Hours == true)
        #expect(try hours("24/7").evse.openingTimes == nil)
        let week = try hours("Mo-Fr 08:00-18:00; Sa 09:00-13:00")
        #expect(week.evse.isOpen24Hours == false)
        #expect(week.evse.openingTimes == [
            OpeningTimes(period: [Period(begin: "08:00", end: "18:00")], on: .workdays),
            OpeningTimes(period: [Period(begin: "09:00", end: "13:00")], on: .saturday),
        ])
        #expect(try hours("Mo-Sa 06:00-22:00; Su 08:00-20:00").evse.openingTimes?.map(\.on) == [.workdays, .saturday, .sunday])
        #expect(try hours("Mo-Su 07:00-21:00").evse.openingTimes?.map(\.on) == [.everyday])
        #expect(try hours("Sa,Su 10:00-12:00,14:00-16:00").evse.openingTimes
            == [OpeningTimes(period: [Period(begin: "10:00", end: "12:00"), Period(begin: "14:00", end: "16:00")], on: .weekend)])
        #expect(try hours("Mo-Fr 8:00-18:00, Sa 9h-12h").evse.openingTimes?.count == 2)
        #expect(try hours("Mo-Su 00:00-24:00").evse.isOpen24Hours == true)
        let bad = try hours("nach Vereinbarung")
        #expect(bad.rejected)
        #expect(bad.issues.first?.rule == "mapping.opening-hours")
    }
}

/// Pipelines over one column whose steps depend on the text alone are remembered per text; what
/// they report must still be reported for every record.
@Suite struct RememberedPipelineTests {
    static let mapping = """
        version: 1
        operator: { id: "DE*ABC", name: "ABC" }
        evse:
          EvseID: { column: id }
          Plugs: { column: plug, split: ";", table: plugs }
          ChargingFacilities: [{ PowerType: AC_3_PHASE, Power: { column: kw, number: true, round: true } }]
          ChargingStationID: { column: station, upper: true, prefix: "{id}-" }
        tables:
          plugs: { values: { T2: Type 2 Outlet, CCS: CCS Combo 2 Plug (Cable Attached) }, unknown: drop }
        """

    @Test func repeatedValuesGiveTheSameResultsAndEveryWarning() throws {
        var csv = "id,plug,kw,station\n"
        for i in 1...40 { csv += "DE*ABC*E\(i),T2;CCS;X,11.4,st\(i % 3)\n" }
        let h = try MappingHarness(yaml: Self.mapping, csv: csv)
        #expect(h.records.count == 40)
        for (i, r) in h.records.enumerated() {
            #expect(r.evse.plugs == [.type2Outlet, .ccsCombo2PlugCableAttached])
            #expect(r.evse.chargingFacilities?.first?.power == 11)
            // `prefix` reads another column: not remembered, so each record has its own.
            #expect(r.evse.chargingStationID == "DE*ABC*E\(i + 1)-ST\((i + 1) % 3)")
            // The unknown plug is reported for every record, not only the first.
            #expect(r.issues.filter { $0.rule == "mapping.table" }.count == 1)
        }
        #expect(h.mapper.statistics.unknownValues["plugs"]?["X"] == 40)
        #expect(h.mapper.statistics.rounded["ChargingFacilities.Power"] == 40)
        #expect(h.mapper.statistics.dropped["Plugs"] == 40)
    }

    @Test("what remembered results count again lands in the statistics of the batch the hit was in")
    func repeatedCountsBelongToTheirBatch() throws {
        var csv = "id,plug,kw,station\n"
        for i in 1...30 { csv += "DE*ABC*E\(i),T2,11.4,st\(i % 3)\n" }
        let file = TemporaryFile(csv)
        // The group key rounds too: the probes below evaluate it with statistics of their own.
        let yaml = Self.mapping.replacingOccurrences(of: "evse:", with: "records:\n  group: { by: { column: kw, number: true, round: true } }\nevse:")
        let document = try MappingDocument.parse(yaml: yaml, file: "test.yaml")
        let reader = try CSVReader(path: file.path, options: document.input.csv)
        let mapper = Mapper(mapping: try MappingCompiler.compile(document, header: reader.header, parameters: [:]), version: .v2_3)
        var batches: [MappingStatistics] = []
        var n = 0
        while let r = try reader.next() {
            _ = mapper.process(r)
            // A group-key probe counts into statistics of its own, which are dropped.
            _ = mapper.groupKeys(r)
            n += 1
            if n % 10 == 0 { batches.append(mapper.takeStatistics()) }
        }
        // 11.4 is rounded in the first record and remembered after: each batch still counts its ten.
        #expect(batches.map { $0.rounded["ChargingFacilities.Power"] } == [10, 10, 10])
        #expect(batches.map { $0.rounded["records.group.by"] } == [10, 10, 10])
        #expect(mapper.takeStatistics().rounded.isEmpty)
    }

    @Test func stepsThatReadMoreThanTheTextAreNotRemembered() {
        #expect(Step.upper.dependsOnTextOnly && Step.split(";").dependsOnTextOnly && Step.country.dependsOnTextOnly)
        #expect(!Step.prefix(.column(0, name: "id")).dependsOnTextOnly)
        #expect(!Step.when(.truthy(.column(1, name: "b"))).dependsOnTextOnly)
        #expect(!Step.hash(length: 8, repeats: nil).dependsOnTextOnly)
        #expect(!Step.memo(.prefix(.column(0, name: "id")), StepCache()).dependsOnTextOnly)
    }
}
