import Bundles
import Conversion
import Foundation

/// The table printed at the end of `convert`: per operator, what was written and rejected,
/// and why; and the delta when there is one.
enum RunSummary {
    static func table(_ result: ConversionResult, previous: String?) -> String {
        let report = result.report
        var rows: [[String]] = [["operator", "written", "rejected", "top reasons"]]
        for o in report.operators {
            let reasons = o.rejectedByRule.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3)
                .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            rows.append([o.operatorID, String(o.written), String(o.rejected), reasons])
        }
        // Records rejected before an operator was known (no OperatorID, unreadable rows).
        let unattributed = report.rejected - report.operators.reduce(0) { $0 + $1.rejected }
        if unattributed > 0 {
            var byRule = report.rejectedByRule
            for o in report.operators { for (rule, n) in o.rejectedByRule { byRule[rule, default: 0] -= n } }
            let reasons = byRule.filter { $0.value > 0 }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3)
                .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            rows.append(["(no operator)", "0", String(unattributed), reasons])
        }
        var text = format(rows)
        if let delta = report.delta {
            text += "\n\ndelta against \(previous ?? "the previous run"):\n" + deltaTable(delta, files: result.deltaBundles.map(\.fileName))
        }
        return text
    }

    /// Per operator, what the delta holds, and the files to push in order.
    static func deltaTable(_ delta: [DeltaWriter.Counts], files: [String]) -> String {
        var d: [[String]] = [["operator", "insert", "update", "delete", "kept", "unchanged"]]
        for c in delta {
            d.append([c.operatorID, String(c.inserted), String(c.updated), String(c.deleted), String(c.kept + c.deletionsHeldBack), String(c.unchanged)])
        }
        return format(d) + (files.isEmpty ? "\nnothing changed: nothing to push"
            : "\npush in this order, one request at a time:\n" + files.map { "  " + $0 }.joined(separator: "\n"))
    }

    static func format(_ rows: [[String]]) -> String {
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : (c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - cell.count) + cell)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

/// A progress line on stderr for long runs on a terminal: records per second and share read.
final class ProgressLine: @unchecked Sendable {
    let enabled = isatty(STDERR_FILENO) != 0
    private let start = Date()
    private let lock = NSLock()
    private var shown = false

    func update(bytes: Int, of size: Int) {
        guard enabled, size > 0 else { return }
        let seconds = Date().timeIntervalSince(start)
        guard seconds > 1 else { return }
        let share = Int(Double(bytes) / Double(size) * 100)
        let rate = Double(bytes) / seconds / 1_048_576
        lock.lock()
        shown = true
        FileHandle.standardError.write(Data("\r\(share)% read, \(String(format: "%.1f", rate)) MB/s ".utf8))
        lock.unlock()
    }

    func clear() {
        lock.lock()
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
        lock.unlock()
    }
}
