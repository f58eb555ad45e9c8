import Foundation
import Testing

/// Named bad inputs and what oicp-etl must make of each: the exit code, the diagnostics (rule
/// and line), and how many records survive. `docs/errors.md` lists the same cases.
struct BadInput: CustomTestStringConvertible, Sendable {
    var name: String
    /// The input's file name (its extension says nothing to the tool: the mapping does).
    var file = "in.csv"
    var bytes: @Sendable () -> [UInt8]
    var mapping: String? = BadInput.csvMapping
    var arguments: [String] = []
    var exit: Int32
    /// Texts the standard error must hold; `FILE` stands for the input's path.
    var diagnostics: [String]
    /// Records written (nil: no run output is expected).
    var written: Int?

    var testDescription: String { name }

    static func text(_ s: String) -> @Sendable () -> [UInt8] { { Array(s.utf8) } }

    static let header = "op,name,evse,plug,kw,lat,lon,hours,pay\n"
    static func row(_ n: Int, evse: String? = nil, plug: String = "Typ 2", kw: String = "22", lat: String = "50.9", lon: String = "6.9",
                    hours: String = "24/7", pay: String = "Ladekarte", op: String = "DE*ABC", name: String? = nil) -> String {
        "\(op),\(name ?? "Station \(n)"),\(evse ?? "DE*ABC*E\(n)"),\(plug),\(kw),\(lat),\(lon),\(hours),\(pay)\n"
    }
    static func csv(_ rows: String...) -> @Sendable () -> [UInt8] {
        let text = header + rows.joined()
        return { Array(text.utf8) }
    }

    static let csvMapping = """
        version: 1
        input: { format: csv, encoding: utf-8 }
        operator: { id: { column: op }, name: Stadtwerke }
        evse:
          EvseID: { column: evse, evse_id: true }
          ChargingStationNames: [{ lang: de, value: { column: name } }]
          Address: { Country: DEU, City: Köln, Street: Ring, HouseNum: "1", PostalCode: "50667" }
          GeoCoordinates: { latitude: { column: lat, number: true }, longitude: { column: lon, number: true } }
          Plugs: { column: plug, table: plugs }
          ChargingFacilities: [{ PowerType: AC_3_PHASE, Power: { column: kw, number: true } }]
          AuthenticationModes: [NFC RFID Classic]
          PaymentOptions: { column: pay, split: ";", table: pay }
          ValueAddedServices: [None]
          Accessibility: Free publicly accessible
          HotlinePhoneNumber: "+492211234567"
          OpeningHours: { column: hours, opening_hours: true }
          RenewableEnergy: false
          CalibrationLawDataAvailability: Not Available
          IsHubjectCompatible: true
          DynamicInfoAvailable: auto
        tables:
          plugs: { values: { Typ 2: Type 2 Outlet, CCS: CCS Combo 2 Plug (Cable Attached) } }
          pay: { values: { Ladekarte: Contract, kostenlos: No Payment } }
        """

    static let jsonMapping = """
        version: 1
        input: { format: json }
        records: { path: "evses[*]", enclosing: location }
        operator: { id: DE*ABC, name: Stadtwerke }
        evse:
          EvseID: { path: evse_id, evse_id: true }
          ChargingStationNames: [{ lang: de, value: { path: $location.name } }]
          Address: { Country: DEU, City: Köln, Street: Ring, HouseNum: "1", PostalCode: "50667" }
          GeoCoordinates: { latitude: 50.9, longitude: 6.9 }
          Plugs: [Type 2 Outlet]
          ChargingFacilities: [{ PowerType: AC_3_PHASE, Power: { path: kw, number: true } }]
          AuthenticationModes: [NFC RFID Classic]
          PaymentOptions: [Contract]
          ValueAddedServices: [None]
          Accessibility: Free publicly accessible
          HotlinePhoneNumber: "+492211234567"
          IsOpen24Hours: true
          RenewableEnergy: false
          CalibrationLawDataAvailability: Not Available
          IsHubjectCompatible: true
          DynamicInfoAvailable: auto
        """

    static let xmlMapping = jsonMapping.replacingOccurrences(of: "input: { format: json }", with: "input: { format: xml }")
        .replacingOccurrences(of: "records: { path: \"evses[*]\", enclosing: location }", with: "records: { path: point, enclosing: { location: site } }")
        .replacingOccurrences(of: "path: evse_id", with: "path: \"@id\"")
        .replacingOccurrences(of: "value: { path: $location.name }", with: "value: Hof")

    static let goodJSON = #"[{"name": "Hof", "evses": [{"evse_id": "DE*ABC*E1", "kw": 22}]}]"#

    static let all: [BadInput] = [
        // CSV files
        BadInput(name: "empty file", bytes: text(""), exit: 2, diagnostics: ["FILE:1: error: [csv.empty]"], written: nil),
        BadInput(name: "header only", bytes: text(header), exit: 0, diagnostics: ["0 records read, 0 written"], written: 0),
        BadInput(name: "unbalanced quote", bytes: csv(row(1), "DE*ABC,\"Station 2,DE*ABC*E2,Typ 2,22,50.9,6.9,24/7,Ladekarte\n", row(3)),
                 exit: 2, diagnostics: ["FILE:3: error: [csv.unterminated-quote]"], written: nil),
        BadInput(name: "a 10 MB field", bytes: { Array((header + "DE*ABC,\"" + String(repeating: "x", count: 10 << 20) + "\",DE*ABC*E1,Typ 2,22,50.9,6.9,24/7,Ladekarte\n").utf8) },
                 exit: 2, diagnostics: ["FILE:2: error: [csv.field-too-large]"], written: nil),
        BadInput(name: "ragged rows", bytes: csv(row(1), "DE*ABC,Station 2,DE*ABC*E2\n", row(3) .replacingOccurrences(of: "\n", with: ",extra,fields\n")),
                 exit: 1, diagnostics: ["FILE:3: error: [csv.ragged]", "FILE:4: error: [csv.ragged]"], written: 1),
        BadInput(name: "duplicate headers", bytes: { Array(("op,name,evse,evse,plug,kw,lat,lon,hours,pay\n").utf8) }, exit: 2,
                 diagnostics: ["[mapping.ambiguous-column]"], written: nil),
        BadInput(name: "a column the mapping needs is missing", bytes: { Array("op,name,plug\nDE*ABC,x,Typ 2\n".utf8) }, exit: 2,
                 diagnostics: ["error: [mapping.unknown-column] unknown column 'evse'"], written: nil),
        BadInput(name: "invalid UTF-8", bytes: { Array(header.utf8) + Array("DE*ABC,K".utf8) + [0xF6] + Array("ln,DE*ABC*E1,Typ 2,22,50.9,6.9,24/7,Ladekarte\n".utf8) + Array(row(2).utf8) },
                 exit: 1, diagnostics: ["FILE:2: error: [csv.encoding]"], written: 1),
        BadInput(name: "a NUL byte in a field", bytes: { Array(header.utf8) + Array("DE*ABC,Station 1,DE*ABC*E1".utf8) + [0] + Array(",Typ 2,22,50.9,6.9,24/7,Ladekarte\n".utf8) + Array(row(2).utf8) },
                 exit: 1, diagnostics: ["FILE:2: error: [evse-id.pattern]"], written: 1),
        BadInput(name: "a byte order mark in the middle", bytes: { Array(header.utf8) + Array(row(1).utf8) + [0xEF, 0xBB, 0xBF] + Array(row(2).utf8) },
                 exit: 1, diagnostics: ["FILE:3: error: [operator-id.pattern]"], written: 1),
        BadInput(name: "UTF-16 without byte order mark", bytes: { (header + row(1) + row(2)).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } },
                 mapping: csvMapping.replacingOccurrences(of: "encoding: utf-8", with: "encoding: auto"), exit: 0,
                 diagnostics: ["2 records read, 2 written"], written: 2),
        BadInput(name: "Windows-1252 read as UTF-8", bytes: { Array(header.utf8) + Array("DE*ABC,K".utf8) + [0xF6, 0x6C, 0x6E] + Array(",DE*ABC*E1,Typ 2,22,50.9,6.9,24/7,Ladekarte\n".utf8) },
                 exit: 1, diagnostics: ["FILE:2: error: [csv.encoding]", "set input.encoding"], written: 0),
        // Values
        BadInput(name: "a number like 1e309", bytes: csv(row(1, kw: "1e309"), row(2)), exit: 1, diagnostics: ["FILE:2: error: [mapping.number]"], written: 1),
        BadInput(name: "NaN coordinates", bytes: csv(row(1, lat: "NaN", lon: "NaN"), row(2)), exit: 1, diagnostics: ["FILE:2: error: [mapping.number]"], written: 1),
        BadInput(name: "latitude out of range", bytes: csv(row(1, lat: "95.1"), row(2)), exit: 1, diagnostics: ["FILE:2: error: [coordinates.range]"], written: 1),
        BadInput(name: "latitude equal to longitude", bytes: csv(row(1, lat: "50.9", lon: "50.9")), exit: 0,
                 diagnostics: ["FILE:2: warning: [coordinates.equal]"], written: 1),
        BadInput(name: "a power above 999 kW", bytes: csv(row(1, kw: "1500"), row(2)), exit: 1, diagnostics: ["FILE:2: error: [number.range]"], written: 1),
        BadInput(name: "a plug the table does not know", bytes: csv(row(1, plug: "Tesla"), row(2)), exit: 1,
                 diagnostics: ["FILE:2: error: [mapping.table]", "'Tesla' is not in table 'plugs'"], written: 1),
        BadInput(name: "No Payment with another option", bytes: csv(row(1, pay: "kostenlos;Ladekarte"), row(2)), exit: 1,
                 diagnostics: ["FILE:2: error: [payment.no-payment-alone]"], written: 1),
        BadInput(name: "opening hours that cannot be read", bytes: csv(row(1, hours: "nach Absprache"), row(2)), exit: 1,
                 diagnostics: ["FILE:2: error: [mapping.opening-hours]"], written: 1),
        BadInput(name: "a station name over 150 characters", bytes: csv(row(1, name: String(repeating: "Ladestation ", count: 20)), row(2)), exit: 1,
                 diagnostics: ["FILE:2: error: [text.length]"], written: 1),
        BadInput(name: "an EvseID that is no EvseID", bytes: csv(row(1, evse: "ABC-123"), row(2)), exit: 1, diagnostics: ["FILE:2: error: [evse-id.pattern]"], written: 1),
        BadInput(name: "an EvseID of another operator", bytes: csv(row(1, evse: "DE*XYZ*E1"), row(2)), exit: 1,
                 diagnostics: ["FILE:2: error: [evse-id.operator]"], written: 1),
        BadInput(name: "a duplicate EvseID", bytes: csv(row(1), row(2), row(1)), exit: 1, diagnostics: ["FILE:4: error: [evse-id.duplicate]"], written: 2),
        BadInput(name: "no OperatorID", bytes: csv(row(1, op: ""), row(2)), exit: 1, diagnostics: ["FILE:2: error: [operator.missing]"], written: 1),
        // JSON files
        BadInput(name: "JSON nested 100 levels deep", file: "in.json", bytes: { Array((String(repeating: "[", count: 100) + String(repeating: "]", count: 100)).utf8) },
                 mapping: jsonMapping, exit: 2, diagnostics: ["FILE:1: error: [json.too-deep]"], written: nil),
        BadInput(name: "JSON cut off", file: "in.json", bytes: text("[{\"name\": \"Hof\",\n \"evses\": [{\"evse_id\": \"DE*ABC*E1\""), mapping: jsonMapping, exit: 2,
                 diagnostics: ["FILE:2: error: [json.syntax]"], written: nil),
        BadInput(name: "JSON with invalid UTF-8", file: "in.json", bytes: { Array("[{\"name\": \"K".utf8) + [0xF6] + Array("ln\", \"evses\": []}]".utf8) },
                 mapping: jsonMapping, exit: 2, diagnostics: ["FILE:1: error: [json.encoding]"], written: nil),
        BadInput(name: "JSON with a raw control character", file: "in.json", bytes: { Array("[{\"name\": \"a".utf8) + [0x01] + Array("b\", \"evses\": []}]".utf8) },
                 mapping: jsonMapping, exit: 2, diagnostics: ["FILE:1: error: [json.syntax]"], written: nil),
        BadInput(name: "JSON that is a number", file: "in.json", bytes: text("42"), mapping: jsonMapping, exit: 2, diagnostics: ["[json.syntax]"], written: nil),
        BadInput(name: "a Location without EVSEs", file: "in.json", bytes: text(#"[{"name": "Leer", "evses": []}, "# + String(goodJSON.dropFirst())),
                 mapping: jsonMapping, exit: 1, diagnostics: ["FILE:1: error: [json.no-records]"], written: 1),
        // XML files
        BadInput(name: "XML with an external entity (XXE)", file: "in.xml",
                 bytes: text("<?xml version=\"1.0\"?>\n<!DOCTYPE d [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<d><point id=\"DE*ABC*E1\">&x;</point></d>"),
                 mapping: xmlMapping, exit: 2, diagnostics: ["FILE:3: error: [xml.entity]"], written: nil),
        BadInput(name: "billion laughs", file: "in.xml",
                 bytes: text("<!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><l>&c;</l>"),
                 mapping: xmlMapping, exit: 2, diagnostics: ["FILE:1: error: [xml.entity]"], written: nil),
        BadInput(name: "an unclosed XML tag", file: "in.xml", bytes: text("<d>\n<site>\n<point id=\"DE*ABC*E1\">\n</site>\n</d>\n"), mapping: xmlMapping, exit: 2,
                 diagnostics: ["FILE:3: error: [xml.syntax]"], written: nil),
        BadInput(name: "an empty XML file", file: "in.xml", bytes: text(""), mapping: xmlMapping, exit: 2, diagnostics: ["FILE:1: error: [xml.empty]"], written: nil),
        BadInput(name: "XML whose bytes are not its declared encoding", file: "in.xml",
                 bytes: { Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<d><point id=\"DE*ABC*E1\">K".utf8) + [0xF6] + Array("ln</point></d>".utf8) },
                 mapping: xmlMapping, exit: 2, diagnostics: ["FILE:2: error: [xml.encoding]"], written: nil),
        BadInput(name: "UTF-16 XML without a declaration", file: "in.xml",
                 bytes: { "<d><site><point id=\"DE*ABC*E1\"><kw>22</kw></point></site></d>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } },
                 mapping: xmlMapping, exit: 0, diagnostics: ["1 record read, 1 written"], written: 1),
        BadInput(name: "an XML site without points", file: "in.xml", bytes: text("<d><site/><site><point id=\"DE*ABC*E1\"><kw>22</kw></point></site></d>"),
                 mapping: xmlMapping, exit: 1, diagnostics: ["FILE:1: error: [xml.no-records]"], written: 1),
        // Mapping files
        BadInput(name: "a typo in the mapping", bytes: csv(row(1)), mapping: csvMapping.replacingOccurrences(of: "EvseID: { column: evse", with: "EvseID: { colum: evse"),
                 exit: 2, diagnostics: ["m.yaml:5: error: [mapping.unknown-key] unknown key 'colum'; did you mean 'column'?"], written: nil),
        BadInput(name: "a mapping with a cycle of aliases", bytes: csv(row(1)), mapping: "version: 1\nevse: &a\n  x: *a\n", exit: 2,
                 diagnostics: ["error: [mapping."], written: nil),
        BadInput(name: "a mapping that expands without end", bytes: csv(row(1)),
                 mapping: "version: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\nevse: {}\n",
                 exit: 2, diagnostics: ["error: [mapping.too-large]"], written: nil),
        BadInput(name: "a mapping that is not YAML", bytes: csv(row(1)), mapping: "version: 1\nevse: [unclosed\n", exit: 2, diagnostics: ["error: [mapping.yaml]"], written: nil),
        BadInput(name: "a mapping of another version", bytes: csv(row(1)), mapping: "version: 2\nevse: {}\n", exit: 2,
                 diagnostics: ["m.yaml:1: error: [mapping.version]"], written: nil),
        BadInput(name: "an unknown parameter on the command line", bytes: csv(row(1)), arguments: ["--set", "nope=1"], exit: 2,
                 diagnostics: ["error: [mapping.parameter]"], written: nil),
        // Limits, each adjustable in the mapping's input section
        BadInput(name: "a row over max_record_bytes", bytes: csv(row(1), row(2, name: String(repeating: "x", count: 300))),
                 mapping: csvMapping.replacingOccurrences(of: "encoding: utf-8", with: "encoding: utf-8, max_record_bytes: 200"), exit: 2,
                 diagnostics: ["FILE:3: error: [csv.record-too-large]"], written: nil),
        BadInput(name: "a JSON item over max_record_bytes", file: "in.json", bytes: text(goodJSON + "\n"),
                 mapping: jsonMapping.replacingOccurrences(of: "input: { format: json }", with: "input: { format: json, max_record_bytes: 20 }"), exit: 2,
                 diagnostics: ["FILE:1: error: [json.item-too-large]"], written: nil),
        BadInput(name: "a JSON string over max_text_bytes", file: "in.json", bytes: text(#"[{"name": ""# + String(repeating: "n", count: 500) + #"", "evses": []}]"#),
                 mapping: jsonMapping.replacingOccurrences(of: "input: { format: json }", with: "input: { format: json, max_text_bytes: 100 }"), exit: 2,
                 diagnostics: ["FILE:1: error: [json.too-large]"], written: nil),
        BadInput(name: "XML deeper than max_depth", file: "in.xml", bytes: text(String(repeating: "<a>", count: 20) + String(repeating: "</a>", count: 20)),
                 mapping: xmlMapping.replacingOccurrences(of: "input: { format: xml }", with: "input: { format: xml, max_depth: 10 }"), exit: 2,
                 diagnostics: ["FILE:1: error: [xml.too-deep]"], written: nil),
        BadInput(name: "a file over max_file_bytes", bytes: csv(row(1), row(2)),
                 mapping: csvMapping.replacingOccurrences(of: "encoding: utf-8", with: "encoding: utf-8, max_file_bytes: 100"), exit: 2,
                 diagnostics: ["FILE: error: [input.too-large]"], written: nil),
        // Files and folders
        BadInput(name: "a missing input file", file: "missing.csv", bytes: text(""), arguments: ["-i", "/nonexistent/in.csv"], exit: 2,
                 diagnostics: ["/nonexistent/in.csv: error: [input.unreadable]"], written: nil),
        BadInput(name: "a directory as input", bytes: text(""), arguments: ["-i", "/tmp"], exit: 2, diagnostics: ["/tmp: error: [input.unreadable]"], written: nil),
        BadInput(name: "an output folder under a file", bytes: csv(row(1)), arguments: ["-o", "/etc/hostname/out"], exit: 2,
                 diagnostics: ["error: [output.unwritable]"], written: nil),
        BadInput(name: "a missing baseline", bytes: csv(row(1)), arguments: ["--previous", "/nonexistent/run"], exit: 2,
                 diagnostics: ["error: [baseline.missing]"], written: nil),
    ]
}
