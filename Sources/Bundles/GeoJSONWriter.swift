import ETLCore
import Foundation
import OICP

/// Writes the converted EVSEs as a GeoJSON FeatureCollection of points, for a look at the
/// result in QGIS or geojson.io. Each feature has `status` `written` or `rejected` (two layers
/// to filter by); rejected records appear when they have a position, with their reasons.
public final class GeoJSONWriter {
    public let path: String
    private let temporary: String
    private let sink: FileSink
    private var first = true

    public init(path: String) throws {
        self.path = path
        temporary = path + ".oicp-etl-\(getpid()).tmp"
        sink = try FileSink(path: temporary)
        try sink.write(#"{"type":"FeatureCollection","features":["# + "\n")
    }

    deinit { try? FileManager.default.removeItem(atPath: temporary) }

    public func written(_ r: EvseDataRecord, operatorID: String) throws {
        guard let (lat, lon) = r.geoCoordinates?.numericValue else { return }
        try feature(lat: lat, lon: lon) { w in
            w.key("status"); w.string("written")
            properties(r, operatorID: operatorID, &w)
        }
    }

    public func rejected(_ r: EvseDataRecord, operatorID: String?, reasons: [(rule: String, message: String)], provenance: Provenance) throws {
        guard let (lat, lon) = r.geoCoordinates?.numericValue, (-90...90).contains(lat), (-180...180).contains(lon) else { return }
        try feature(lat: lat, lon: lon) { w in
            w.key("status"); w.string("rejected")
            properties(r, operatorID: operatorID, &w)
            w.key("line"); w.int(provenance.line)
            w.key("rules"); w.string(reasons.map(\.rule).joined(separator: ", "))
            w.key("reasons"); w.string(reasons.map(\.message).joined(separator: "; "))
        }
    }

    private func properties(_ r: EvseDataRecord, operatorID: String?, _ w: inout JSONWriter) {
        if let id = r.evseID { w.key("EvseID"); w.string(id) }
        if let name = r.chargingStationNames?.first?.value ?? r.chargingStationName { w.key("name"); w.string(name) }
        if let plugs = r.plugs { w.key("plugs"); w.string(plugs.map(\.rawValue).joined(separator: ", ")) }
        if let power = r.chargingFacilities?.compactMap(\.power).max() { w.key("max_power_kw"); w.number(power) }
        if let operatorID { w.key("operator"); w.string(operatorID) }
    }

    private func feature(lat: Double, lon: Double, _ properties: (inout JSONWriter) -> Void) throws {
        var w = JSONWriter(capacity: 512)
        w.beginObject()
        w.key("type"); w.string("Feature")
        w.key("geometry")
        w.beginObject()
        w.key("type"); w.string("Point")
        w.key("coordinates")
        w.beginArray()
        w.raw(Array(FixedDecimal.format(lon, decimals: 6).utf8))
        w.raw(Array(FixedDecimal.format(lat, decimals: 6).utf8))
        w.endArray()
        w.endObject()
        w.key("properties")
        w.beginObject()
        properties(&w)
        w.endObject()
        w.endObject()
        if !first { try sink.write([UInt8(ascii: ","), 0x0A]) }
        first = false
        try sink.write(w.bytes)
    }

    /// Finishes the file and moves it into place.
    public func commit() throws {
        try sink.write("\n]}\n")
        try sink.close()
        guard rename(temporary, path) == 0 else {
            throw Diagnostic.error("cannot write the GeoJSON file: \(String(cString: strerror(errno)))", rule: "output.unwritable", file: path)
        }
    }
}
