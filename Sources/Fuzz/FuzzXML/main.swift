import ETLCore
import Glibc
import Readers
import FuzzSupport

/// libFuzzer target: the XML reader (with scopes, namespaces and small limits) and the survey
/// `mapping init` makes, on any bytes. Built only by Tests/fuzz/run-fuzz.sh (OICP_ETL_FUZZ=1).
let fuzzXML: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt = { data, size in
    guard let data else { return 0 }
    let path = "/dev/shm/oicp-etl-fuzz-xml-\(getpid()).xml"
    guard FuzzInput.write(UnsafeBufferPointer(start: data, count: size), to: path) else { return 0 }
    var options = XMLOptions()
    options.recordPath = "point"
    options.scopes = [XMLOptions.Scope(name: "station", element: "station"), XMLOptions.Scope(name: "op", element: "operator", partial: true)]
    options.namespaces = ["e": "urn:e"]
    options.maxDepth = 64
    options.maxTextBytes = 4096
    options.maxNodes = 10_000
    do {
        let reader = try XMLRecordReader(path: path, options: options)
        while try reader.next() != nil {}
    } catch {
        _ = "\(error)"
    }
    do { _ = try XMLSurvey(path: path) } catch { _ = "\(error)" }
    return 0
}

/// The symbol libFuzzer's runtime expects; the driver below is what runs.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { fuzzXML(data, size) }

FuzzDriver.run(fuzzXML)
