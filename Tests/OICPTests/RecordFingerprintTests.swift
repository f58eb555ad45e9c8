import Testing

@testable import OICP

/// Records compared by meaning, as delta bundles compare them.
@Suite struct RecordFingerprintTests {
    func fingerprint(_ text: String) throws -> UInt64 {
        RecordFingerprint.of(try JSONParser().parse(Array(text.utf8)))
    }

    static let base = #"{"EvseID":"DE*ABC*E1","Plugs":["Type 2 Outlet","Type F Schuko"],"ChargingFacilities":[{"PowerType":"AC_3_PHASE","Power":22}],"IsOpen24Hours":true,"Address":{"City":"Köln","Street":"Ring"}}"#

    @Test(arguments: [
        // key order, list order, number spelling, nulls, Hubject's fields
        #"{"Plugs":["Type F Schuko","Type 2 Outlet"],"EvseID":"DE*ABC*E1","IsOpen24Hours":true,"ChargingFacilities":[{"Power":22.0,"PowerType":"AC_3_PHASE"}],"Address":{"Street":"Ring","City":"Köln"}}"#,
        #"{"EvseID":"DE*ABC*E1","Plugs":["Type 2 Outlet","Type F Schuko"],"ChargingFacilities":[{"PowerType":"AC_3_PHASE","Power":2.2e1}],"IsOpen24Hours":true,"Address":{"City":"Köln","Street":"Ring","Floor":null}}"#,
        #"{"deltaType":"update","lastUpdate":"2026-11-26T00:00:00Z","EvseID":"DE*ABC*E1","Plugs":["Type 2 Outlet","Type F Schuko"],"ChargingFacilities":[{"PowerType":"AC_3_PHASE","Power":22}],"IsOpen24Hours":true,"Address":{"City":"Köln","Street":"Ring"}}"#,
    ])
    func sameMeaning(_ other: String) throws {
        #expect(try fingerprint(Self.base) == fingerprint(other))
    }

    @Test(arguments: [
        ("Power", "22", "11"),
        ("Köln", "Köln", "Koln"),
        ("a plug less", #""Type 2 Outlet","Type F Schuko""#, #""Type 2 Outlet""#),
        ("a plug twice", #""Type 2 Outlet","Type F Schuko""#, #""Type 2 Outlet","Type 2 Outlet","Type F Schuko""#),
        ("a boolean", "true", "false"),
        ("a number as text", "22}", "\"22\"}"),
        ("a key renamed", "\"Street\"", "\"street\""),
        ("a value moved between keys", #""City":"Köln","Street":"Ring""#, #""City":"Ring","Street":"Köln""#),
    ])
    func differentMeaning(_ what: String, _ from: String, _ to: String) throws {
        let changed = Self.base.replacingOccurrences(of: from, with: to)
        #expect(changed != Self.base, "\(what)")
        #expect(try fingerprint(Self.base) != fingerprint(changed), "\(what)")
    }

    @Test func aFieldAddedOrRemovedCounts() throws {
        let added = Self.base.replacingOccurrences(of: #""IsOpen24Hours":true"#, with: #""IsOpen24Hours":true,"MaxCapacity":2"#)
        let removed = Self.base.replacingOccurrences(of: #","IsOpen24Hours":true"#, with: "")
        #expect(try fingerprint(added) != fingerprint(Self.base))
        #expect(try fingerprint(removed) != fingerprint(Self.base))
        // An empty list is not the same as no list, nor as an empty object.
        #expect(try fingerprint(#"{"a":[]}"#) != fingerprint("{}"))
        #expect(try fingerprint(#"{"a":[]}"#) != fingerprint(#"{"a":{}}"#))
    }

    @Test func theScannerAgreesWithTheParser() throws {
        let documents = [
            Self.base,
            #"{"EvseID":"DE*ABC*E1","a":"K\u00f6ln \"Dom\" \ud83d\ude97","b":[1,-2.5e3,0,-0,true,false,null,{}],"c":{"d":[[],{"e":null}]}}"#,
            #"{ "lastUpdate" : "x", "deltaType":"insert" , "EvseID" : "DE*ABC*E\u0032" }"#,
            #"{"n":null}"#,
        ]
        for text in documents {
            let scanned = try FingerprintScanner.scan(ArraySlice(text.utf8))
            #expect(scanned.fingerprint == (try fingerprint(text)), "\(text)")
        }
        #expect(try FingerprintScanner.scan(ArraySlice(documents[2].utf8)).evseID == "DE*ABC*E2")
        #expect(try FingerprintScanner.scan(ArraySlice(documents[3].utf8)).evseID == nil)
    }

    @Test(arguments: [#"{"a":1"#, #"{"a":tru}"#, #"{"a":"x}"#, #"{"a":1}x"#, #"[1]"#, #"{"a":[1,]}"#, #"{"a":1.2.3}"#])
    func theScannerRefusesBrokenJSON(_ text: String) {
        #expect(throws: JSONParser.Error.self) { try FingerprintScanner.scan(ArraySlice(text.utf8)) }
    }
}
