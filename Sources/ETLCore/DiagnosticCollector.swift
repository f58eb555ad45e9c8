import Foundation

/// Collects diagnostics from every stage of a run, from any thread.
///
/// All diagnostics are counted (by severity and rule); the first `limit` are kept in memory for
/// the report, so a file with a million bad rows does not hold a million messages. A handler
/// (printing to stderr, for instance) sees each diagnostic as it arrives.
public final class DiagnosticCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [Diagnostic] = []
    private var severityCounts: [Diagnostic.Severity: Int] = [:]
    private var ruleCounts: [String: Int] = [:]
    private let limit: Int
    private let handler: (@Sendable (Diagnostic) -> Void)?

    public init(limit: Int = 1000, handler: (@Sendable (Diagnostic) -> Void)? = nil) {
        self.limit = limit
        self.handler = handler
    }

    public func emit(_ diagnostic: Diagnostic) {
        lock.lock()
        if kept.count < limit { kept.append(diagnostic) }
        severityCounts[diagnostic.severity, default: 0] += 1
        if let rule = diagnostic.rule { ruleCounts[rule, default: 0] += 1 }
        lock.unlock()
        handler?(diagnostic)
    }

    /// Counts diagnostics without their details (`times` of them): for the long tail of a rule
    /// that has already been reported many times (the rejects file holds every one).
    public func tally(_ severity: Diagnostic.Severity, rule: String, times: Int = 1) {
        lock.lock()
        severityCounts[severity, default: 0] += times
        ruleCounts[rule, default: 0] += times
        lock.unlock()
    }

    /// The diagnostics kept (at most `limit`), in arrival order.
    public var diagnostics: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return kept
    }

    public func count(_ severity: Diagnostic.Severity) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return severityCounts[severity, default: 0]
    }

    /// How many diagnostics of each rule were emitted.
    public var countsByRule: [String: Int] {
        lock.lock()
        defer { lock.unlock() }
        return ruleCounts
    }

    public var hasErrors: Bool { count(.error) > 0 }
}
