import OICP

/// Reads opening hours written as `24/7` or in the OpenStreetMap style
/// (`Mo-Fr 08:00-18:00; Sa 09:00-13:00`, `Mo-Fr 08:00-12:00,14:00-18:00`, `Mo,We 10:00-12:00`,
/// `08:00-20:00`, `Su off`) into OICP OpeningTimes.
///
/// Day groups become `Everyday` (all seven days), `Workdays` (Monday to Friday) and `Weekend`
/// (Saturday and Sunday) where they cover those days, and single days otherwise:
/// `Mo-Sa 06:00-22:00` is `Workdays` and `Saturday`.
enum OpeningHoursParser {
    struct Failure: Error, Equatable {
        let message: String
    }

    static let alwaysOpenSpellings: Set<String> = [
        "24/7", "24/24", "24h/24", "24h/7", "24/7/365", "24h", "24 h", "24h/24 7j/7", "24h/24 7/7", "24/24 7/7",
        "24h24 7j7", "24/7j", "mo-su 00:00-24:00", "mo-su 00:00-23:59", "00:00-24:00", "00:00-23:59", "always", "open 24/7",
        "rund um die uhr", "24 stunden", "ganztägig", "h24",
    ]

    /// English two-letter day names, Monday first, and their OICP day.
    static let days: [(abbreviation: String, day: OpeningDay)] = [
        ("mo", .monday), ("tu", .tuesday), ("we", .wednesday), ("th", .thursday), ("fr", .friday), ("sa", .saturday), ("su", .sunday),
    ]

    static func parse(_ text: String) -> Result<OpeningHours, Failure> {
        let normalized = text.trimmingWhitespace().lowercased()
            .replacingOccurrences(of: "\u{2013}", with: "-").replacingOccurrences(of: "\u{2014}", with: "-")
        if alwaysOpenSpellings.contains(normalized) || alwaysOpenSpellings.contains(normalized.replacingOccurrences(of: " ", with: "")) {
            return .success(.alwaysOpen)
        }
        // "Mo-Fr 08:00-18:00, Sa 09:00-12:00": a comma before a day name starts a new rule.
        var normalizedRules = normalized
        for (abbreviation, _) in days {
            normalizedRules = normalizedRules.replacingOccurrences(of: ", \(abbreviation)", with: "; \(abbreviation)")
        }
        // Day index (0 = Monday) → periods.
        var schedule: [[Period]] = Array(repeating: [], count: 7)
        var any = false
        for rawRule in normalizedRules.split(separator: ";") {
            let rule = rawRule.trimmingWhitespace()
            if rule.isEmpty { continue }
            if rule.hasPrefix("ph") { continue }  // public holidays: OICP has no place for them
            let (dayPart, timePart) = split(rule)
            let dayIndexes: [Int]
            if dayPart.isEmpty {
                dayIndexes = Array(0..<7)
            } else {
                switch parseDays(dayPart) {
                case .success(let d): dayIndexes = d
                case .failure(let f): return .failure(f)
                }
            }
            if timePart == "off" || timePart == "closed" {
                for d in dayIndexes { schedule[d] = [] }
                any = true
                continue
            }
            var periods: [Period] = []
            for span in timePart.split(separator: ",") {
                let parts = span.split(separator: "-").map { $0.trimmingWhitespace() }
                guard parts.count == 2, let begin = time(parts[0]), let end = time(parts[1]) else {
                    return .failure(Failure(message: "'\(span)' is not a time span such as 08:00-18:00"))
                }
                periods.append(Period(begin: begin, end: end))
            }
            guard !periods.isEmpty else { return .failure(Failure(message: "'\(rule)' has no time span")) }
            for d in dayIndexes { schedule[d] = periods }  // a later rule overrides, as in OSM
            any = true
        }
        guard any else { return .failure(Failure(message: "no opening hours found")) }
        if schedule.allSatisfy({ $0 == [Period(begin: "00:00", end: "24:00")] || $0 == [Period(begin: "00:00", end: "23:59")] }) {
            return .success(.alwaysOpen)
        }
        return .success(OpeningHours(isOpen24Hours: false, openingTimes: group(schedule)))
    }

    /// Splits `mo-fr 08:00-18:00` into days and times; a rule that starts with a digit has no days.
    static func split(_ rule: String) -> (days: String, times: String) {
        if rule.first?.isNumber == true { return ("", rule) }
        if rule == "off" || rule == "closed" { return ("", rule) }
        guard let space = rule.firstIndex(where: { $0 == " " }) else { return (rule, "") }
        return (String(rule[..<space]).trimmingWhitespace(), String(rule[space...]).trimmingWhitespace())
    }

    static func parseDays(_ text: String) -> Result<[Int], Failure> {
        var out: [Int] = []
        for part in text.split(separator: ",") {
            let range = part.split(separator: "-").map { String($0.prefix(2)) }
            guard let a = days.firstIndex(where: { $0.abbreviation == range.first }) else {
                return .failure(Failure(message: "'\(part)' is not a day such as Mo or Mo-Fr"))
            }
            if range.count == 1 {
                out.append(a)
            } else if range.count == 2, let b = days.firstIndex(where: { $0.abbreviation == range[1] }) {
                var i = a
                while true {
                    out.append(i)
                    if i == b { break }
                    i = (i + 1) % 7  // Sa-Mo wraps
                }
            } else {
                return .failure(Failure(message: "'\(part)' is not a day range such as Mo-Fr"))
            }
        }
        return .success(out)
    }

    /// `8:00`, `08:00`, `0800`, `8h`, `8h30` → `08:00`.
    static func time(_ text: String) -> String? {
        var t = text.replacingOccurrences(of: "h", with: ":").replacingOccurrences(of: ".", with: ":")
        if t.hasSuffix(":") { t += "00" }
        if !t.contains(":"), t.count == 4 { t.insert(":", at: t.index(t.startIndex, offsetBy: 2)) }
        let parts = t.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0...59).contains(m),
            h < 24 || m == 0, parts[1].count == 2
        else { return nil }
        return (h < 10 ? "0" : "") + "\(h):" + (m < 10 ? "0" : "") + "\(m)"
    }

    /// Days with the same periods, grouped into Everyday, Workdays, Weekend or single days.
    static func group(_ schedule: [[Period]]) -> [OpeningTimes] {
        var out: [OpeningTimes] = []
        var done = Array(repeating: false, count: 7)
        for d in 0..<7 where schedule[d].isEmpty { done[d] = true }
        let same = { (a: Int, b: Int) in schedule[a] == schedule[b] }
        if (0..<7).allSatisfy({ !done[$0] && same($0, 0) }) {
            return [OpeningTimes(period: schedule[0], on: .everyday)]
        }
        for d in 0..<7 where !done[d] {
            if d == 0, (0..<5).allSatisfy({ !done[$0] && same($0, 0) }) {
                out.append(OpeningTimes(period: schedule[0], on: .workdays))
                for i in 0..<5 { done[i] = true }
                continue
            }
            if d == 5, !done[6], same(5, 6) {
                out.append(OpeningTimes(period: schedule[5], on: .weekend))
                done[5] = true
                done[6] = true
                continue
            }
            out.append(OpeningTimes(period: schedule[d], on: days[d].day))
            done[d] = true
        }
        return out
    }
}
