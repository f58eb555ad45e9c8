import Testing

@testable import OICP

/// The encoder's and the validator's memo of the kinds of facility met lately.
@Suite struct FacilityMemoTests {
    /// Facilities that repeat, differ from each other in one field each, carry findings (a
    /// line-to-line voltage, a mode that does not fit, a power out of range, no power type), and
    /// come back in new storage (text read again).
    static func facilities() -> [ChargingFacility] {
        let ac = ChargingFacility(powerType: .ac3Phase, voltage: 230, amperage: 32, power: 22, chargingModes: [.mode3])
        var out = [ac]
        let changes: [(inout ChargingFacility) -> Void] = [
            { $0.powerType = .ac1Phase },
            { $0.powerType = nil },
            { $0.voltage = 400 },  // a warning on AC
            { $0.voltage = nil },
            { $0.amperage = 16 },
            { $0.amperage = 120 },  // out of range in 2.3
            { $0.power = 22.5 },  // not an integer in 2.3
            { $0.power = 1000 },  // out of range
            { $0.power = nil },
            { $0.chargingModes = [.mode4] },  // does not fit AC
            { $0.chargingModes = nil },
            { $0.chargingModes?.append(.mode4) },
            // The same unknown value twice, in storage of its own each time.
            { $0.powerType = PowerType(rawValue: String(decoding: Array("AC_3_PHASE_BUT_LONGER_THAN_FIFTEEN".utf8), as: UTF8.self)) },
            { $0.powerType = PowerType(rawValue: "AC_3_PHASE_BUT_LONGER_THAN_FIFTEEN") },
        ]
        for change in changes {
            var f = ac
            change(&f)
            out += [f, f, ac]
        }
        return out
    }

    /// Records of one or two facilities from `facilities()`, in pairs that repeat and swap.
    static func records() -> [EvseDataRecord] {
        let list = facilities()
        var out: [EvseDataRecord] = []
        for i in list.indices {
            var r = Fixtures.validRecord()
            r.chargingFacilities = [list[i]]
            out.append(r)
            r.chargingFacilities = [list[(i + 3) % list.count], list[i]]
            out += [r, r]
        }
        return out
    }

    @Test("with a memo, each record is written exactly as without one", arguments: [OICPVersion.v2_3, .v2_2])
    func encodingChangesNothing(version: OICPVersion) {
        let encoder = OICPEncoder(version: version)
        var memo = EncodingMemo()
        for (i, record) in Self.records().enumerated() {
            let prepared = record.prepared(for: version)
            var plain = JSONWriter()
            encoder.writePrepared(prepared, into: &plain)
            var remembered = JSONWriter()
            encoder.writePrepared(prepared, into: &remembered, memo: &memo)
            #expect(remembered.bytes == plain.bytes, "record \(i)")
        }
    }

    @Test("with a memo, each record gets exactly the findings it gets without one, brief or not", arguments: [OICPVersion.v2_3, .v2_2])
    func validationChangesNothing(version: OICPVersion) {
        let validator = OICPValidator(version: version)
        var memo = ValidationMemo()
        // Sets of brief rules that change from record to record, two of them of the same size.
        let briefs: [Set<String>] = [[], [Rule.voltagePlausible.id], [Rule.chargingModePlausible.id],
                                     [Rule.voltagePlausible.id, Rule.chargingModePlausible.id]]
        var found = Set<String>()
        for (i, record) in Self.records().enumerated() {
            let r = record.prepared(for: version)
            let brief = briefs[(i / 5) % briefs.count]
            let plain = validator.validate(r, briefWarnings: brief)
            let remembered = validator.validate(r, briefWarnings: brief, memo: &memo)
            #expect(remembered == plain, "record \(i)")
            found.formUnion(plain.map { "\($0.rule.id) \($0.path)" })
        }
        // The facilities carry findings at both indexes, brief (no path) and in full.
        if version == .v2_3 {
            #expect(found.isSuperset(of: ["voltage.line-to-neutral ChargingFacilities[0].Voltage", "voltage.line-to-neutral ",
                "charging-mode.power-type ChargingFacilities[1].ChargingModes", "field.required ChargingFacilities[0].PowerType",
                "number.range ChargingFacilities[1].Amperage"]))
        }
    }

    @Test("a facility checked with some warnings brief, met again with others as many, gets its warnings as a check gives them")
    func otherBriefWarningsOfTheSameCount() {
        let validator = OICPValidator(version: .v2_3)
        var r = Fixtures.validRecord()
        r.chargingFacilities = [ChargingFacility(powerType: .ac3Phase, voltage: 400, amperage: 32, power: 22)]  // line to line
        var memo = ValidationMemo()
        for brief: Set<String> in [[Rule.voltagePlausible.id], [Rule.chargingModePlausible.id], [Rule.voltagePlausible.id], []] {
            let plain = validator.validate(r, briefWarnings: brief)
            #expect(validator.validate(r, briefWarnings: brief, memo: &memo) == plain, "\(brief)")
            #expect(plain.contains { $0.rule == .voltagePlausible && $0.path.isEmpty == brief.contains(Rule.voltagePlausible.id) })
        }
    }

    @Test("a facility met again is found; one that differs in any field, or in another context, is not")
    func keys() {
        var memo = FacilityMemo<Int>()
        let list = Self.facilities()
        let ac = list[0]
        #expect(!memo.withResult(for: .init(ac, context: 0)) { _ in })
        memo.remember(.init(ac, context: 0), of: ac, empty: 0) { $0 = 7 }
        var got = 0
        #expect(memo.withResult(for: .init(ac, context: 0)) { got = $0 })
        #expect(got == 7)
        let copy = ac
        #expect(memo.withResult(for: .init(copy, context: 0)) { _ in })
        #expect(!memo.withResult(for: .init(ac, context: 1)) { _ in })
        // facilities() gives each changed facility twice, then the first one again.
        for i in stride(from: 1, to: list.count, by: 3) {
            #expect(FacilityKey(list[i], context: 0) != FacilityKey(ac, context: 0), "facility \(i)")
            #expect(FacilityKey(list[i + 1], context: 0) == FacilityKey(list[i], context: 0), "facility \(i)")
        }
    }

    @Test("the key names every stored field of a facility (a field added later must join it)")
    func keyCoversEveryField() {
        #expect(Mirror(reflecting: ChargingFacility()).children.compactMap(\.label) == ["powerType", "voltage", "amperage", "power", "chargingModes"])
        #expect(MemoryLayout<PowerType?>.size == 16 && MemoryLayout<[ChargingMode]?>.size == 8 && MemoryLayout<Set<String>>.size == 8)
        // A set and its copy share their storage; a changed copy does not.
        let brief: Set<String> = [Rule.voltagePlausible.id]
        var other = brief
        #expect(StorageBits.same(brief, other))
        other.insert(Rule.chargingModePlausible.id)
        #expect(!StorageBits.same(brief, other))
    }
}
