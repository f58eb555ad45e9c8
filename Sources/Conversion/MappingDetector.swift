import ETLCore
import Foundation
import Mapping
import Readers

/// Recognises exports the tool ships a mapping for, so `convert` works without `--mapping`:
/// OCPI Locations (2.1.1, or 2.2 / 2.2.1 / 2.3.0), the French IRVE (schema 2.x and the v1
/// consolidation), the German Ladesäulenregister and DATEX II v3 Energy Infrastructure.
public enum MappingDetector {
    public struct Detection: Sendable {
        /// The built-in mapping's file name (`ocpi-2.2.1.yaml`).
        public var mapping: String
        /// What was recognised, for the user.
        public var description: String
    }

    public static func detect(inputPath: String) throws -> Detection {
        guard let handle = FileHandle(forReadingAtPath: inputPath) else {
            throw Diagnostic.error("cannot read the input file", rule: "input.unreadable", file: inputPath)
        }
        let head = handle.readData(ofLength: 256 * 1024)
        try? handle.close()
        var bytes = [UInt8](head)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let first = bytes.first { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            return try detectOCPI(inputPath)
        }
        if first == UInt8(ascii: "<") {
            let prolog = String(decoding: bytes.prefix(16384), as: UTF8.self)
            if prolog.contains("http://datex2.eu/schema/3/energyInfrastructure") {
                return Detection(mapping: "datex2-v3-energy-infrastructure.yaml", description: "DATEX II v3 Energy Infrastructure")
            }
            throw Diagnostic.error("an XML file oicp-etl has no mapping for (it knows DATEX II v3 Energy Infrastructure); give --mapping",
                rule: "input.unrecognised", file: inputPath)
        }
        let text = String(decoding: bytes.prefix(8192), as: UTF8.self)
        let header = text.split(whereSeparator: \.isNewline).prefix(3).joined(separator: "\n")
        if header.contains("id_pdc_itinerance") && header.contains("coordonneesXY") {
            return Detection(mapping: "irve-statique-v2.yaml", description: "French IRVE static data (schema 2.x)")
        }
        if header.contains("id_pdc") && header.contains("type_prise") {
            return Detection(mapping: "irve-consolidation-v1.yaml", description: "the French IRVE consolidation (schema v1)")
        }
        if header.contains("Steckertypen1") && header.contains("Betreiber") {
            return Detection(mapping: "bnetza-ladesaeulenregister.yaml", description: "the German Ladesäulenregister")
        }
        throw Diagnostic.error("the input is not an export oicp-etl knows (OCPI Locations, IRVE, the Ladesäulenregister, DATEX II); give --mapping "
            + "(oicp-etl mapping init --input \(inputPath) writes a first one)", rule: "input.unrecognised", file: inputPath)
    }

    /// OCPI Locations: the first item with EVSEs tells the version.
    static func detectOCPI(_ path: String) throws -> Detection {
        let reader = try JSONRecordReader(path: path)
        var seen = 0
        while seen < 50, let record = try reader.next() {
            seen += 1
            guard case .tree(let item) = record.content else { continue }
            let location = item.materialized
            guard case .array(let evses)? = location["evses"], !evses.isEmpty else { continue }
            let connectors = evses.compactMap { e -> [SourceNode]? in
                if case .array(let c)? = e["connectors"] { return c }
                return nil
            }.flatMap { $0 }
            let modern = ["country_code", "party_id", "publish", "parking_type"].contains { location[$0] != nil }
                || connectors.contains { $0["max_voltage"] != nil || $0["max_electric_power"] != nil || $0["tariff_ids"] != nil }
            let old = location["type"] != nil || connectors.contains { $0["voltage"] != nil || $0["tariff_id"] != nil }
            if modern { return Detection(mapping: "ocpi-2.2.1.yaml", description: "OCPI 2.2 / 2.2.1 / 2.3.0 Locations") }
            if old { return Detection(mapping: "ocpi-2.1.1.yaml", description: "OCPI 2.1.1 Locations") }
        }
        throw Diagnostic.error("a JSON file, but no OCPI Locations with EVSEs were found in its first items; give --mapping", rule: "input.unrecognised",
            file: path)
    }
}
