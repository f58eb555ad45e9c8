import ETLCore
import Glibc
import OICP
import Readers
import FuzzSupport

/// libFuzzer target: the JSON record reader (OCPI shapes), the strict JSON parser, the
/// fingerprint scanner and OICP validation of what parses, on any bytes.
/// Built only by Tests/fuzz/run-fuzz.sh (OICP_ETL_FUZZ=1).
let fuzzJSON: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt = { data, size in
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let path = "/dev/shm/oicp-etl-fuzz-json-\(getpid()).json"
    guard FuzzInput.write(UnsafeBufferPointer(start: data, count: size), to: path) else { return 0 }
    var options = JSONOptions()
    options.recordPath = "evses[*]"
    options.enclosing = "location"
    options.snakeCaseKeys = size % 2 == 0
    options.maxDepth = 32
    options.maxStringBytes = 4096
    do {
        let reader = try JSONRecordReader(path: path, options: options)
        while try reader.next() != nil {}
    } catch {
        _ = "\(error)"
    }
    if let json = try? JSONParser(maxDepth: 64).parse(bytes) {
        let (violations, _) = BundleValidation.validate(json, version: size % 3 == 0 ? .v2_2 : .v2_3)
        _ = violations.count
        _ = RecordFingerprint.of(json)
    }
    _ = try? FingerprintScanner.scan(bytes[...])
    return 0
}

/// The symbol libFuzzer's runtime expects; the driver below is what runs.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { fuzzJSON(data, size) }

FuzzDriver.run(fuzzJSON)
