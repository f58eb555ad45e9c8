import ETLCore
import Foundation
import OICP
import Testing

@testable import Conversion

/// Generated exports with random defects: every record is accounted for, and nothing that
/// fails validation reaches a bundle.
@Suite struct AccountingPropertyTests {
    /// A small deterministic generator (SplitMix64), so a failing seed can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[int(items.count)] }
        mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    }

    static let mapping = """
        version: 1
        input: { format: csv }
        records: { group: { by: "{evse}" } }
        operator: { id: { column: op }, name: { column: opname } }
        evse:
          EvseID: { column: evse, evse_id: true }
          ChargingStationNames: [{ lang: de, value: { column: name } }]
          Address: { Country: { column: country, country: true }, City: { column: city }, Street: Ring, HouseNum: "1", PostalCode: { column: zip } }
          GeoCoordinates: { latitude: { column: lat, number: true }, longitude: { column: lon, number: true } }
          Plugs: { column: plug, table: plugs }
          ChargingFacilities: [{ PowerType: { column: current, table: current }, Power: { column: kw, number: true } }]
          AuthenticationModes: [NFC RFID Classic]
          PaymentOptions: { column: pay, split: ";", table: pay }
          ValueAddedServices: [None]
          Accessibility: Free publicly accessible
          HotlinePhoneNumber: { column: phone, phone: { country: 49 } }
          OpeningHours: { column: hours, opening_hours: true }
          RenewableEnergy: false
          CalibrationLawDataAvailability: Not Available
          IsHubjectCompatible: true
          DynamicInfoAvailable: auto
        tables:
          plugs: { values: { T2: Type 2 Outlet, CCS: CCS Combo 2 Plug (Cable Attached), Schuko: Type F Schuko } }
          current: { values: { AC3: AC_3_PHASE, DC: DC, AC1: AC_1_PHASE } }
          pay: { values: { card: Contract, free: No Payment, direct: Direct } }
        """

    /// An export of `rows` rows, one in five with some defect.
    static func export(seed: UInt64, rows: Int) -> String {
        var g = Generator(state: seed)
        var out = "op,opname,evse,name,country,city,zip,lat,lon,plug,current,kw,pay,phone,hours\n"
        var n = 0
        for _ in 0..<rows {
            // Rows of one EVSE follow each other (a second connector), or an EvseID comes back later.
            if !(g.chance(20) && n > 0) { n += 1 }
            let id = g.chance(3) ? g.int(max(n, 1)) + 1 : n
            var f = [
                g.pick(["DE*ABC", "DE*XYZ", "DEABC"]), "Betreiber", "DE*ABC*E\(id)", "Station \(id)", g.pick(["DE", "DEU", "Deutschland"]),
                "Köln", "50667", "50.9\(g.int(1000))", "6.9\(g.int(1000))", g.pick(["T2", "CCS", "Schuko"]), g.pick(["AC3", "DC", "AC1"]),
                g.pick(["22", "11,0", "150", "3.7"]), g.pick(["card", "card;direct", "free"]), "0221 \(100000 + g.int(899999))",
                g.pick(["24/7", "Mo-Fr 08:00-18:00", "Mo-Sa 06:00-22:00; Su 08:00-20:00"]),
            ]
            if g.chance(20) {
                let i = g.int(f.count)
                f[i] = g.pick(["", "x", "-1", "1e309", "NaN", "999999", "DE*XYZ*E1", "?", "\"", "Tesla", "free;card", "95.5", "nach Absprache", "ß"])
                if g.chance(10) { f.removeLast() }  // a ragged row
            }
            out += f.map { $0.contains(",") || $0.contains("\"") ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0 }
                .joined(separator: ",") + "\n"
        }
        return out
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func everyRecordIsAccountedForAndEveryBundleIsValid(seed: UInt64) throws {
        let ws = ConverterTests.Workspace(mapping: Self.mapping, csv: Self.export(seed: seed, rows: 400))
        let result = try ws.run()
        let r = result.report
        #expect(r.read == 400)
        #expect(r.read + r.expanded == r.written + r.rejected + r.merged + r.excluded, "seed \(seed)")
        #expect(r.isBalanced)
        // Every bundle decodes and validates without an error; together they hold the written records.
        var records = 0
        for b in result.bundles {
            let json = try JSONParser().parse(Array(try #require(ws.data("out/\(b.fileName)"))))
            let (push, problems) = OICPDecoder(version: .v2_3).decodePush(json)
            #expect(problems.isEmpty, "seed \(seed): \(problems.prefix(3))")
            let errors = OICPValidator(version: .v2_3).validate(push).filter { $0.severity == .error }
            #expect(errors.isEmpty, "seed \(seed): \(errors.prefix(3))")
            records += push.operatorEvseData?.evseDataRecord?.count ?? 0
        }
        #expect(records == r.written)
        // Every rejected record has at least one row in rejects.csv.
        let rejects = String(decoding: ws.data("out/rejects.csv") ?? Data(), as: UTF8.self)
        let lines = Set(rejects.split(whereSeparator: \.isNewline).dropFirst().compactMap { $0.split(separator: ",", maxSplits: 2).dropFirst().first })
        #expect(lines.count == r.rejected, "seed \(seed)")
    }
}
