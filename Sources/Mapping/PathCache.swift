import ETLCore
import Foundation

/// Turns on remembering what depends only on scope objects (`$station.address.city`, a whole
/// address read from `$station`) for as long as the scope objects stay the same (records carry a
/// number per scope object). One per mapper: what is remembered counts only for the cache that
/// filled it.
final class PathCache: @unchecked Sendable {  // used by the one thread that runs its mapper
    /// The number of the present record's combination of scope objects (set by `enter`): it
    /// changes when any of them does, and no two caches give the same number (a compiled mapping
    /// may serve two mappers).
    @exclusivity(unchecked) private(set) var generation: Int
    /// The last record's scope numbers: none (CSV rows), a key, or objects without numbers.
    private enum Last: Equatable {
        case none
        case key(SourceRecord.ScopeKey)
        case unnumbered
    }
    @exclusivity(unchecked) private var last = Last.none

    init() { generation = Self.nextSerial() << 36 }

    /// Takes the scope objects of the record about to be mapped.
    @inline(__always) func enter(_ record: SourceRecord) {
        if case .none = last, !record.hasScopes { return }
        change(record)
    }

    private func change(_ record: SourceRecord) {
        let now: Last = record.hasScopes ? record.scopeKey.map(Last.key) ?? .unnumbered : .none
        // Scope objects without numbers cannot be told apart: a new generation for each record.
        if now != last || now == .unnumbered {
            last = now
            generation += 1
        }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var serial = 0

    private static func nextSerial() -> Int {
        lock.lock()
        defer { lock.unlock() }
        serial += 1
        return serial
    }
}

/// The remembered value of one path (see ``SourcePath/memo``).
final class PathMemo: @unchecked Sendable {  // used by the one thread that runs its compiled mapping
    @exclusivity(unchecked) var owner: PathCache?
    @exclusivity(unchecked) var scopeID = -1
    @exclusivity(unchecked) var value: Value = .absent
}
