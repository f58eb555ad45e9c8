import Testing

@testable import Mapping

@Suite struct MappingStatisticsTests {
    @Test("counts of many fields, interleaved, come out per field and kind; indexed fields count together; merging adds them")
    func manyFieldsInterleaved() {
        let s = MappingStatistics()
        var expected: [String: Int] = [:]
        // Twelve fields (more than the counts held back before they are added), in turn.
        for round in 1...5 {
            for f in 0..<12 {
                s.dropped(field: "F\(f)[\(round % 2)].Voltage", times: f + 1)
                expected["F\(f).Voltage", default: 0] += f + 1
                if f % 3 == 0 { s.defaulted(field: "F\(f)") }
            }
        }
        s.truncated(field: "Name", times: 2)
        #expect(s.dropped == expected)
        #expect(s.defaulted == ["F0": 5, "F3": 5, "F6": 5, "F9": 5])
        #expect(s.truncated == ["Name": 2] && s.rounded.isEmpty && s.assumedKilowatts.isEmpty)
        // Counting goes on after the tables were read.
        s.dropped(field: "F0.Voltage")
        #expect(s.dropped["F0.Voltage"] == 6)

        let later = MappingStatistics()
        later.dropped(field: "F0[3].Voltage", times: 4)
        later.rounded(field: "Power", from: 3.7, to: 4)
        s.merge(later)
        #expect(s.dropped["F0.Voltage"] == 10 && s.rounded == ["Power": 1] && s.dropped.count == 12)
    }
}
