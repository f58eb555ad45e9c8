import ETLCore
import FuzzSupport
import Mapping
import OICP
import Readers

/// libFuzzer target: a mapping file from any bytes, loaded, compiled against a fixed header and,
/// when it compiles, applied to a fixed row. Built only by Tests/fuzz/run-fuzz.sh (OICP_ETL_FUZZ=1).
let fuzzMapping: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt = { data, size in
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let document = try MappingDocument.parse(yaml: text, file: "fuzz.yaml")
        let mapping = try MappingCompiler.compile(document, header: FuzzRecord.header, parameters: ["operator_id": "DE*ABC", "hotline": "+4930123"])
        let mapper = Mapper(mapping: mapping, version: .v2_3)
        for record in FuzzRecord.records {
            for mapped in mapper.process(record) { _ = OICPValidator(version: .v2_3).validate(mapped.evse.prepared(for: .v2_3)) }
        }
        _ = mapper.finish()
    } catch {
        _ = "\(error)"
    }
    return 0
}

/// Two rows of the legacy sample's shape.
enum FuzzRecord {
    static let header = CSVHeader(names: ["op", "name", "evse", "plug", "kw", "lat", "lon", "hours", "phone", "city"])
    static let records: [SourceRecord] = [
        ["DE*ABC", "Stadtwerke", "DE*ABC*E1", "Typ 2", "22,0", "50.9", "6.9", "Mo-Fr 08:00-18:00", "0221 123", "Köln"],
        ["DE*ABC", "Stadtwerke", "DE*ABC*E1", "CCS", "150 kW", "x", "", "24/7", "+49 30 1", ""],
    ].enumerated().map { i, fields in
        SourceRecord(content: .row(CSVRow(header: header, fields: fields)), provenance: Provenance(file: "fuzz.csv", line: i + 2, recordNumber: i + 1))
    }
}

/// The symbol libFuzzer's runtime expects; the driver below is what runs.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { fuzzMapping(data, size) }

FuzzDriver.run(fuzzMapping)
