import ETLCore
import Glibc
import Readers
import FuzzSupport

/// libFuzzer target: the CSV reader on any bytes, with options taken from the first byte.
/// Built only by Tests/fuzz/run-fuzz.sh (OICP_ETL_FUZZ=1).
let fuzzCSV: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt = { data, size in
    guard let data else { return 0 }
    guard size > 0 else { return 0 }
    let path = "/dev/shm/oicp-etl-fuzz-csv-\(getpid()).csv"
    let flags = data[0]
    guard FuzzInput.write(UnsafeBufferPointer(start: data + 1, count: size - 1), to: path) else { return 0 }
    var options = CSVOptions()
    options.delimiter = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")][Int(flags & 3)]
    options.skipLines = Int((flags >> 2) & 3)
    options.hasHeader = flags & 16 == 0
    options.raggedRows = flags & 32 == 0 ? .reject : .pad
    options.encoding = [TextEncoding.auto, .utf8, .windows1252, .utf16LE][Int((flags >> 6) & 3)]
    options.maxFieldBytes = 4096
    do {
        let reader = try CSVReader(path: path, options: options)
        while let record = try reader.next() {
            if case .row(let row) = record.content { _ = row.fields }
        }
    } catch {
        _ = "\(error)"
    }
    return 0
}

/// The symbol libFuzzer's runtime expects; the driver below is what runs.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { fuzzCSV(data, size) }

FuzzDriver.run(fuzzCSV)
