import Foundation
import OICP

/// Writes a first mapping for an export nobody has seen yet (`mapping init`): every column it
/// recognises (by name, and by its values) is mapped, value tables are filled with guesses, and
/// the rest is listed as comments with sample values.
public struct MappingDraft {
    public let columns: [String]
    /// Sample rows, each with one value per column.
    public let rows: [[String]]
    public let delimiter: Character

    /// Lines above the header (a title line).
    public let skipLines: Int
    /// The names columns are recognised by (the columns themselves for CSV; for XML the
    /// meaningful last step of each path).
    public var matchNames: [String]
    /// For XML input: the record element and the enclosing elements; columns are then paths.
    public var xml: XMLDraft.Plan?

    public init(columns: [String], rows: [[String]], delimiter: Character, skipLines: Int = 0) {
        self.columns = columns
        self.rows = rows
        self.delimiter = delimiter
        self.skipLines = skipLines
        matchNames = columns
    }

    /// A draft for XML records, from their flattened values (`XMLDraft.flatten`).
    public init(xml plan: XMLDraft.Plan, records: [[(path: String, value: String)]]) {
        var columns: [String] = []
        var index: [String: Int] = [:]
        for r in records {
            for (path, _) in r where index[path] == nil {
                index[path] = columns.count
                columns.append(path)
            }
        }
        var rows: [[String]] = []
        for r in records {
            var row = Array(repeating: "", count: columns.count)
            for (path, value) in r {
                let i = index[path]!
                row[i] = row[i].isEmpty ? value : row[i] + String(Self.repeatSeparator) + value
            }
            rows.append(row)
        }
        self.init(columns: columns, rows: rows, delimiter: ",")
        matchNames = columns.map(XMLDraft.matchName)
        xml = plan
    }

    /// A placeholder that rejects every record with a message, until a person maps the field.
    static func todo(_ what: String) -> String { "{ const: ~, required: \"TODO: \(what)\" }" }

    /// The column's name folded for matching: lower case, no accents, letters and digits only.
    static func fold(_ name: String) -> String {
        name.replacingOccurrences(of: "ß", with: "ss").folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .filter { $0.isLetter || $0.isNumber }
    }

    /// The column's sample values; an XML path that occurs several times in a record gives each.
    func values(_ column: Int) -> [String] {
        rows.flatMap { row -> [String] in
            guard column < row.count else { return [] }
            return row[column].split(separator: Self.repeatSeparator).map { String($0).trimmingWhitespace() }
        }.filter { !$0.isEmpty }
    }

    /// Joins the values of a path that occurs several times in one XML record.
    static let repeatSeparator: Character = "\u{1F}"

    /// Whether the path occurs several times in some record (connectors of a charge point).
    func repeats(_ column: Int) -> Bool {
        rows.contains { column < $0.count && $0[column].contains(Self.repeatSeparator) }
    }

    func distinct(_ column: Int) -> [String] {
        var seen: [String] = []
        for v in values(column) where !seen.contains(v) { seen.append(v) }
        return seen
    }

    /// The first column whose folded name equals one of `names`, else contains one of `parts`.
    func find(_ names: [String], contains parts: [String] = [], except used: Set<Int>, where test: ((Int) -> Bool)? = nil) -> Int? {
        let folded = matchNames.map(Self.fold)
        for n in names {
            if let i = folded.firstIndex(of: n), !used.contains(i), test?(i) ?? true { return i }
        }
        for p in parts {
            if let i = folded.indices.first(where: { folded[$0].contains(p) && !used.contains($0) && (test?($0) ?? true) }) { return i }
        }
        return nil
    }

    func share(_ column: Int, _ test: (String) -> Bool) -> Double {
        let v = values(column)
        guard !v.isEmpty else { return 0 }
        return Double(v.filter(test).count) / Double(v.count)
    }

    func isBoolean(_ column: Int) -> Bool {
        let d = distinct(column).map { $0.lowercased() }
        return !d.isEmpty && d.allSatisfy { Condition.trueWords.contains($0) || Condition.falseWords.contains($0) }
    }

    static func quote(_ s: String) -> String {
        let plain = s.allSatisfy { $0.isLetter || $0.isNumber || " _-./()".contains($0) } && !s.isEmpty && s.first != " " && s.last != " "
            && !["true", "false", "null", "~", "yes", "no"].contains(s.lowercased()) && Double(s) == nil
        return plain ? s : "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func guessPlug(_ v: String) -> String? {
        let t = v.lowercased()
        if t.contains("combo") || t.contains("ccs") { return t.contains("1") && !t.contains("2") ? "CCS Combo 1 Plug (Cable Attached)" : "CCS Combo 2 Plug (Cable Attached)" }
        if t.contains("chademo") { return "CHAdeMO" }
        if t.contains("tesla") { return "Tesla Connector" }
        if t.contains("schuko") || t.contains("type f") || t.contains("typ f") { return "Type F Schuko" }
        if t.contains("60309") || t.contains("cee") { return "IEC 60309 Three Phase" }
        let cable = ["cable", "kabel", "kupplung", "attached", "tethered", "câble", "plug"].contains { t.contains($0) }
        if t.contains("type 2") || t.contains("typ 2") || t.contains("type2") || t.contains("typ2") || t == "t2" || t.contains("mennekes")
            || t.contains("62196t2") || t.contains("62196-2")
        {
            return cable ? "Type 2 Connector (Cable Attached)" : "Type 2 Outlet"
        }
        if t.contains("type 1") || t.contains("typ 1") || t.contains("j1772") || t == "t1" { return "Type 1 Connector (Cable Attached)" }
        if t.contains("type 3") || t == "t3" { return "Type 3 Outlet" }
        if t.contains("type e") || t == "ef" || t == "e/f" { return "Type E French Standard" }
        return nil
    }

    static func guessPowerType(_ v: String) -> String? {
        let t = fold(v)
        if t.contains("dc") { return "DC" }
        if t.contains("3") || t.contains("three") || t.contains("tri") || t.contains("drehstrom") { return "AC_3_PHASE" }
        if t.contains("1") || t.contains("single") || t.contains("mono") || t.contains("wechsel") { return "AC_1_PHASE" }
        if t.contains("ac") { return "AC_3_PHASE" }
        return nil
    }

    static func guessAccess(_ v: String) -> String? {
        let t = fold(v)
        if ["private", "privat", "restricted", "reserve", "reserved", "employees", "mitarbeiter", "kunden", "customers", "clientele"].contains(where: t.contains) {
            return "Restricted access"
        }
        if ["paying", "payant", "kostenpflichtig", "paid", "fee"].contains(where: t.contains) { return "Paying publicly accessible" }
        if ["public", "offentlich", "libre", "free", "voirie", "street"].contains(where: t.contains) { return "Free publicly accessible" }
        return nil
    }

    /// `phone: true` when the samples carry their country code; otherwise the country of the
    /// country column or of the EvseIDs, so that `0221 123456` becomes `+49221123456`.
    func phoneStep(_ column: Int, evseID: Int?, country: Int?) -> String {
        guard hasNationalNumbers(column) else { return "phone: true" }
        let guesses = (country.map { values($0).compactMap(CountryResolver.alpha3) } ?? [])
            + (evseID.map { values($0).compactMap { v in CountryCodes.alpha3ByAlpha2[String(v.trimmingWhitespace().prefix(2)).uppercased()] } } ?? [])
        let counts = Dictionary(guesses.map { ($0, 1) }, uniquingKeysWith: +)
        if let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key, DiallingCodes.code(alpha3: best) != nil {
            return "phone: { country: \(best) }"
        }
        return "phone: true"
    }

    /// Sample numbers written without their country code (`0221 123456`).
    func hasNationalNumbers(_ column: Int) -> Bool {
        values(column).contains { v in
            let t = v.trimmingWhitespace()
            return t.hasPrefix("0") && !t.hasPrefix("00")
        }
    }

    /// The draft mapping as YAML text.
    public func yaml(inputName: String) -> String {
        var used = Set<Int>()
        var lines: [String] = []
        var tables: [String] = []
        var parameters: [String] = []
        func take(_ i: Int?) -> Int? {
            if let i { used.insert(i) }
            return i
        }
        func col(_ i: Int) -> String { Self.quote(columns[i]) }
        let ref = xml == nil ? "column" : "path"

        let evseID = take(find(["evseid", "idpdcitinerance", "evse", "ladepunktid", "chargepointid"], contains: ["evseid", "pdcitinerance"], except: used)
            ?? (0..<columns.count).first { i in
                !used.contains(i) && share(i) { v in
                    !v.contains(" ") && v.contains(where: \.isNumber) && Patterns.isEvseID(EvseIDNormalizer.normalize(v), allowLowercase: true)
                } > 0.8
            })
        let operatorID = take(find(["operatorid", "betreiberid", "cpoid", "idoperateur"], contains: ["operatorid"], except: used) { share($0, Patterns.isOperatorID) > 0.8 })
        let operatorName = take(find(["operatorname", "operator", "betreiber", "nomoperateur", "operateur", "cpo", "cponame"], contains: ["operator", "betreiber"], except: used))
        let stationID = take(find(["stationid", "standortid", "idstation", "locationid", "siteid", "idstationitinerance", "idstationlocal", "sitecode", "stationcode"], contains: ["stationid"], except: used))
        let stationName = take(find(["stationname", "standort", "nomstation", "sitename", "locationname", "name", "station"], contains: ["stationname", "nomstation"], except: used))
        let street = take(find(["street", "strasse", "rue", "streetname"], contains: ["street", "strasse"], except: used))
        let address = street == nil ? take(find(["address", "adresse", "adressestation", "adstation"], contains: ["adress", "address"], except: used) {
            share($0) { !$0.lowercased().hasPrefix("http") && !$0.contains("@") && $0.contains(where: \.isNumber) && $0.contains(" ") } > 0.5
        }) : nil
        let houseNumber = take(find(["housenumber", "hausnummer", "hausnr", "housenum", "numero", "nr", "streetnumber", "addressnumber"], contains: ["hausnummer", "housenumber"], except: used))
        let postalCode = take(find(["postalcode", "zip", "zipcode", "plz", "postleitzahl", "codepostal", "cp", "postcode"], contains: ["postal", "postleitzahl", "zip"], except: used))
        let city = take(find(["city", "ort", "stadt", "ville", "town", "commune", "municipality"], contains: ["city"], except: used))
        let country = take(find(["country", "land", "pays", "countrycode"], contains: ["country"], except: used))
        let latitude = take(find(["latitude", "lat", "breitengrad", "breite", "ylatitude", "y"], contains: ["latitude", "breitengrad"], except: used))
        let longitude = take(find(["longitude", "lon", "lng", "long", "langengrad", "laengengrad", "lange", "laenge", "xlongitude", "x"], contains: ["longitude", "langengrad"], except: used))
        let coordinates = latitude == nil ? take(find(["coordinates", "coordonneesxy", "coords", "position", "geo", "location", "geolocation"], contains: ["coord"], except: used)) : nil
        let plugBooleans = (0..<columns.count).filter { i in !used.contains(i) && Self.fold(columns[i]).hasPrefix("prisetype") && isBoolean(i) }
        used.formUnion(plugBooleans)
        let plug = take(find(["plug", "plugs", "connector", "connectortype", "stecker", "steckertyp", "steckertypen", "socket", "prise", "typeprise", "plugtype"],
            contains: ["plug", "stecker", "connector", "socket", "prise"], except: used))
        let power = take(find(["power", "powerkw", "kw", "leistung", "puissance", "puissancenominale", "maxpower", "puissmax", "pkw"], contains: ["kw", "power", "leistung", "puissance"], except: used))
        let powerType = take(find(["powertype", "current", "stromart", "currenttype", "acdc", "acordc", "phases", "connectorphases"], contains: ["powertype", "stromart"], except: used))
        let voltage = take(find(["voltage", "voltagev", "spannung", "volt"], contains: ["voltage", "spannung"], except: used))
        let amperage = take(find(["amperage", "currenta", "ampere", "amps", "stromstarke"], contains: ["amper"], except: used))
        let hotline = take(find(["hotline", "phone", "telefon", "telephone", "tel", "telephoneoperateur", "hotlinephonenumber"], contains: ["phone", "telefon", "hotline"], except: used))
        let hours = take(find(["openinghours", "hours", "horaires", "oeffnungszeiten", "offnungszeiten", "opening", "openingtimes"], contains: ["hours", "horaire", "ffnungszeit"], except: used))
        let access = take(find(["access", "zugang", "accessibility", "conditionacces", "accessibilite"], contains: ["access", "zugang"], except: used))

        // "Steckertypen1" … "Steckertypen4": several charge points per row.
        var explodeCount = 1
        var plugName = plug.map { columns[$0] }
        var powerName = power.map { columns[$0] }
        if let p = plug, let digit = columns[p].first(where: \.isNumber) {
            let stem = columns[p]
            var n = 1
            while n < 9, columns.contains(stem.replacingOccurrences(of: String(digit), with: String(n + 1))) { n += 1 }
            if n > 1 {
                explodeCount = n
                plugName = stem.replacingOccurrences(of: String(digit), with: "{$i}")
                for k in 2...n {
                    if let i = columns.firstIndex(of: stem.replacingOccurrences(of: String(digit), with: String(k))) { used.insert(i) }
                }
                if let w = power, columns[w].contains(digit) {
                    powerName = columns[w].replacingOccurrences(of: String(digit), with: "{$i}")
                    for k in 2...n {
                        if let i = columns.firstIndex(of: columns[w].replacingOccurrences(of: String(digit), with: String(k))) { used.insert(i) }
                    }
                }
            }
        }

        let delimiterText = delimiter == "\t" ? "tab" : String(delimiter)
        lines += [
            "# Draft mapping written by `oicp-etl mapping init` from \(inputName).",
            "# Check every line marked TODO, then run: oicp-etl mapping check THIS_FILE --input \(inputName)",
            "version: 1",
            "name: \(Self.quote("Draft for " + inputName))",
            "",
            "input:",
        ]
        lines += xml == nil ? ["  format: csv", "  delimiter: \"\(delimiterText)\""] : ["  format: xml"]
        let commaDecimals = [power, latitude, longitude].compactMap { $0 }.contains { i in
            share(i) { $0.contains(",") && !$0.contains(".") && $0.filter({ $0 == "," }).count == 1 } > 0.3
        }
        if commaDecimals { lines.append("  decimal: \",\"") }
        if skipLines > 0 { lines.append("  skip_lines: \(skipLines)   # the lines above the header") }
        lines.append("")

        if operatorID == nil { parameters.append("  operator_id: { required: true, description: \"the OperatorID, such as DE*ABC\" }") }
        if operatorName == nil { parameters.append("  operator_name: { required: true }") }
        if hotline == nil { parameters.append("  hotline: { required: true, description: \"the operator's hotline, +49…\" }") }
        if !parameters.isEmpty { lines += ["parameters:"] + parameters + [""] }

        if let xml {
            lines += ["records:", "  path: \(Self.quote(xml.recordPath))   # the element that is one EVSE"]
            if !xml.scopes.isEmpty {
                lines.append("  enclosing:   # reachable as $name; partial: records see what comes before them")
                for scope in xml.scopes {
                    lines.append("    \(scope.name): " + (scope.partial ? "{ element: \(Self.quote(scope.element)), partial: true }" : Self.quote(scope.element)))
                }
            }
            lines.append("")
        } else if let e = evseID, Set(values(e)).count < values(e).count {
            // Rows of one EVSE: the EvseID repeats.
            lines += ["records:", "  # Several rows per EvseID: one row per connector.", "  group: { by: \"{\(columns[e])}\" }", ""]
        } else if explodeCount > 1, let plugName {
            lines += ["records:", "  # Up to \(explodeCount) charge points per row: one EVSE per filled slot.",
                      "  explode: { var: i, from: 1, to: \(explodeCount), when: \"{\(plugName)} is not empty\" }", ""]
        }

        lines.append("operator:")
        if let o = operatorID {
            lines.append("  id: { \(ref): \(col(o)), operator_id: true }")
        } else if let e = evseID {
            lines.append("  id: { \(ref): \(col(e)), evse_id: true, capture: '^([A-Z]{2}\\*[A-Z0-9]{3})' }   # the EvseID's operator part")
        } else {
            lines.append("  id: { param: operator_id }")
        }
        lines.append(operatorName.map { "  name: { \(ref): \(col($0)) }" } ?? "  name: { param: operator_name }")
        lines += ["", "evse:"]
        if let e = evseID {
            lines.append("  EvseID: { \(ref): \(col(e)), evse_id: true }")
        } else {
            let slot = explodeCount > 1 ? "*{$i}" : ""
            lines.append("  EvseID: { template: \"{$operator_id}*E{$row}\(slot)\" }   # TODO: no EVSE id column found; {$row} changes when rows move (see hash in docs/mapping-language.md)")
        }
        if let s = stationID { lines.append("  ChargingStationID: { \(ref): \(col(s)), max_length: 50 }") }
        if let n = stationName {
            lines += ["  ChargingStationNames:", "    - { lang: en, value: { \(ref): \(col(n)), truncate: 150 } }   # TODO: the language"]
        } else {
            lines += ["  ChargingStationNames:", "    - { lang: en, value: \(Self.todo("no station name column found; map the station's name")) }"]
        }
        lines.append("  Address:")
        lines.append(country.map { "    Country: { \(ref): \(col($0)), country: true }" } ?? "    Country: DEU   # TODO: the country (ISO alpha-3)")
        if let c = city { lines.append("    City: { \(ref): \(col(c)), truncate: 50 }") }
        if let s = street { lines.append("    Street: { \(ref): \(col(s)), truncate: 100 }") }
        if let h = houseNumber { lines.append("    HouseNum: { \(ref): \(col(h)), max_length: 10 }") }
        if let p = postalCode { lines.append("    PostalCode: { \(ref): \(col(p)) }") }
        if let a = address {
            lines.append("    # TODO: \(columns[a]) holds the whole address, such as \(Self.quote(values(a).first ?? "")); cut it with capture:")
            lines.append("    Street: { \(ref): \(col(a)), capture: '^(?:\\d+\\S*\\s+)?(.+?)\\s+\\d{4,5}\\s' }")
            lines.append("    HouseNum: { \(ref): \(col(a)), capture: '^(\\d+\\S*)\\s', default: \"s/n\" }")
            if postalCode == nil { lines.append("    PostalCode: { \(ref): \(col(a)), capture: '\\b(\\d{4,5})\\s+\\D' }") }
            if city == nil { lines.append("    City: { \(ref): \(col(a)), capture: '\\b\\d{4,5}\\s+(\\D.*)$' }") }
        }
        if city == nil && address == nil { lines.append("    City: \(Self.todo("no city column found"))") }
        if street == nil && address == nil { lines.append("    Street: \(Self.todo("no street column found"))") }
        if houseNumber == nil && address == nil { lines.append("    HouseNum: \"s/n\"   # TODO: no house number column found") }
        if postalCode == nil && address == nil { lines.append("    PostalCode: \(Self.todo("no postal code column found"))") }
        if let la = latitude, let lo = longitude {
            lines += ["  GeoCoordinates:", "    latitude: { \(ref): \(col(la)), number: true }", "    longitude: { \(ref): \(col(lo)), number: true }"]
        } else if let c = coordinates {
            let sample = values(c).first ?? ""
            let order = sample.hasPrefix("[") ? "lon-lat" : "lat-lon"
            lines.append("  GeoCoordinates: { \(ref): \(col(c)), coordinates: \(order) }   # TODO: check the order, the values look like \(Self.quote(sample))")
        } else {
            lines.append("  GeoCoordinates: \(Self.todo("no coordinate columns found"))")
        }
        if !plugBooleans.isEmpty {
            lines.append("  Plugs:")
            for i in plugBooleans {
                let guess = Self.guessPlug(columns[i].replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "prise type", with: "type"))
                    ?? (Self.fold(columns[i]).hasSuffix("ef") ? "Type E French Standard" : nil)
                lines.append("    - { const: \(Self.quote(guess ?? "TODO")), when: \"{\(columns[i])}\" }" + (guess == nil ? "   # TODO" : ""))
            }
        } else if let p = plug {
            let split = values(p).contains { $0.contains(",") } ? ", split: \",\"" : (values(p).contains { $0.contains(";") } ? ", split: \";\"" : "")
            lines.append("  Plugs: { \(ref): \(Self.quote(plugName ?? columns[p]))\(split), table: plugs }")
            let items = split.isEmpty ? distinct(p) : Array(Set(distinct(p).flatMap { $0.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingWhitespace() } })).sorted()
            tables.append("  plugs:")
            tables.append("    values:")
            for v in items.prefix(60) {
                let g = Self.guessPlug(v)
                tables.append("      \(Self.quote(v)): \(Self.quote(g ?? "TODO"))" + (g == nil ? "   # TODO" : ""))
            }
        } else {
            lines.append("  Plugs: \(Self.todo("no plug column found"))")
        }
        lines.append("  ChargingFacilities:")
        // XML: facilities from an element that repeats (`connector`), one facility each.
        var facilityElement: String?
        if xml != nil {
            let parts = [powerType, power, voltage, amperage].compactMap { $0 }
            let firsts = Set(parts.map { columns[$0].split(separator: ".").first.map(String.init) ?? "" })
            if firsts.count == 1, let first = firsts.first, !first.hasPrefix("$"), parts.allSatisfy({ columns[$0].contains(".") }),
                parts.contains(where: repeats)
            {
                facilityElement = first
            }
        }
        func fcol(_ i: Int) -> String {
            guard let e = facilityElement else { return col(i) }
            return Self.quote(String(columns[i].dropFirst(e.count + 1)))
        }
        var facility: [String] = []
        if let t = powerType {
            facility.append("PowerType: { \(ref): \(fcol(t)), table: power_types }")
            tables += ["  power_types:", "    values:"]
            for v in distinct(t).prefix(20) {
                let g = Self.guessPowerType(v)
                tables.append("      \(Self.quote(v)): \(Self.quote(g ?? "TODO"))" + (g == nil ? "   # TODO" : ""))
            }
        } else {
            facility.append("PowerType: AC_3_PHASE   # TODO: no power type column found")
        }
        let powerRef = facilityElement != nil ? power.map(fcol) : powerName.map(Self.quote)
        facility.append(powerRef.map { "Power: { \(ref): \($0), number: { unit: kW } }" } ?? "Power: 22   # TODO: no power column found")
        if let v = voltage { facility.append("Voltage: { \(ref): \(fcol(v)), number: true, range: { max: 999, outside: drop } }") }
        if let a = amperage { facility.append("Amperage: { \(ref): \(fcol(a)), number: true, range: { max: 99, outside: drop } }") }
        if let e = facilityElement {
            lines += ["    path: \(Self.quote(e))   # one facility per \(e)", "    each:"]
            for f in facility { lines.append("      " + f) }
        } else {
            lines.append("    - " + facility[0])
            for f in facility.dropFirst() { lines.append("      " + f) }
        }
        lines.append(hotline.map { "  HotlinePhoneNumber: { \(ref): \(col($0)), \(phoneStep($0, evseID: evseID, country: country)) }\(phoneStep($0, evseID: evseID, country: country) == "phone: true" && hasNationalNumbers($0) ? "   # TODO: national numbers need phone: { country: DE }" : "")" }
            ?? "  HotlinePhoneNumber: { param: hotline, phone: true }")
        if let h = hours {
            lines.append("  OpeningHours: { \(ref): \(col(h)), opening_hours: true }")
        } else {
            lines.append("  OpeningHours: 24/7   # TODO: no opening hours column found")
        }
        if let a = access {
            lines.append("  Accessibility: { \(ref): \(col(a)), table: access }")
            tables += ["  access:", "    values:"]
            for v in distinct(a).prefix(20) {
                let g = Self.guessAccess(v)
                tables.append("      \(Self.quote(v)): \(Self.quote(g ?? "TODO"))" + (g == nil ? "   # TODO" : ""))
            }
        } else {
            lines.append("  Accessibility: Free publicly accessible   # TODO")
        }
        lines += [
            "  AuthenticationModes: [NFC RFID Classic, REMOTE]   # TODO",
            "  PaymentOptions: [Contract]   # TODO",
            "  ValueAddedServices: [None]",
            "  RenewableEnergy: false",
            "  CalibrationLawDataAvailability: Not Available",
            "  IsHubjectCompatible: true",
            "  DynamicInfoAvailable: auto",
        ]
        if !tables.isEmpty { lines += ["", "tables:"] + tables }
        let unused = (0..<columns.count).filter { !used.contains($0) }
        if !unused.isEmpty {
            lines += ["", "# Columns not mapped (name: a few values):"]
            for i in unused {
                let samples = distinct(i).prefix(3).map { String($0.prefix(40)) }.joined(separator: " | ")
                lines.append("#   \(columns[i]): \(samples)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
