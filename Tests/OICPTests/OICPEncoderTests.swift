import Foundation
import Testing

@testable import OICP

@Suite struct OICPEncoderTests {
    func golden(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Golden"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    func push(_ version: OICPVersion) -> String {
        var second = Fixtures.validRecord()
        second.evseID = "DE*ABC*E1234*2"
        let push = PushEvseData(actionType: .fullLoad, operatorEvseData: OperatorEvseData(operatorID: "DE*ABC", operatorName: "ABC Laden GmbH",
            evseDataRecord: [Fixtures.fullRecord(), second]))
        return String(decoding: OICPEncoder(version: version).encode(push), as: UTF8.self) + "\n"
    }

    @Test func oicp23Golden() throws {
        #expect(push(.v2_3) == (try golden("push-2.3.json")))
    }

    @Test func oicp22Golden() throws {
        #expect(push(.v2_2) == (try golden("push-2.2.json")))
    }

    @Test func oicp22ShapeHasNo23Fields() throws {
        let json = try JSONParser().parse(Array(push(.v2_2).utf8))
        guard case .array(let records)? = json["OperatorEvseData"]?["EvseDataRecord"], case .object(let members) = records[0] else {
            Issue.record("no records")
            return
        }
        let keys = Set(members.map(\.key))
        #expect(keys.isSubset(of: Set(OICPDecoder.recordKeys22)))
        #expect(keys.contains("ChargingStationName") && keys.contains("EnChargingStationName") && keys.contains("ChargingModes"))
        #expect(!keys.contains("ChargingStationNames") && !keys.contains("RenewableEnergy"))
        #expect(records[0]["ChargingStationName"] == .string("Ladestation Marktplatz"))
        #expect(records[0]["EnChargingStationName"] == .string("Market square"))
        #expect(records[0]["ChargingModes"] == .array([.string("Mode_3")]))
    }

    /// A document shaped like Hubject's generated 2.2 push example (placeholder values, every
    /// field, all three coordinate forms) decodes and encodes back to the same JSON.
    @Test func oicp22ExampleRoundTrip() throws {
        let text = try golden("push-example-shape-2.2.json")
        let json = try JSONParser().parse(Array(text.utf8))
        let (push, problems) = OICPDecoder(version: .v2_2).decodePush(json)
        #expect(problems.isEmpty, "\(problems)")
        let again = try JSONParser().parse(OICPEncoder(version: .v2_2).encode(push))
        #expect(again.isEquivalent(to: json))
    }

    @Test func oicp23RoundTrip() throws {
        let text = push(.v2_3)
        let json = try JSONParser().parse(Array(text.utf8))
        let (decoded, problems) = OICPDecoder(version: .v2_3).decodePush(json)
        #expect(problems.isEmpty)
        #expect(decoded.operatorEvseData?.evseDataRecord?.first == Fixtures.fullRecord().prepared(for: .v2_3))
        #expect(String(decoding: OICPEncoder(version: .v2_3).encode(decoded), as: UTF8.self) + "\n" == text)
    }

    @Test func coordinatesUseFixedDecimals() throws {
        var r = Fixtures.validRecord()
        r.geoCoordinates = .decimalDegree(latitude: 1e-7, longitude: 52.52)
        var w = JSONWriter()
        OICPEncoder(version: .v2_3).write(r, into: &w)
        let text = String(decoding: w.bytes, as: UTF8.self)
        #expect(text.contains(#""Latitude":"0.000000","Longitude":"52.520000""#))
        #expect(!text.contains("e-"))
    }

    @Test func stringsAreEscaped() {
        var w = JSONWriter()
        w.string("a\"b\\c\nd\u{01}é")
        #expect(String(decoding: w.bytes, as: UTF8.self) == #""a\"b\\c\nd\u0001é""#)
    }

    @Test("every kind of string in a record is escaped, remembered parts included", arguments: [OICPVersion.v2_3, .v2_2])
    func recordStringsAreEscaped(version: OICPVersion) throws {
        let odd = "a\"b\\c\nd\u{01}é"
        var r = Fixtures.fullRecord()
        r.evseID = odd
        r.chargingStationNames = [InfoText(lang: "de", value: odd)]
        r.address?.city = odd
        r.address?.timeZone = odd
        r.geoCoordinates = GeoCoordinates(google: odd)
        r.plugs = [PlugType(rawValue: odd), .type2Outlet]
        r.chargingFacilities?[0].powerType = PowerType(rawValue: odd)
        r.accessibility = Accessibility(rawValue: odd)
        r.additionalInfo = [InfoText(lang: odd, value: odd)]
        r.openingTimes = [OpeningTimes(period: [Period(begin: odd, end: "20:00")], on: OpeningDay(rawValue: odd))]
        let prepared = r.prepared(for: version)
        let encoder = OICPEncoder(version: version)
        var memo = EncodingMemo()
        for _ in 0..<2 {  // the second time, address, position and names come from the memo
            var w = JSONWriter()
            encoder.writePrepared(prepared, into: &w, memo: &memo)
            let (back, _) = OICPDecoder(version: version).decodeRecord(try JSONParser().parse(w.bytes))
            #expect(back == prepared)
        }
    }

    @Test("escapes are found wherever they sit: inside and across the eight-byte blocks, and in the tail")
    func escapesAtEveryPosition() {
        for length in 1...40 {
            for position in 0..<length {
                for special in ["\"", "\\", "\n", "\u{1F}"] {
                    var chars = Array(repeating: "x", count: length)
                    chars[position] = special
                    var w = JSONWriter()
                    w.string(chars.joined())
                    let escaped = special == "\"" ? "\\\"" : special == "\\" ? "\\\\" : special == "\n" ? "\\n" : "\\u001f"
                    chars[position] = escaped
                    #expect(String(decoding: w.bytes, as: UTF8.self) == "\"" + chars.joined() + "\"")
                }
            }
        }
    }

    @Test("escapes among multi-byte characters are found, and the text around them is kept", arguments: 0..<24)
    func escapesAmongMultiByteText(position: Int) {
        // "é" and "€" have bytes above 0x7F, none of which needs an escape.
        var chars = (0..<24).map { $0 % 3 == 0 ? "é" : $0 % 3 == 1 ? "x" : "€" }
        var plain = JSONWriter()
        plain.string(chars.joined())
        #expect(String(decoding: plain.bytes, as: UTF8.self) == "\"" + chars.joined() + "\"")
        chars[position] = "\u{7}"
        var w = JSONWriter()
        w.string(chars.joined())
        chars[position] = "\\u0007"
        #expect(String(decoding: w.bytes, as: UTF8.self) == "\"" + chars.joined() + "\"")
    }

    @Test("commas and line breaks stay right in containers nested deeper than 64 levels")
    func deepNesting() {
        var w = JSONWriter(lineBreakArrayDepth: 1)
        w.beginArray()
        for _ in 0..<100 { w.beginArray(); w.int(1) }
        for _ in 0..<100 { w.int(2); w.endArray() }
        w.int(3)
        w.endArray()
        let expected = "[\n" + String(repeating: "[1,", count: 100) + String(repeating: "2]", count: 100)
            .replacingOccurrences(of: "]2", with: "],2") + ",\n3\n]"
        #expect(String(decoding: w.bytes, as: UTF8.self) == expected)
        var copy = w
        copy.removeAll()
        copy.beginArray()
        copy.bool(true)
        copy.endArray()
        #expect(String(decoding: copy.bytes, as: UTF8.self) == "[\ntrue\n]")
        #expect(String(decoding: w.bytes, as: UTF8.self) == expected)  // the copy wrote its own bytes
    }

    @Test func acknowledgement() throws {
        let ack = Acknowledgement(result: true, statusCode: StatusCode(code: "000", description: "Success"),
            sessionID: "f98efba4-02d8-4fa0-b810-9a9d50d2c527")
        let bytes = OICPEncoder(version: .v2_3).encode(ack)
        #expect(String(decoding: bytes, as: UTF8.self)
            == #"{"Result":true,"StatusCode":{"Code":"000","Description":"Success"},"SessionID":"f98efba4-02d8-4fa0-b810-9a9d50d2c527"}"#)
        let (back, problems) = OICPDecoder(version: .v2_3).decodeAcknowledgement(try JSONParser().parse(bytes))
        #expect(problems.isEmpty)
        #expect(back == ack)
        #expect(back.isSuccess)
        #expect(StatusCode(code: "018").meaning == "inconsistent EvseID")
        #expect(OICPValidator(version: .v2_3).validate(ack).isEmpty)
    }

    @Test func acknowledgementRules() {
        let v = OICPValidator(version: .v2_3)
        let bad = Acknowledgement(result: nil, statusCode: StatusCode(code: "0", description: String(repeating: "d", count: 201)),
            sessionID: "not-a-session", cpoPartnerSessionID: String(repeating: "c", count: 251))
        #expect(v.validate(bad).map(\.rule) == [.required, .statusCode, .length, .sessionIDPattern, .length])
        #expect(v.validate(Acknowledgement(result: false, statusCode: nil)).map(\.path) == ["StatusCode"])
    }
}

@Suite struct EncodingMemoTests {
    /// Records whose parts repeat and change in turn: equal to the one before, different, back.
    func records() -> [EvseDataRecord] {
        let base = Fixtures.fullRecord()
        var other = base
        other.address?.city = "Bonn"
        other.geoCoordinates = .decimalDegree(latitude: 50.7374, longitude: 7.0982)
        other.chargingStationNames = [InfoText(lang: "de", value: "Bahnhof")]
        other.openingTimes = [OpeningTimes(period: [Period(begin: "08:00", end: "18:00")], on: .workdays)]
        var cityOnly = base
        cityOnly.address?.city = "Köln-Deutz"
        return [base, base, other, other, base, cityOnly, base, Fixtures.validRecord(), base] + tails()
    }

    /// Records whose members after the facilities repeat (the same storage: a copy of a record),
    /// or differ in one member each, or repeat in new storage; one with no member before them.
    func tails() -> [EvseDataRecord] {
        var lean = Fixtures.fullRecord()
        // An environmental impact or an entrance position keeps a record's tail from the memo.
        lean.environmentalImpact = nil
        lean.geoChargingPointEntrance = nil
        var out = [lean, lean]
        let changes: [(inout EvseDataRecord) -> Void] = [
            { $0.renewableEnergy = !($0.renewableEnergy ?? false) },
            { $0.calibrationLawDataAvailability = .external },
            { $0.authenticationModes = [.remote] },
            { $0.maxCapacity = 51 },
            { $0.maxCapacity = nil },
            { $0.paymentOptions = [.direct] },
            { $0.valueAddedServices = nil },
            { $0.accessibility = .restrictedAccess },
            { $0.accessibilityLocation = nil },
            { $0.hotlinePhoneNumber = "+49301234568" },
            { $0.additionalInfo = [InfoText(lang: "en", value: "Level 3")] },
            { $0.chargingStationLocationReference = nil },
            { $0.isOpen24Hours = true },
            { $0.openingTimes = [OpeningTimes(period: [Period(begin: "08:00", end: "21:00")], on: .workdays)] },
            { $0.hubOperatorID = "DE*HUC" },
            { $0.clearinghouseID = nil },
            { $0.isHubjectCompatible = !($0.isHubjectCompatible ?? false) },
            { $0.dynamicInfoAvailable = .false },
            { $0.energySource = [EnergySource(energy: .solar, percentage: 100)] },
            { $0.environmentalImpact = EnvironmentalImpact(co2Emission: 1, nuclearWaste: 2) },
            { $0.geoChargingPointEntrance = .google(latitude: 50.9, longitude: 6.9) },
            // Equal text in new storage.
            { $0.hotlinePhoneNumber = String(decoding: Array(($0.hotlinePhoneNumber ?? "").utf8), as: UTF8.self) },
        ]
        for change in changes {
            var r = lean
            change(&r)
            out += [r, r, lean]
        }
        // Changed in place after being written: the memo's copy keeps the old list.
        var grown = lean
        out.append(grown)
        grown.paymentOptions?.append(.noPayment)
        out += [grown, lean]
        var tailOnly = EvseDataRecord()
        tailOnly.hotlinePhoneNumber = lean.hotlinePhoneNumber
        tailOnly.isHubjectCompatible = true
        out += [tailOnly, tailOnly, lean, tailOnly]
        return out
    }

    @Test("a tail's key is the same for a copy of the record and differs when a member changes")
    func tailKeys() throws {
        let records = tails()
        let lean = try #require(TailMemo.key(records[0], .v2_3))
        #expect(TailMemo.key(records[1], .v2_3) == lean)
        #expect(TailMemo.key(records[0], .v2_2) != lean)
        // tails() gives each changed record twice, then the lean one again.
        var changed = 0
        for i in stride(from: 2, to: 2 + 3 * 22, by: 3) {
            #expect(TailMemo.key(records[i + 2], .v2_3) == lean)
            guard let key = TailMemo.key(records[i], .v2_3) else { continue }
            #expect(TailMemo.key(records[i + 1], .v2_3) == key)
            if key != lean { changed += 1 }
        }
        // All but the two kept from the memo (nil keys) and the hotline in new storage (a small
        // string: the same bits) change the key.
        #expect(changed == 19)
    }

    @Test("the tail table keeps several tails at once, each with its result, and a tail in a taken slot replaces what was there")
    func tailTableKeepsSeveral() {
        // Keys that differ in a small string (held in its bits: the same slots on every run),
        // six of them in slots of their own, and one more in the first one's slot.
        func key(_ n: Int) -> TailMemo.Key {
            var k = TailMemo.Key()
            k.hotline = StorageBits.of("+4930\(1_000_000 + n)")
            return k
        }
        var keys: [TailMemo.Key] = []
        var slots: [Int] = []
        var n = 0
        var rival: TailMemo.Key?
        while keys.count < 6 || rival == nil {
            let k = key(n)
            n += 1
            let slot = k.slot
            if !slots.contains(slot) && keys.count < 6 {
                keys.append(k)
                slots.append(slot)
            } else if rival == nil, slots.first == slot, keys.count > 0 {
                rival = k
            }
        }
        var table = TailTable<Int>()
        for (i, k) in keys.enumerated() { table.remember(k, of: EvseDataRecord(), empty: -1) { $0 = i } }
        for (i, k) in keys.enumerated() {
            var got = -1
            #expect(table.withResult(for: k) { got = $0 }, "key \(i)")
            #expect(got == i)
        }
        table.remember(rival!, of: EvseDataRecord(), empty: -1) { $0 = 99 }
        #expect(!table.withResult(for: keys[0]) { _ in })
        var got = -1
        #expect(table.withResult(for: rival!) { got = $0 })
        #expect(got == 99)
        #expect(table.withResult(for: keys[1]) { _ in })
    }

    /// As many records as a tail memo's trial and a few more: the same tail on each, or a new
    /// hotline on each (a tail seen once).
    func trialTails(repeating: Bool) -> [EvseDataRecord] {
        let lean = tails()[0]
        return (0..<(TailMemo.trial + 10)).map { i in
            var r = lean
            if !repeating { r.hotlinePhoneNumber = "+4930\(1_000_000 + i)" }
            return r
        }
    }

    @Test("the tail memo turns itself off when tails seldom repeat, and stays on when they do")
    func tailMemoTrial() {
        let encoder = OICPEncoder(version: .v2_3)
        for repeating in [false, true] {
            var memo = EncodingMemo()
            for r in trialTails(repeating: repeating) {
                var plain = JSONWriter()
                encoder.writePrepared(r, into: &plain)
                var remembered = JSONWriter()
                encoder.writePrepared(r, into: &remembered, memo: &memo)
                #expect(remembered.bytes == plain.bytes)
            }
            #expect(memo.tail.enabled == repeating)
        }
    }

    @Test("with a memo, each record is written exactly as without one", arguments: [OICPVersion.v2_3, .v2_2])
    func memoChangesNothing(version: OICPVersion) {
        let encoder = OICPEncoder(version: version)
        var memo = EncodingMemo()
        for (i, record) in records().enumerated() {
            let prepared = record.prepared(for: version)
            var plain = JSONWriter()
            encoder.writePrepared(prepared, into: &plain)
            var remembered = JSONWriter()
            remembered.beginArray()
            remembered.string("before")
            encoder.writePrepared(prepared, into: &remembered, memo: &memo)
            remembered.endArray()
            #expect(remembered.bytes == Array("[\"before\",".utf8) + plain.bytes + Array("]".utf8), "record \(i)")
        }
    }
}
