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
        if isAlwaysOpen(normalized) { return .success(.alwaysOpen) }
        // Day index (0 = Monday) → periods.
        var schedule: [[Period]] = Array(repeating: [], count: 7)
        var any = false
        for rawRule in normalized.split(separator: ";") {
            // "Mo-Fr 08:00-12:00, Mo-Fr 14:00-18:00": after a comma, a rule that starts with a day
            // is an additional rule (OSM): it adds to the days' hours instead of replacing them.
            for (index, part) in additionalRules(String(rawRule)).enumerated() {
                let rule = part.trimmingWhitespace()
                if rule.isEmpty || rule.hasPrefix("ph") { continue }  // public holidays: OICP has no place for them
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
                        return .failure(Failure(message: "'\(span.trimmingWhitespace())' is not a time span such as 08:00-18:00"))
                    }
                    periods.append(Period(begin: begin, end: end))
                }
                guard !periods.isEmpty else { return .failure(Failure(message: "'\(rule)' has no time span")) }
                for d in dayIndexes { schedule[d] = index == 0 ? periods : schedule[d] + periods }
                any = true
            }
        }
        guard any else { return .failure(Failure(message: "no opening hours found")) }
        schedule = schedule.map(mergeOverlapping)
        if schedule.allSatisfy({ $0 == [Period(begin: "00:00", end: "24:00")] || $0 == [Period(begin: "00:00", end: "23:59")] }) {
            return .success(.alwaysOpen)
        }
        return .success(OpeningHours(isOpen24Hours: false, openingTimes: group(schedule)))
    }

    /// `24/7` and its many spellings: `24h/24 7j/7`, `24/24 7/7 jours`, `accessible 24h/24 - 7j/7`,
    /// `24/24_7/7`, `24h/24h`, `rund um die Uhr`.
    static func isAlwaysOpen(_ text: String) -> Bool {
        if alwaysOpenSpellings.contains(text) { return true }
        var t = text
        for word in ["accessible", "jours", "jour", " et ", "sur", "ouvert", "open", "geöffnet"] {
            t = t.replacingOccurrences(of: word, with: " ")
        }
        let compact = t.filter { $0.isNumber || $0 == "/" || $0 == "h" || $0 == "j" || $0 == "d" || $0.isLetter }
        let known: Set<String> = ["24/7", "24/24", "24h/24", "24h/24h", "24/247/7", "24h/247j/7", "24h/247/7", "24h/24h7j/7j", "24h/247/j7",
                                  "24/247j/7", "24h", "24/7/365", "24h/7j", "24h/7", "24/7j", "h24", "24h7j", "24h/247d/7"]
        return known.contains(compact) || alwaysOpenSpellings.contains(t.trimmingWhitespace())
    }

    /// The parts of a rule separated by a comma that follows a time and precedes a day name.
    static func additionalRules(_ rule: String) -> [String] {
        var parts: [String] = []
        var current = ""
        let chars = Array(rule)
        var i = 0
        while i < chars.count {
            // Only after a time: in "Sa,Su 10:00-12:00" the comma joins days.
            if chars[i] == ",", current.contains(where: \.isNumber) {
                var j = i + 1
                while j < chars.count && chars[j] == " " { j += 1 }
                let next = String(chars[j..<min(j + 2, chars.count)])
                if days.contains(where: { $0.abbreviation == next }) {
                    parts.append(current)
                    current = ""
                    i = j
                    continue
                }
            }
            current.append(chars[i])
            i += 1
        }
        parts.append(current)
        return parts
    }

    /// Sorted periods with overlapping and touching ones joined.
    static func mergeOverlapping(_ periods: [Period]) -> [Period] {
        let sorted = periods.sorted { ($0.begin ?? "") < ($1.begin ?? "") }
        var out: [Period] = []
        for p in sorted {
            if let last = out.last, let lastEnd = last.end, let begin = p.begin, let end = p.end, begin <= lastEnd, last.begin! <= begin {
                // An end before its begin crosses midnight; leave such periods alone.
                if end >= begin {
                    out[out.count - 1].end = max(lastEnd, end)
                    continue
                }
            }
            out.append(p)
        }
        return out
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

    /// `8:00`, `08:00`, `08:00:00`, `0800`, `8h`, `8h30` → `08:00`.
    static func time(_ text: String) -> String? {
        var t = text.replacingOccurrences(of: "h", with: ":").replacingOccurrences(of: ".", with: ":")
        if t.hasSuffix(":") { t += "00" }
        if !t.contains(":"), t.count == 4 { t.insert(":", at: t.index(t.startIndex, offsetBy: 2)) }
        var parts = t.split(separator: ":")
        // `07:00:00`: seconds of zero, as XML times write them.
        if parts.count == 3 && parts[2] == "00" { parts.removeLast() }
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

import ETLCore

extension OpeningHoursParser {
    /// OCPI `opening_times`: `{ "twentyfourseven": true }` or
    /// `{ "regular_hours": [{ "weekday": 1, "period_begin": "08:00", "period_end": "18:00" }, …] }`
    /// (weekday 1 is Monday). Exceptional openings and closings have no place in OICP.
    static func parseOCPI(_ node: SourceNode) -> Result<OpeningHours, Failure> {
        let node = node.materialized
        if case .bool(true)? = node["twentyfourseven"] { return .success(.alwaysOpen) }
        if case .text(let t)? = node["twentyfourseven"], t.lowercased() == "true" { return .success(.alwaysOpen) }
        guard case .array(let regular)? = node["regular_hours"], !regular.isEmpty else {
            return .failure(Failure(message: "neither twentyfourseven nor regular_hours"))
        }
        var schedule: [[Period]] = Array(repeating: [], count: 7)
        for entry in regular {
            // OCPI counts 1 (Monday) to 7 (Sunday); feeds that count from 0 mean Sunday by 0.
            guard var day = entry["weekday"]?.scalarText.flatMap({ Int($0) }), (0...7).contains(day) else {
                return .failure(Failure(message: "a regular_hours entry without a weekday 1 to 7"))
            }
            if day == 0 { day = 7 }
            guard let b = entry["period_begin"]?.scalarText.flatMap(time), let e = entry["period_end"]?.scalarText.flatMap(time) else {
                return .failure(Failure(message: "a regular_hours entry without period_begin and period_end as hh:mm"))
            }
            schedule[day - 1].append(Period(begin: b, end: e))
        }
        schedule = schedule.map(mergeOverlapping)
        if schedule.allSatisfy({ $0 == [Period(begin: "00:00", end: "24:00")] || $0 == [Period(begin: "00:00", end: "23:59")] }) {
            return .success(.alwaysOpen)
        }
        return .success(OpeningHours(isOpen24Hours: false, openingTimes: group(schedule)))
    }
}
