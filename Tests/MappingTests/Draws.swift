/// Deterministic draws (a linear congruential generator) for generated test inputs, so that a
/// failure can be replayed.
struct Draws {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    /// A number below `bound`.
    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33) % bound
    }
}
