import ETLCore
import Foundation

/// Prints diagnostics to stderr as `file:line: error: [rule] message`, at most a few per rule,
/// in colour only on a terminal (and never when NO_COLOR is set).
final class DiagnosticPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private let perRuleLimit: Int
    private var printed: [String: Int] = [:]
    private var suppressed: [String: Int] = [:]
    private let colour: Bool

    init(perRuleLimit: Int) {
        self.perRuleLimit = perRuleLimit
        colour = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    func print(_ d: Diagnostic) {
        let key = d.rule ?? d.severity.rawValue
        lock.lock()
        let count = printed[key, default: 0]
        if count >= perRuleLimit {
            suppressed[key, default: 0] += 1
            lock.unlock()
            return
        }
        printed[key] = count + 1
        lock.unlock()
        write(format(d))
    }

    func printAlways(_ d: Diagnostic) { write(format(d)) }

    func note(_ text: String) { write(text) }

    /// One line per rule whose messages were cut short.
    func printSuppressed() {
        lock.lock()
        let s = suppressed
        lock.unlock()
        for rule in s.keys.sorted() {
            write("… \(s[rule]!) more [\(rule)] messages (all are in report.json and rejects.csv)")
        }
    }

    private func format(_ d: Diagnostic) -> String {
        guard colour else { return d.description }
        let text = d.description
        let label = d.severity.rawValue + ":"
        let code = switch d.severity {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;33m"
        case .note: "\u{1B}[1;36m"
        }
        return text.replacingOccurrences(of: " " + label, with: " " + code + label + "\u{1B}[0m", options: [], range: text.range(of: " " + label))
    }

    private func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
