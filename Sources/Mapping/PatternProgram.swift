/// A pattern of ``PatternSyntax`` compiled to a list of instructions and run by backtracking
/// over ASCII bytes, with ICU's leftmost-first meaning (the first alternative and the greedy
/// choice are tried first).
///
/// Each (instruction, position) state is entered at most once per search: a state entered
/// before either led to the match (and the search ended) or failed, and fails again. So a
/// search takes at most instructions × (length + 1) steps, whatever the pattern — no
/// catastrophic backtracking on untrusted text.
struct PatternProgram {
    enum Instruction {
        /// Consume one byte of the set.
        case set(PatternSyntax.ByteSet)
        /// Go on at the first; on failure, at the second.
        case split(Int, Int)
        case jump(Int)
        /// Record the position in a capture slot (group n has slots 2n and 2n + 1).
        case save(Int)
        case assert(PatternSyntax.Assertion)
        case match
    }

    let instructions: [Instruction]
    /// Two per group, group 0 being the whole match.
    let slotCount: Int
    /// The pattern starts with `^`: only a match at the start is tried.
    private let anchored: Bool
    /// The bytes a match can start with, when every match starts with one (a search skips
    /// the other positions without running the program).
    private let firstBytes: PatternSyntax.ByteSet?
    /// Programs above this size are left to ICU.
    static let maxInstructions = 2_000
    /// Searches needing more states than this (long texts) are left to ICU.
    static let maxStates = 1 << 22

    init?(_ parsed: PatternSyntax.Parsed) {
        var code: [Instruction] = [.save(0)]
        guard Self.emit(parsed.root, into: &code) else { return nil }
        code += [.save(1), .match]
        instructions = code
        slotCount = 2 * (parsed.groupCount + 1)
        anchored = Self.startsAnchored(parsed.root)
        firstBytes = Self.firstSet(parsed.root)
    }

    /// The set the node's first consumed byte belongs to, when it must consume one first.
    private static func firstSet(_ node: PatternSyntax.Node) -> PatternSyntax.ByteSet? {
        switch node {
        case .set(let s): return s
        case .concat(let items): return items.first.flatMap(firstSet)
        case .group(let body, _): return firstSet(body)
        case .repetition(let body, let min, _, _): return min > 0 ? firstSet(body) : nil
        case .alternation(let branches):
            var all = PatternSyntax.ByteSet()
            for b in branches {
                guard let s = firstSet(b) else { return nil }
                all.formUnion(s)
            }
            return all
        case .assertion: return nil
        }
    }

    private static func startsAnchored(_ node: PatternSyntax.Node) -> Bool {
        switch node {
        case .assertion(.start): true
        case .concat(let items): items.first.map(startsAnchored) ?? false
        case .group(let body, _): startsAnchored(body)
        default: false
        }
    }

    /// Whether the node can match without consuming anything.
    private static func nullable(_ node: PatternSyntax.Node) -> Bool {
        switch node {
        case .set: false
        case .assertion: true
        case .concat(let items): items.allSatisfy(nullable)
        case .alternation(let branches): branches.contains(where: nullable)
        case .group(let body, _): nullable(body)
        case .repetition(let body, let min, _, _): min == 0 || nullable(body)
        }
    }

    private static func emit(_ node: PatternSyntax.Node, into code: inout [Instruction]) -> Bool {
        guard code.count <= maxInstructions else { return false }
        switch node {
        case .set(let s): code.append(.set(s))
        case .assertion(let a): code.append(.assert(a))
        case .concat(let items):
            for item in items where !emit(item, into: &code) { return false }
        case .alternation(let branches):
            var exits: [Int] = []
            for (k, branch) in branches.enumerated() {
                if k == branches.count - 1 {
                    guard emit(branch, into: &code) else { return false }
                    break
                }
                let split = code.count
                code.append(.split(split + 1, -1))
                guard emit(branch, into: &code) else { return false }
                exits.append(code.count)
                code.append(.jump(-1))
                code[split] = .split(split + 1, code.count)
            }
            for e in exits { code[e] = .jump(code.count) }
        case .group(let body, let index):
            if let index { code.append(.save(2 * index)) }
            guard emit(body, into: &code) else { return false }
            if let index { code.append(.save(2 * index + 1)) }
        case .repetition(let body, let min, let max, let greedy):
            // ICU ends a loop after an iteration that matched nothing, and records that empty
            // iteration's groups; a program cannot tell that apart from a failed state.
            if (max ?? 2) > 1 && nullable(body) { return false }
            for _ in 0..<min where !emit(body, into: &code) { return false }
            if let max {
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(code.count)
                    code.append(.split(-1, -1))
                    guard emit(body, into: &code) else { return false }
                }
                for s in splits { code[s] = greedy ? .split(s + 1, code.count) : .split(code.count, s + 1) }
            } else {
                let loop = code.count
                code.append(.split(-1, -1))
                guard emit(body, into: &code) else { return false }
                code.append(.jump(loop))
                code[loop] = greedy ? .split(loop + 1, code.count) : .split(code.count, loop + 1)
            }
        }
        return code.count <= maxInstructions
    }

    /// What a search gives: the capture slots of the leftmost match (byte offsets, -1 for a
    /// group that took no part), none, or too long a text for this engine.
    enum Outcome {
        case match([Int])
        case noMatch
        case tooLong
    }

    private enum Job {
        case run(pc: Int, at: Int)
        case restore(slot: Int, value: Int)
    }

    func firstMatch(_ text: UnsafeBufferPointer<UInt8>) -> Outcome {
        let n = text.count
        let (states, overflow) = instructions.count.multipliedReportingOverflow(by: n + 1)
        guard !overflow, states <= Self.maxStates else { return .tooLong }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: (states + 63) / 64) { visited in
            visited.initialize(repeating: 0)
            var slots = [Int](repeating: -1, count: slotCount)
            var jobs: [Job] = []
            jobs.reserveCapacity(32)
            for start in 0...n {
                if anchored && start > 0 { break }
                if let firstBytes, start == n || !firstBytes.contains(text[start]) { continue }
                jobs.append(.run(pc: 0, at: start))
                while let job = jobs.popLast() {
                    switch job {
                    case .restore(let slot, let value):
                        slots[slot] = value
                    case .run(var pc, var p):
                        while true {
                            let state = pc &* (n &+ 1) &+ p
                            let (word, bit) = (state >> 6, UInt64(1) << UInt64(state & 63))
                            if visited[word] & bit != 0 { break }
                            visited[word] |= bit
                            switch instructions[pc] {
                            case .set(let s):
                                guard p < n, s.contains(text[p]) else { break }
                                pc += 1
                                p += 1
                                continue
                            case .split(let first, let second):
                                jobs.append(.run(pc: second, at: p))
                                pc = first
                                continue
                            case .jump(let target):
                                pc = target
                                continue
                            case .save(let slot):
                                jobs.append(.restore(slot: slot, value: slots[slot]))
                                slots[slot] = p
                                pc += 1
                                continue
                            case .assert(let a):
                                guard Self.holds(a, at: p, in: text) else { break }
                                pc += 1
                                continue
                            case .match:
                                return .match(slots)
                            }
                            break
                        }
                    }
                }
            }
            return .noMatch
        }
    }

    private static func holds(_ assertion: PatternSyntax.Assertion, at p: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = text.count
        switch assertion {
        case .start:
            return p == 0
        case .end:
            if p == n { return true }
            let terminators = PatternSyntax.ByteSet.lineTerminators
            if p == n - 1 { return terminators.contains(text[p]) }
            return p == n - 2 && text[p] == 0x0D && text[p + 1] == 0x0A
        case .wordBoundary(let wanted):
            let word = PatternSyntax.ByteSet.word
            let before = p > 0 && word.contains(text[p - 1])
            let after = p < n && word.contains(text[p])
            return (before != after) == wanted
        }
    }
}
