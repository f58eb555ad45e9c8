/// Turns on remembering the values of paths into scope objects (`$station.address.city`) for as
/// long as the scope object stays the same (records carry a number per scope that changes with
/// it). One per mapper: a path's memo counts only for the cache that filled it.
final class PathCache {}

/// The remembered value of one path (see ``SourcePath/memo``).
final class PathMemo: @unchecked Sendable {  // used by the one thread that runs its compiled mapping
    @exclusivity(unchecked) var owner: PathCache?
    @exclusivity(unchecked) var scopeID = -1
    @exclusivity(unchecked) var value: Value = .absent
}
