/// Values of paths into scope objects (`$station.address.city`), kept for as long as the
/// scope object stays the same (records carry a number per scope that changes with it).
final class PathCache {
    var values: [String: (scopeID: Int, value: Value)] = [:]
}
