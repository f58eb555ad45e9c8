import ETLCore

/// What the template of an `each` made of the last few items (or a leaf field of the last few
/// tree records, see `LeafMemo`), with what it read there: the values at the paths it reads from
/// the item or record (and the record's scope objects). The connectors of
/// an export are of a few kinds, repeated on every station: an item usually reads what an item
/// shortly before read, and its output is then the one made before — the paths' values compared
/// instead of the expressions, steps, tables and conversions run again.
///
/// Only for templates whose output depends on nothing but those paths, scope objects and
/// constants (`FieldInputs`), and only for items that are objects of a tree record. The key holds
/// each path's whole value (every node it reaches, with keys, texts and shape), so two items with
/// the same key give the same output. As for `FieldMemo`, a result is remembered only when making
/// it reported nothing, and what it counted is counted again on each hit. One per compiled
/// mapping, used by one thread.
final class ItemMemo<Output>: @unchecked Sendable {
    private let paths: [SourcePath]
    private let readsScopes: Bool

    @exclusivity(unchecked) private var keys: [[UInt8]] = []
    @exclusivity(unchecked) private var generations: [Int] = []
    @exclusivity(unchecked) private var outputs: [Output?] = []
    @exclusivity(unchecked) private var events: [[MappingStatistics.Event]] = []
    @exclusivity(unchecked) private var last = 0
    @exclusivity(unchecked) private var next = 0
    /// The key of the present item, built here to spare a list per item.
    @exclusivity(unchecked) private var scratch = KeyBuffer()
    /// Eight entries (the kinds of connector of a few stations); off when they serve under half
    /// the lookups of a trial.
    private let ways = 8
    @exclusivity(unchecked) private var lookups = 0
    @exclusivity(unchecked) private var hits = 0
    @exclusivity(unchecked) private var enabled = true
    private static var trial: Int { 256 }
    /// Keys longer than this (an item whose paths reach large subtrees) are not remembered.
    static var maxKeyBytes: Int { 4096 }

    private init(paths: [SourcePath], readsScopes: Bool) {
        self.paths = paths
        self.readsScopes = readsScopes
    }

    /// A memo for a leaf field of a tree record that reads paths (the record's or, inside an
    /// `each`, the item's) besides scope objects and constants; nil otherwise (a field memo or
    /// nothing serves it).
    static func leaf(_ inputs: FieldInputs?) -> ItemMemo? {
        guard let inputs, !inputs.paths.isEmpty else { return nil }
        return make(inputs)
    }

    /// A memo for a template with these inputs; nil when it depends on more, or on CSV columns.
    static func make(_ inputs: FieldInputs?) -> ItemMemo? {
        guard let inputs, inputs.columns.isEmpty else { return nil }
        return ItemMemo(paths: inputs.paths, readsScopes: !inputs.scopes.isEmpty)
    }

    /// The template's output for `item` (the item of `ctx`): remembered when it reads there what
    /// it read at an item shortly before, else made by `compute`.
    func callAsFunction(_ item: SourceNode, _ ctx: inout EvalContext, _ compute: (inout EvalContext) -> Output?) -> Output? {
        guard enabled else { return compute(&ctx) }
        let generation = readsScopes ? ctx.cache?.generation ?? -1 : 0
        guard generation >= 0, makeKey(item) else { return compute(&ctx) }
        lookups &+= 1
        if let e = find(generation) {
            hits &+= 1
            last = e
            if !events[e].isEmpty { ctx.statistics.replay(events[e]) }
            return outputs[e]
        }
        // Judged at the first miss of a full trial (a hit on the trial's last lookup must not
        // spare it).
        if lookups >= Self.trial {
            if hits * 2 < lookups {
                enabled = false
                keys = []
                generations = []
                outputs = []
                events = []
                return compute(&ctx)
            }
            lookups = 0
            hits = 0
        }
        return miss(generation, &ctx, compute)
    }

    private func find(_ generation: Int) -> Int? {
        guard !outputs.isEmpty else { return nil }
        let key = scratch.bytes
        if generations[last] == generation && Self.same(keys[last], key) { return last }
        for e in outputs.indices where e != last && generations[e] == generation && Self.same(keys[e], key) { return e }
        return nil
    }

    @inline(__always) private static func same(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.withUnsafeBufferPointer { ByteKey.equal($0, b) }
    }

    private func miss(_ generation: Int, _ ctx: inout EvalContext, _ compute: (inout EvalContext) -> Output?) -> Output? {
        let (result, counts) = ctx.recordingCounts(compute)
        guard let recorded = counts else { return result }
        if outputs.count < ways {
            keys.append(Array(scratch.bytes))
            generations.append(generation)
            outputs.append(result)
            events.append(recorded)
            last = outputs.count - 1
        } else {
            keys[next] = Array(scratch.bytes)
            generations[next] = generation
            outputs[next] = result
            events[next] = recorded
            last = next
            next = (next + 1) % ways
        }
        return result
    }

    /// Builds the item's key in `scratch`: false when it cannot be made (too large).
    private func makeKey(_ item: SourceNode) -> Bool {
        scratch.removeAll()
        for path in paths {
            guard path.appendKey(from: item, to: &scratch), scratch.count <= Self.maxKeyBytes else { return false }
        }
        return true
    }
}

/// The bytes of a key being built (a `ByteBuffer` freed with it), with lengths written short.
struct KeyBuffer: ~Copyable {
    private var buffer = ByteBuffer(capacity: 256)

    deinit { buffer.deallocate() }

    var count: Int { buffer.count }
    var bytes: UnsafeBufferPointer<UInt8> { buffer.bytes }

    mutating func removeAll() { buffer.removeAll() }

    @inline(__always) mutating func append(_ byte: UInt8) { buffer.append(byte) }

    @inline(__always) mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { buffer.append(bytes) }

    /// A length: one byte below 255, else 255 and four bytes.
    @inline(__always) mutating func appendLength(_ n: Int) {
        if n < 255 {
            append(UInt8(n))
            return
        }
        append(255)
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: n).littleEndian) { append($0.bindMemory(to: UInt8.self)) }
    }

    /// Bytes with their length before them.
    @inline(__always) mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        appendLength(bytes.count)
        append(bytes)
    }
}

extension SourcePath {
    /// Appends what the path reaches from `root` to `key`: every node, with its kind, key, text and
    /// size, so that two roots append the same bytes only when the path gives them the same nodes.
    /// False when the key grows past `ItemMemo.maxKeyBytes`.
    func appendKey(from root: SourceNode, to key: inout KeyBuffer) -> Bool {
        // The two ways of holding a tree are told apart first (their layouts differ).
        if case .tape(let t, let i) = root {
            key.append(0xFE)
            // Most paths are keys that each match one member: the entry reached, read in place.
            var at = i
            var next = components.startIndex
            guard Self.followSingleKeys(t, &at, components[...], &next, keyBytes) else {
                key.append(0)
                return true
            }
            let e = t.entries[at]
            if next == components.endIndex && e.kind != .object && e.kind != .array {
                key.append(1)
                key.append(e.kind.rawValue)
                key.appendText(UnsafeBufferPointer(rebasing: t.bytes[Int(e.textStart)..<Int(e.textStart + e.textCount)]))
                return true
            }
            let found = Self.resolve(in: t, at: i, components[...], keys: keyBytes)
            key.append(2)
            key.appendLength(found.count)
            for j in found {
                let end = Int(t.entries[j].end)
                guard key.count + (end - j) * 9 <= ItemMemo<Void>.maxKeyBytes else { return false }
                for k in j..<end {
                    let e = t.entries[k]
                    key.append(e.kind.rawValue)
                    key.appendLength(Int(e.end) - k)
                    key.appendText(UnsafeBufferPointer(rebasing: t.bytes[Int(e.keyStart)..<Int(e.keyStart + e.keyCount)]))
                    key.appendText(UnsafeBufferPointer(rebasing: t.bytes[Int(e.textStart)..<Int(e.textStart + e.textCount)]))
                }
                guard key.count <= ItemMemo<Void>.maxKeyBytes else { return false }
            }
            return true
        }
        key.append(0xFF)
        var node = root
        var rest = components[...]
        guard Self.followSingleKeys(&node, &rest) else {
            key.append(0)
            return true
        }
        if rest.isEmpty {
            key.append(1)
            return Self.appendNode(node, to: &key)
        }
        let found = Self.resolve(root, components[...])
        key.append(2)
        key.appendLength(found.count)
        for node in found {
            guard Self.appendNode(node, to: &key) else { return false }
        }
        return true
    }

    private static func appendNode(_ node: SourceNode, to key: inout KeyBuffer) -> Bool {
        guard key.count <= ItemMemo<Void>.maxKeyBytes else { return false }
        switch node {
        case .null: key.append(0)
        case .text(var s):
            key.append(1)
            s.withUTF8 { key.appendText($0) }
        case .number(var s):
            key.append(2)
            s.withUTF8 { key.appendText($0) }
        case .bool(let b): key.append(b ? 4 : 3)
        case .object(let o):
            key.append(5)
            key.appendLength(o.keys.count)
            for (k, v) in zip(o.keys, o.values) {
                var k = k
                k.withUTF8 { key.appendText($0) }
                guard appendNode(v, to: &key) else { return false }
            }
        case .array(let items):
            key.append(6)
            key.appendLength(items.count)
            for v in items {
                guard appendNode(v, to: &key) else { return false }
            }
        case .tape:
            return appendNode(node.materialized, to: &key)
        }
        return true
    }
}

/// A leaf field's memo: by its columns and scope objects (`FieldMemo`), or, when it reads paths
/// of a tree record, by what those paths hold (`ItemMemo`: the records of a feed repeat their
/// capabilities, parking restrictions, connector kinds).
final class LeafMemo<Output>: @unchecked Sendable {
    let fields: FieldMemo<Output>?
    let paths: ItemMemo<Output>?

    private init(fields: FieldMemo<Output>?, paths: ItemMemo<Output>?) {
        self.fields = fields
        self.paths = paths
    }

    static func leaf(_ inputs: FieldInputs?) -> LeafMemo? {
        if let fields = FieldMemo<Output>.leaf(inputs) { return LeafMemo(fields: fields, paths: nil) }
        if let paths = ItemMemo<Output>.leaf(inputs) { return LeafMemo(fields: nil, paths: paths) }
        return nil
    }

    @inline(__always) func callAsFunction(_ ctx: inout EvalContext, _ compute: (inout EvalContext) -> Output?) -> Output? {
        if let fields { return fields(&ctx, compute) }
        // The paths start at the item of an `each`, else at the record (a CSV row has none).
        if let paths, let root = ctx.item ?? ctx.record.treeRoot { return paths(root, &ctx, compute) }
        return compute(&ctx)
    }
}
