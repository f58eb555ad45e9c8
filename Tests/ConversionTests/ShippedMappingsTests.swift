import ETLCore
import Foundation
import OICP
import Testing

@testable import Conversion

/// The mappings in `mappings/` on small files written here in each export's format.
@Suite struct ShippedMappingsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func convert(_ mapping: String, csv: String, parameters: [String: String] = [:]) throws -> (ConversionResult, [JSONValue], String) {
        let ws = ConverterTests.Workspace(csv: csv)
        var options = ConversionOptions(mappingPath: Self.root.appendingPathComponent("mappings/\(mapping)").path, inputPath: ws.path("in.csv"),
            outputPath: ws.path("out"))
        options.parameters = parameters
        let result = try Converter(options: options, diagnostics: DiagnosticCollector()).run()
        var records: [JSONValue] = []
        for b in result.bundles {
            let json = try JSONParser().parse(Array(try #require(ws.data("out/\(b.fileName)"))))
            let (push, problems) = OICPDecoder(version: .v2_3).decodePush(json)
            #expect(problems.isEmpty)
            #expect(OICPValidator(version: .v2_3).validate(push).filter { $0.severity == .error }.isEmpty)
            if case .array(let r)? = json["OperatorEvseData"]?["EvseDataRecord"] { records += r }
        }
        let rejects = String(decoding: ws.data("out/rejects.csv") ?? Data(), as: UTF8.self)
        return (result, records, rejects)
    }

    static let irveHeader = "nom_amenageur,siren_amenageur,contact_amenageur,nom_operateur,contact_operateur,telephone_operateur,nom_enseigne,"
        + "id_station_itinerance,id_station_local,nom_station,implantation_station,adresse_station,code_insee_commune,coordonneesXY,nbre_pdc,"
        + "id_pdc_itinerance,id_pdc_local,puissance_nominale,prise_type_ef,prise_type_2,prise_type_combo_ccs,prise_type_chademo,prise_type_autre,"
        + "gratuit,paiement_acte,paiement_cb,paiement_autre,tarification,condition_acces,reservation,horaires,accessibilite_pmr,"
        + "restriction_gabarit,station_deux_roues,raccordement,num_pdl,date_mise_en_service,observations,date_maj,cable_t2_attache"

    @Test func irveStatiqueV2() throws {
        let rows = [
            // A T2 socket and an E/F socket, free hours, a house number with "bis".
            "Ville,123456789,a@b.fr,Recharge Ouest,c@d.fr,tel:+33-2-99-00-00-00,Réseau,FRRCOPSTA1,,Mairie,Voirie,\"3bis Place de la Mairie 35000 Rennes\",35238,\"[-1.677793, 48.111339]\",2,FRRCOESTA11,,22,true,true,false,false,false,false,true,true,false,,Accès libre,false,24/7,Accessibilité inconnue,aucune,false,Direct,,2024-01-01,,2024-06-01,false",
            // CCS, a parking, split opening hours, no house number.
            "Ville,123456789,a@b.fr,Recharge Ouest,c@d.fr,tel:+33-2-99-00-00-00,Réseau,FRRCOPSTA2,,Gare,Parking public,\"Rue de la Gare 35000 Rennes\",35238,\"[-1.672, 48.103]\",1,FRRCOESTA21,,150,false,false,true,false,false,false,true,true,false,,Accès libre,true,\"Mo-Fr 08:00-12:00,Mo-Fr 14:00-18:00\",Accessibilité inconnue,aucune,false,Direct,,2024-01-01,,2024-06-01,",
            // Only an "other" plug: no OICP plug, rejected.
            "Ville,123456789,a@b.fr,Recharge Ouest,c@d.fr,tel:+33-2-99-00-00-00,Réseau,FRRCOPSTA3,,Port,Voirie,\"1 Quai Est 35000 Rennes\",35238,\"[-1.68, 48.11]\",1,FRRCOESTA31,,3,false,false,false,false,true,true,false,false,false,,Accès libre,false,24/7,Accessibilité inconnue,aucune,false,Direct,,2024-01-01,,2024-06-01,",
        ]
        let (result, records, rejects) = try convert("irve-statique-v2.yaml", csv: Self.irveHeader + "\n" + rows.joined(separator: "\n") + "\n")
        #expect(result.report.written == 2 && result.report.rejected == 1)
        #expect(result.bundles.map(\.operatorID) == ["FR*RCO"])
        #expect(records[0]["EvseID"] == .string("FR*RCO*ESTA11"))
        #expect(records[0]["ChargingPoolID"] == .string("FR*RCO*PSTA1"))
        #expect(records[0]["Plugs"] == .array([.string("Type E French Standard"), .string("Type 2 Outlet")]))
        #expect(records[0]["Address"]?["HouseNum"] == .string("3bis"))
        #expect(records[0]["Address"]?["Street"] == .string("Place de la Mairie"))
        #expect(records[0]["GeoCoordinates"]?["DecimalDegree"]?["Latitude"] == .string("48.111339"))
        #expect(records[0]["HotlinePhoneNumber"] == .string("+33299000000"))
        #expect(records[1]["Address"]?["HouseNum"] == .string("s/n"))
        #expect(records[1]["ChargingFacilities"] == .array([.object([JSONMember(key: "PowerType", value: .string("DC")),
            JSONMember(key: "Power", value: .number("150"))])]))
        #expect(records[1]["Accessibility"] == .string("Paying publicly accessible"))
        #expect(records[1]["ValueAddedServices"] == .array([.string("Reservation")]))
        #expect(rejects.contains(",4,FR*RCO*ESTA31,FR*RCO,field.required,Plugs,"))
        #expect(result.report.defaulted["Address.HouseNum"] == 1)
    }

    @Test func ladesaeulenregister() throws {
        let csv = """
            \u{FEFF}Betreiber;Straße;Hausnummer;Adresszusatz;Postleitzahl;Ort;Bundesland;Kreis/kreisfreie Stadt;Breitengrad;Längengrad;Inbetriebnahmedatum;Anschlussleistung;Art der Ladeeinrichung;Anzahl Ladepunkte;Steckertypen1;P1 [kW];Public Key1;Steckertypen2;P2 [kW];Public Key2;Steckertypen3;P3 [kW];Public Key3;Steckertypen4;P4 [kW];Public Key4\r
            Stadtwerk A;Ring;1;;50667;Köln;NRW;Köln;50,93;6,95;22.07.21;44;Normalladeeinrichtung;2;AC Steckdose Typ 2;22;;AC Steckdose Typ 2, AC Schuko;22;;;;;;;\r
            Stadtwerk A;Ring;1;;50667;Köln;NRW;Köln;50,93;6,95;22.07.21;44;Normalladeeinrichtung;2;AC Steckdose Typ 2;22;;AC Steckdose Typ 2;22;;;;;;;\r
            Stadtwerk A;Weg;7;;50668;Köln;NRW;Köln;50,94;6,96;01.02.22;150;Schnellladeeinrichtung;1;DC Kupplung Combo, DC CHAdeMO;150;abc;;;;;;;;;\r
            Markt B;Platz;;;50669;Köln;NRW;Köln;50,95;6,97;01.02.22;11;Normalladeeinrichtung;1;AC Kupplung Typ 2;11;;;;;;;;;;\r

            """
        let params = ["operator_id": "DE*STA", "operator_name": "Stadtwerk A", "hotline": "0221 123456", "betreiber": "Stadtwerk A"]
        let (result, records, _) = try convert("bnetza-ladesaeulenregister.yaml", csv: csv, parameters: params)
        #expect(result.report.read == 4 && result.report.excluded == 1 && result.report.expanded == 2 && result.report.written == 5)
        #expect(result.report.isBalanced)
        let ids = records.compactMap { if case .string(let s)? = $0["EvseID"] { s } else { nil } }
        #expect(ids.count == 5 && Set(ids).count == 5)
        #expect(ids[0].hasPrefix("DE*STA*E") && ids[0].hasSuffix("*1") && ids[1].hasSuffix("*2"))
        // Identical rows get distinct, numbered IDs.
        #expect(ids[2] == ids[0].dropLast(2) + "*2*1")
        #expect(records[1]["Plugs"] == .array([.string("Type 2 Outlet"), .string("Type F Schuko")]))
        #expect(records[4]["ChargingFacilities"]?.isEquivalent(to: .array([.object([JSONMember(key: "PowerType", value: .string("DC")),
            JSONMember(key: "Power", value: .number("150"))])])) == true)
        #expect(records[4]["CalibrationLawDataAvailability"] == .string("Local"))
        #expect(records[0]["HotlinePhoneNumber"] == .string("+49221123456"))
        // Converting again gives the same IDs.
        let (_, again, _) = try convert("bnetza-ladesaeulenregister.yaml", csv: csv, parameters: params)
        #expect(again.map { $0["EvseID"] } == records.map { $0["EvseID"] })
    }

    @Test func irveConsolidationV1() throws {
        let csv = """
            n_amenageur;n_operateur;n_enseigne;id_station;n_station;ad_station;code_insee;Xlongitude;Ylatitude;nbre_pdc;id_pdc;puiss_max;type_prise;acces_recharge;accessibilité;observations;date_maj;source\r
            Syndicat;OPER;Réseau;FR*S35*P35001*001;Mairie;Place de la Mairie 35000 RENNES;35238;-1,677;48,111;2;FR*S35*E35001*001*1;22 kW;E/F-T2;payant;24h/24 7j/7;;2019/01/01;x\r
            Syndicat;OPER;Réseau;FR*S35*P35001*001;Mairie;Place de la Mairie 35000 RENNES;35238;-1,677;48,111;2;FR*S35*E35001*001*2;3,7kW;T2 – E/F;gratuit;24/24 7/7 jours;;2019/01/01;x\r
            Syndicat;OPER;Réseau;FR*S35*P35002*001;Gare;Rue de la Gare 35000 RENNES;35238;-1,672;48,103;1;FR*S35*E35002*001*1;50;CHAdeMO-Combo;payant;;;2019/01/01;x\r
            Syndicat;OPER;Réseau;FR*S35*P35003*001;Port;Quai 35000 RENNES;35238;-1,68;48,11;1;FR*S35*E35003*001*1;22;semi-rapide;payant;24/7;;2019/01/01;x\r

            """
        let (result, records, rejects) = try convert("irve-consolidation-v1.yaml", csv: csv, parameters: ["hotline": "+33 1 23 45 67 89"])
        #expect(result.report.written == 3 && result.report.rejected == 1)
        #expect(records[0]["Plugs"] == .array([.string("Type E French Standard"), .string("Type 2 Outlet")]))
        #expect(records[1]["Plugs"] == .array([.string("Type E French Standard"), .string("Type 2 Outlet")]))
        #expect(records[1]["PaymentOptions"] == .array([.string("No Payment")]))
        #expect(records[1]["ChargingFacilities"]?.isEquivalent(to: .array([.object([JSONMember(key: "PowerType", value: .string("AC_1_PHASE")),
            JSONMember(key: "Power", value: .number("4"))])])) == true)
        #expect(records[2]["Plugs"] == .array([.string("CCS Combo 2 Plug (Cable Attached)"), .string("CHAdeMO")]))
        #expect(records[2]["IsOpen24Hours"] == .bool(true))
        #expect(result.report.unknownValues["plugs"] == ["semi-rapide": 1])
        #expect(result.report.defaulted["OpeningHours"] == 1)
        #expect(rejects.contains("field.required,Plugs,"))
    }
}
