import OICP
import Testing

@testable import Mapping

/// Transforms added for real exports: free-text plug tables, stable IDs, dates, optional
/// template parts, per-operator defaults, swapped coordinates, additive opening hours.
@Suite struct LanguageExtensionsTests {
    @Test func collectingTables() throws {
        let extra = """
            tables:
              plugs:
                collect: true
                unknown: drop
                patterns:
                  - { match: '(?i)(\\bE\\s*/\\s*F\\b|\\bEF\\b)', value: Type E French Standard }
                  - { match: '(?i)\\bT2\\b', value: Type 2 Outlet }
                  - { match: '(?i)combo|ccs', value: CCS Combo 2 Plug (Cable Attached) }
                  - { match: '(?i)cha\\s*de\\s*mo', value: CHAdeMO }
            """
        let csv = "a\nE/F-T2\nT2 – E/F\nCHAdeMO-Combo\nsemi-rapide\n"
        let h = try MappingHarness(yaml: MappingHarness.yaml(evse: "Plugs: { column: a, table: plugs }", extra: extra), csv: csv)
        #expect(h.records.map(\.evse.plugs) == [[.typeEFrenchStandard, .type2Outlet], [.typeEFrenchStandard, .type2Outlet],
                                                [.ccsCombo2PlugCableAttached, .chademo], nil])
        #expect(h.mapper.statistics.unknownValues["plugs"] == ["semi-rapide": 1])
    }

    @Test func stableHashesWithRepeatsNumbered() throws {
        let evse = """
            EvseID:
              template: "{a}|{b?}"
              hash: { length: 8, repeats: number }
              prefix: "DE*ABC*E"
            """
        let h = try MappingHarness(yaml: MappingHarness.yaml(evse: evse), csv: "a,b\nx,1\ny,\nx,1\n")
        let ids = h.records.compactMap(\.evse.evseID)
        #expect(ids.count == 3)
        #expect(ids[0].hasPrefix("DE*ABC*E") && ids[0].count == 16)
        #expect(ids[2] == ids[0] + "*2")
        #expect(ids[1] != ids[0])
        // The same text always gives the same hash.
        #expect(StableHash.hex("x|1", length: 8) == String(ids[0].dropFirst(8)))
        #expect(Patterns.isEvseID(ids[2]))
    }

    @Test func optionalTemplateParts() throws {
        #expect(try MappingHarness.value("{ template: \"{a} {b?}!\" }", csv: "a,b\nx,\n").evse.chargingStationID == "x !")
        #expect(try MappingHarness.value("{ template: \"{a} {b}!\" }", csv: "a,b\nx,\n").evse.chargingStationID == nil)
    }

    @Test func prefixAndSuffixAreTemplates() throws {
        let r = try MappingHarness.value("{ column: a, prefix: \"{b}-\", suffix: \"-{$row}\" }", csv: "a,b\nx,y\n")
        #expect(r.evse.chargingStationID == "y-x-1")
    }

    @Test func dates() throws {
        #expect(DateParser(pattern: "dd.MM.yy")?.parse("22.07.21") == "2021-07-22")
        #expect(DateParser(pattern: "dd.MM.yy")?.parse("01.01.98") == "1998-01-01")
        #expect(DateParser(pattern: "yyyy-MM-dd HH:mm")?.parse("2026-11-20 06:05") == "2026-11-20T06:05:00Z")
        #expect(DateParser(pattern: "dd.MM.yyyy")?.parse("31.02.2021") == nil)
        #expect(DateParser(pattern: "dd.MM.yy")?.parse("2021-07-22") == nil)
        #expect(DateParser(pattern: "HH:mm") == nil)
        let bad = try MappingHarness.value("{ column: a, date: dd.MM.yy }", csv: "a\nsoon\n", field: "lastUpdate")
        #expect(bad.issues.first?.rule == "mapping.date")
        #expect(try MappingHarness.value("{ column: a, date: dd.MM.yy }", csv: "a\n22.07.21\n", field: "lastUpdate").evse.lastUpdate == "2021-07-22")
    }

    @Test func poolIDs() throws {
        #expect(EvseIDNormalizer.normalize("FREBNPBAABR", separator: "P") == "FR*EBN*PBAABR")
        #expect(try MappingHarness.value("{ column: a, pool_id: true }", csv: "a\nfrebnpbaabr\n", field: "ChargingPoolID").evse.chargingPoolID
            == "FR*EBN*PBAABR")
    }

    @Test func perOperatorDefaults() throws {
        let yaml = """
            version: 1
            operator: { id: { column: op } }
            operators:
              "DE*ABC":
                name: ABC Laden GmbH
                evse:
                  HotlinePhoneNumber: "+4922112345"
                  Address: { Country: DEU }
            evse:
              EvseID: { column: evse }
              HotlinePhoneNumber: { column: phone }
              Address: { City: { column: city } }
            """
        let h = try MappingHarness(yaml: yaml, csv: "op,evse,phone,city\nDEABC,DE*ABC*E1,,Köln\nDE*ABC,DE*ABC*E2,+4930111111,Bonn\nDE*XYZ,DE*XYZ*E1,,Rom\n")
        #expect(h.records.map(\.operatorName) == ["ABC Laden GmbH", "ABC Laden GmbH", nil])
        #expect(h.records.map(\.evse.hotlinePhoneNumber) == ["+4922112345", "+4930111111", nil])
        #expect(h.records.map { $0.evse.address?.country } == ["DEU", "DEU", nil])
        #expect(h.records[0].evse.address?.city == "Köln")
    }

    @Test("swapped coordinates are found on every record, also after the same position in place")
    func swappedCoordinatesOnEveryRecord() throws {
        let evse = "Address: { Country: DEU, City: Köln }\nGeoCoordinates: { latitude: { column: lat }, longitude: { column: lon } }"
        let rows = [(50.94, 6.96), (50.94, 6.96), (6.96, 50.94), (50.94, 6.96), (6.96, 50.94), (6.96, 50.94), (50.94, 6.96)]
        let csv = "lat,lon\n" + rows.map { "\($0.0),\($0.1)\n" }.joined()
        let h = try MappingHarness(yaml: MappingHarness.yaml(evse: evse), csv: csv)
        #expect(h.records.map { $0.issues.map(\.rule) } == rows.map { $0.0 < 10 ? ["coordinates.swapped"] : [] })
    }

    @Test func swappedCoordinatesForTheCountry() throws {
        let evse = "Address: { Country: DEU, City: { column: c } }\nGeoCoordinates: { latitude: { column: lat }, longitude: { column: lon } }"
        let h = try MappingHarness(yaml: MappingHarness.yaml(evse: evse), csv: "c,lat,lon\nKöln,6.96,50.94\nKöln,50.94,6.96\n")
        #expect(h.records[0].issues.map(\.rule) == ["coordinates.swapped"])
        #expect(!h.records[0].rejected)
        #expect(h.records[1].issues.isEmpty)
        #expect(CountryBounds.looksSwapped(latitude: 2.35, longitude: 48.85, country: "FRA"))
        #expect(!CountryBounds.looksSwapped(latitude: 48.85, longitude: 2.35, country: "FRA"))
        #expect(!CountryBounds.looksSwapped(latitude: 1, longitude: 2, country: "XYZ"))
    }

    @Test func additionalOpeningHourRules() throws {
        // IRVE writes additional rules after a comma; a day listed twice gets both spans.
        let h = try OpeningHoursParser.parse("Mo-Fr 08:00-12:00,Mo-Fr 14:00-18:00,Th 08:00-18:00").get()
        #expect(h.openingTimes.first { $0.on == .monday }?.period == [Period(begin: "08:00", end: "12:00"), Period(begin: "14:00", end: "18:00")])
        #expect(h.openingTimes.first { $0.on == .thursday }?.period == [Period(begin: "08:00", end: "18:00")])
        // A semicolon rule replaces the earlier hours of its days.
        let o = try OpeningHoursParser.parse("Mo-Fr 08:00-18:00; Fr 10:00-12:00").get()
        #expect(o.openingTimes.first { $0.on == .friday }?.period == [Period(begin: "10:00", end: "12:00")])
        for spelling in ["24h/24 7j/7", "24/24 7/7 jours", "accessible 24h/24 - 7j/7 ", "24/24_7/7", "24h/24h", "24h/24 et 7j/7"] {
            #expect(try OpeningHoursParser.parse(spelling).get() == .alwaysOpen, "\(spelling)")
        }
        #expect(throws: OpeningHoursParser.Failure.self) { try OpeningHoursParser.parse("08/24 5/7 jours").get() }
    }

    @Test func defaultsAreCounted() throws {
        let h = try MappingHarness(yaml: MappingHarness.yaml(evse: "ChargingStationID: { column: a, default: x }"), csv: "a,b\n,1\ny,2\n,3\n")
        #expect(h.mapper.statistics.defaulted == ["ChargingStationID": 2])
    }

    @Test func kVAReadsAsKW() {
        #expect(NumberParser(decimal: .auto, unit: .named("kW")).parse("22 kva") == .success(22))
        #expect(NumberParser(decimal: .auto, unit: .named("kW")).parse("3,7kW") == .success(3.7))
    }
}

@Suite struct MappingDraftTests {
    @Test func recognisesColumnsAndWritesACompilingDraft() throws {
        let columns = ["Betreiber", "Straße", "Hausnummer", "Postleitzahl", "Ort", "Breitengrad", "Längengrad", "Steckertypen1", "P1 [kW]",
                       "Steckertypen2", "P2 [kW]", "Bemerkung"]
        let rows = [
            ["Stadtwerke", "Ring", "1", "50667", "Köln", "50,9", "6,9", "AC Steckdose Typ 2, AC Schuko", "22", "DC Kupplung Combo", "50", "x"],
            ["Stadtwerke", "Weg", "2", "50668", "Köln", "50,8", "6,8", "AC Kupplung Typ 2", "11", "", "", "y"],
        ]
        let yaml = MappingDraft(columns: columns, rows: rows, delimiter: ";").yaml(inputName: "register.csv")
        #expect(yaml.contains("explode: { var: i, from: 1, to: 2, when: \"{Steckertypen{$i}} is not empty\" }"))
        #expect(yaml.contains("Plugs: { column: \"Steckertypen{$i}\", split: \",\", table: plugs }"))
        #expect(yaml.contains("AC Steckdose Typ 2: Type 2 Outlet"))
        #expect(yaml.contains("AC Kupplung Typ 2: Type 2 Connector (Cable Attached)"))
        #expect(yaml.contains("AC Schuko: Type F Schuko"))
        #expect(yaml.contains("latitude: { column: Breitengrad, number: true }"))
        #expect(yaml.contains("decimal: \",\""))
        #expect(yaml.contains("#   Bemerkung: x | y"))
        let document = try MappingDocument.parse(yaml: yaml, file: "draft.yaml")
        _ = try MappingCompiler.compile(document, header: .init(names: columns),
            parameters: ["operator_id": "DE*ABC", "hotline": "+4922112345"])
    }
}
