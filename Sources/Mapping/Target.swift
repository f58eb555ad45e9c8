import OICP

/// Sets one field of `Root` for a record; returns whether it set a value.
typealias Assign<Root> = (inout Root, inout EvalContext) -> Bool

/// An OICP field a mapping can fill, and how to compile its YAML.
struct Target<Root>: @unchecked Sendable {
    let name: String
    /// Compiles the field's YAML; the string is the field's path for messages.
    let compile: (MappingNode, TargetCompiler, String) throws -> CompiledField<Root>
}

/// A compiled field: its assignment and whether it reads the source record.
struct CompiledField<Root> {
    let name: String
    let readsSource: Bool
    let assign: Assign<Root>
    /// Where the value comes from, for `mapping check` (one line per leaf field).
    var sources: [(field: String, summary: String)] = []
    /// The CSV columns and scope objects the value depends on, when it depends on nothing else
    /// (see `Expression.inputs`); nil when it may depend on more.
    var inputs: FieldInputs?

    init(name: String, readsSource: Bool, sources: [(field: String, summary: String)] = [], inputs: FieldInputs? = nil,
         assign: @escaping Assign<Root>) {
        self.name = name
        self.readsSource = readsSource
        self.assign = assign
        self.sources = sources
        self.inputs = inputs
    }

    /// The inputs of a group of fields, when each depends on columns and scope objects only.
    static func allInputs(of fields: [CompiledField]) -> FieldInputs? { FieldInputs.all(fields.lazy.map(\.inputs)) }
}

/// Compiles field YAML against a catalog of targets.
struct TargetCompiler {
    let expressions: ExpressionCompiler

    func expression(_ node: MappingNode) throws -> Expression { try expressions.compile(node) }

    /// The fields of an object (`Address: { City: …, Street: … }`).
    func fields<T>(_ node: MappingNode, targets: [Target<T>], path: String) throws -> [CompiledField<T>] {
        var out: [CompiledField<T>] = []
        let names = targets.map(\.name)
        for (key, value) in try node.members() {
            guard let target = targets.first(where: { $0.name == key }) else {
                var message = "unknown field '\(key)' in \(path.isEmpty ? "evse" : path)"
                if let s = Suggest.closest(to: key, in: names) {
                    message += "; did you mean '\(s)'?"
                } else {
                    message += "; fields here: \(names.joined(separator: ", "))"
                }
                throw unknownFieldError(value, message)
            }
            out.append(try target.compile(value, self, path.isEmpty ? key : "\(path).\(key)"))
        }
        return out
    }

    /// A builder of one object: nil when none of its source-reading fields has a value.
    func object<T>(_ node: MappingNode, targets: [Target<T>], path: String, make: @escaping () -> T)
        throws -> (inout EvalContext) -> T?
    {
        if ExpressionCompiler.isExpression(node) {
            throw node.error("\(path) is a group of fields; map its fields one by one (\(targets.map(\.name).joined(separator: ", ")))",
                rule: "mapping.type")
        }
        let compiled = try fields(node, targets: targets, path: path)
        let anySource = compiled.contains(where: \.readsSource)
        let build: (inout EvalContext) -> T? = { ctx in
            var object = make()
            var setFromSource = false
            var setAny = false
            compiled.withUnsafeBufferPointer { fields in
                for f in fields.indices where fields[f].assign(&object, &ctx) {
                    setAny = true
                    if fields[f].readsSource { setFromSource = true }
                }
            }
            return (anySource ? setFromSource : setAny) ? object : nil
        }
        // An object made of columns and scope objects only (an address) is the one made before
        // while its columns repeat and its scope objects stay (the records of one station).
        guard let memo = FieldMemo<T>.make(CompiledField.allInputs(of: compiled)) else { return build }
        return { ctx in memo(&ctx, build) }
    }

    /// A list of objects: a YAML list of object templates (each gives one item when it has a
    /// value), or one template.
    func objectList<T>(_ node: MappingNode, targets: [Target<T>], path: String, make: @escaping () -> T)
        throws -> (readsSource: Bool, sources: [(field: String, summary: String)], inputs: FieldInputs?, build: (inout EvalContext) -> [T]?)
    {
        // `{ path: connectors, each: { PowerType: …, Power: … } }`: one object per item of a list.
        if node.isMapping, let members = try? node.members(), let eachNode = members.first(where: { $0.key == "each" })?.value,
            members.contains(where: { ExpressionCompiler.sourceKeys.contains($0.key) })
        {
            let source = try expressions.compile(node, excluding: ["each"])
            let build = try object(eachNode, targets: targets, path: path, make: make)
            let compiled = try fields(eachNode, targets: targets, path: path)
            // Items that read what an item shortly before read give what it gave (the kinds of
            // connector repeat from station to station).
            let memo = ItemMemo<T>.make(CompiledField.allInputs(of: compiled))
            return (true, [(path, "each of " + source.summary)] + compiled.flatMap(\.sources), nil, { ctx in
                let saved = ctx.item
                defer { ctx.item = saved }
                var out: [T] = []
                for item in source.evaluate(&ctx, field: path).items {
                    guard case .node(let n) = item else { continue }
                    ctx.item = n
                    let o = if let memo { memo(n, &ctx, build) } else { build(&ctx) }
                    if let o { out.append(o) }
                }
                return out.isEmpty ? nil : out
            })
        }
        let templates = node.isSequence ? try node.items() : [node]
        var builders: [(inout EvalContext) -> T?] = []
        var reads = false
        var sources: [(field: String, summary: String)] = []
        var inputs: [FieldInputs?] = []
        for (i, t) in templates.enumerated() {
            let itemPath = node.isSequence ? "\(path)[\(i)]" : path
            builders.append(try object(t, targets: targets, path: itemPath, make: make))
            let compiled = try fields(t, targets: targets, path: itemPath)
            reads = reads || compiled.contains(where: \.readsSource)
            sources += compiled.flatMap(\.sources)
            inputs.append(CompiledField.allInputs(of: compiled))
        }
        let build: (inout EvalContext) -> [T]? = { ctx in
            var out: [T] = []
            for b in builders { if let item = b(&ctx) { out.append(item) } }
            return out.isEmpty ? nil : out
        }
        // A list made of columns and scope objects only is the one made before while they repeat
        // (no list made and freed for each record; its items are remembered each on its own too).
        let all = FieldInputs.all(inputs)
        guard let memo = FieldMemo<[T]>.make(all) else { return (reads, sources, all, build) }
        return (reads, sources, all, { ctx in memo(&ctx, build) })
    }
}

import ETLCore

/// An unknown-field error at the key's line.
func unknownFieldError(_ node: MappingNode, _ message: String) -> Diagnostic {
    Diagnostic(.error, rule: "mapping.unknown-field", message, file: node.file, line: node.line, field: node.path)
}
