import OICP

/// Builders of targets for single values.
enum Leaf {
    /// How a leaf makes its value. Made once, when the mapping is compiled: a closure formed at
    /// each call would count a reference to each thing it captures, on every record.
    typealias Compute<T> = (inout EvalContext) -> T?

    /// How a leaf makes its value from its expression's: for a remembered pipeline over a CSV
    /// column, once per distinct value (`EntryConversions`); else through the last conversion
    /// (`LastConversion`, the value of the record before and what it made).
    static func converting<T>(_ e: Expression, _ path: String, _ convert: @escaping (Value, inout EvalContext) -> T?) -> Compute<T> {
        let last = LastConversion<Value, T>(.absent)
        guard case .remembered(_, let pipeline) = e else { return { last(e.evaluate(&$0, field: path), &$0, convert) } }
        let conversions = EntryConversions<T>()
        return { ctx in
            if let kept = pipeline._withUnsafeGuaranteedRef({ $0.converted(&ctx, field: path, conversions, convert) }) { return kept }
            return last(e.evaluate(&ctx, field: path), &ctx, convert)
        }
    }

    /// The leaf's value: the one made before when its inputs repeat (`memo`), else `compute`d.
    @inline(__always) static func value<T>(_ memo: FieldMemo<T>?, _ ctx: inout EvalContext, _ compute: Compute<T>) -> T? {
        if let memo { return memo(&ctx, compute) }
        return compute(&ctx)
    }

    @inline(__always) static func value<T>(_ memo: LeafMemo<T>?, _ ctx: inout EvalContext, _ compute: Compute<T>) -> T? {
        if let memo { return memo(&ctx, compute) }
        return compute(&ctx)
    }

    static func text<R>(_ name: String, _ set: @escaping (inout R, consuming String) -> Void) -> Target<R> {
        Target(name: name) { node, compiler, path in
            let e = try compiler.expression(node)
            let memo = LeafMemo<String>.leaf(e.inputs)
            let compute: Compute<String> = { Convert.text(e.evaluate(&$0, field: path), &$0, path) }
            return CompiledField(name: name, readsSource: e.readsSource, sources: [(path, e.summary)], inputs: e.inputs) { root, ctx in
                guard let t = value(memo, &ctx, compute) else { return false }
                set(&root, consume t)
                return true
            }
        }
    }

    static func bool<R>(_ name: String, _ set: @escaping (inout R, Bool) -> Void) -> Target<R> {
        Target(name: name) { node, compiler, path in
            let e = try compiler.expression(node)
            let memo = LeafMemo<Bool>.leaf(e.inputs)
            let compute: Compute<Bool> = { Convert.bool(e.evaluate(&$0, field: path), &$0, path) }
            return CompiledField(name: name, readsSource: e.readsSource, sources: [(path, e.summary)], inputs: e.inputs) { root, ctx in
                guard let b = value(memo, &ctx, compute) else { return false }
                set(&root, b)
                return true
            }
        }
    }

    static func number<R>(_ name: String, _ set: @escaping (inout R, Double) -> Void) -> Target<R> {
        Target(name: name) { node, compiler, path in
            let e = try compiler.expression(node)
            let memo = LeafMemo<Double>.leaf(e.inputs)
            let compute: Compute<Double> = converting(e, path) { Convert.number($0, &$1, path) }
            return CompiledField(name: name, readsSource: e.readsSource, sources: [(path, e.summary)], inputs: e.inputs) { root, ctx in
                guard let n = value(memo, &ctx, compute) else { return false }
                set(&root, n)
                return true
            }
        }
    }

    /// An integer field; `fit` may leave a value out for the OICP version (returns nil).
    static func integer<R>(_ name: String, _ set: @escaping (inout R, consuming Int) -> Void,
                           fit: ((Int, inout EvalContext, String) -> Int?)? = nil) -> Target<R> {
        Target(name: name) { node, compiler, path in
            let e = try compiler.expression(node)
            let memo = LeafMemo<Int>.leaf(e.inputs)
            let integer: Compute<Int> = converting(e, path) { Convert.integer($0, &$1, path) }
            // The fit is part of what is remembered (it may leave the value out, with a warning).
            let compute: Compute<Int> = { ctx in
                guard let n = integer(&ctx) else { return nil }
                return fit.map { $0(n, &ctx, path) } ?? n
            }
            return CompiledField(name: name, readsSource: e.readsSource, sources: [(path, e.summary)], inputs: e.inputs) { root, ctx in
                guard let n = value(memo, &ctx, compute) else { return false }
                set(&root, n)
                return true
            }
        }
    }

    static func enumeration<R, E: OICPEnumeration>(_ name: String, _ set: @escaping (inout R, consuming E) -> Void) -> Target<R> {
        Target(name: name) { node, compiler, path in
            let e = try compiler.expression(node)
            let memo = LeafMemo<E>.leaf(e.inputs)
            let compute: Compute<E> = converting(e, path) { Convert.enumeration($0, &$1, path) }
            return CompiledField(name: name, readsSource: e.readsSource, sources: [(path, e.summary)], inputs: e.inputs) { root, ctx in
                guard let v = value(memo, &ctx, compute) else { return false }
                set(&root, consume v)
                return true
            }
        }
    }

    static func enumerations<R, E: OICPEnumeration>(_ name: String, _ set: @escaping (inout R, consuming [E]) -> Void) -> Target<R> {
        Target(name: name) { node, compiler, path in
            let e = try compiler.expression(node)
            let memo = LeafMemo<[E]>.leaf(e.inputs)
            let compute: Compute<[E]> = converting(e, path) { Convert.enumerations($0, &$1, path) }
            return CompiledField(name: name, readsSource: e.readsSource, sources: [(path, e.summary)], inputs: e.inputs) { root, ctx in
                guard let v = value(memo, &ctx, compute) else { return false }
                set(&root, consume v)
                return true
            }
        }
    }

    /// GeoCoordinates: one expression giving coordinates (or `"lat lon"` text), or
    /// `{ latitude, longitude, format, decimals }`.
    static func geo<R>(_ name: String, _ set: @escaping (inout R, consuming GeoCoordinates) -> Void) -> Target<R> {
        Target(name: name) { node, compiler, path in
            var format = "DecimalDegree"
            var decimals = 6
            // The source values, then the position they give (or nil).
            let read: (inout EvalContext) -> ValuePair
            let position: (ValuePair, inout EvalContext) -> (Double, Double)?
            var reads = false
            var inputs: FieldInputs?
            var describe = ""
            if ExpressionCompiler.isExpression(node) || !node.isMapping {
                let e = try compiler.expression(node)
                reads = e.readsSource
                inputs = e.inputs
                describe = e.summary
                read = { ctx in ValuePair(first: e.evaluate(&ctx, field: path), second: .absent) }
                position = { values, ctx in Convert.coordinates(values.first, &ctx, path) }
            } else {
                var lat: Expression?
                var lon: Expression?
                var whole: Expression?
                for (k, v) in try node.members(allowed: ["latitude", "longitude", "value", "format", "decimals"]) {
                    switch k {
                    case "latitude": lat = try compiler.expression(v)
                    case "longitude": lon = try compiler.expression(v)
                    case "value": whole = try compiler.expression(v)
                    case "format":
                        format = try v.string()
                        guard ["DecimalDegree", "Google", "DegreeMinuteSeconds"].contains(format) else {
                            throw v.error("format must be DecimalDegree, Google or DegreeMinuteSeconds")
                        }
                    default:
                        decimals = try v.int()
                        guard (1...6).contains(decimals) else { throw v.error("OICP allows 1 to 6 decimals") }
                    }
                }
                if let whole {
                    guard lat == nil && lon == nil else { throw node.error("give either value or latitude and longitude") }
                    reads = whole.readsSource
                    inputs = whole.inputs
                    describe = whole.summary
                    read = { ctx in ValuePair(first: whole.evaluate(&ctx, field: path), second: .absent) }
                    position = { values, ctx in Convert.coordinates(values.first, &ctx, path) }
                } else {
                    guard let lat, let lon else { throw node.error("\(name) needs latitude and longitude (or value)") }
                    reads = lat.readsSource || lon.readsSource
                    inputs = FieldInputs.all([lat.inputs, lon.inputs])
                    describe = "latitude " + lat.summary + ", longitude " + lon.summary
                    let latPath = path + ".latitude"
                    let lonPath = path + ".longitude"
                    read = { ctx in ValuePair(first: lat.evaluate(&ctx, field: latPath), second: lon.evaluate(&ctx, field: lonPath)) }
                    position = { values, ctx in
                        let la = Convert.number(values.first, &ctx, latPath)
                        let lo = Convert.number(values.second, &ctx, lonPath)
                        guard let la, let lo else { return nil }
                        return (la, lo)
                    }
                }
            }
            let fmt = format
            let dec = decimals
            let last = LastConversion<ValuePair, GeoCoordinates>(ValuePair(first: .absent, second: .absent))
            let memo = FieldMemo<GeoCoordinates>.make(inputs)
            let convert: (ValuePair, inout EvalContext) -> GeoCoordinates? = { values, ctx in
                guard let (lat, lon) = position(values, &ctx) else { return nil }
                // Texts already written as the format writes them are kept (not formatted again).
                var texts: (String, String)?
                if fmt == "DecimalDegree", case .text(let a) = values.first, case .text(let b) = values.second,
                    FixedDecimal.isCanonical(a, decimals: dec), FixedDecimal.isCanonical(b, decimals: dec)
                {
                    texts = (a, b)
                }
                return Self.coordinates(lat, lon, texts: texts, format: fmt, decimals: dec, &ctx, path)
            }
            let compute: Compute<GeoCoordinates> = { ctx in last(read(&ctx), &ctx, convert) }
            return CompiledField(name: name, readsSource: reads, sources: [(path, describe + " → \(fmt), \(dec) decimals")], inputs: inputs) { root, ctx in
                let coordinates = value(memo, &ctx, compute)
                guard let coordinates else { return false }
                set(&root, consume coordinates)
                return true
            }
        }
    }

    /// The position in the format asked for; nil (and a reason to reject) when out of range.
    /// - Parameter texts: the latitude's and longitude's texts, when they are what the decimal
    ///   degrees asked for would be written as (`FixedDecimal.isCanonical`).
    private static func coordinates(_ lat: Double, _ lon: Double, texts: (String, String)? = nil, format fmt: String, decimals dec: Int,
                                    _ ctx: inout EvalContext, _ path: String) -> GeoCoordinates? {
        guard (-90...90).contains(lat), (-180...180).contains(lon) else {
            let swapped = (-90...90).contains(lon) && (-180...180).contains(lat)
            ctx.reject("coordinates.range", field: path,
                "latitude \(FixedDecimal.shortest(lat)), longitude \(FixedDecimal.shortest(lon)) are out of range"
                    + (swapped ? " (latitude and longitude look swapped)" : ""),
                value: "\(FixedDecimal.shortest(lat)) \(FixedDecimal.shortest(lon))")
            return nil
        }
        if lat == lon && lat != 0 {
            ctx.warn("coordinates.equal", field: path, "latitude equals longitude (\(FixedDecimal.shortest(lat))); the position is probably wrong",
                value: FixedDecimal.shortest(lat))
        }
        switch fmt {
        case "Google": return .google(latitude: lat, longitude: lon, decimals: dec)
        case "DegreeMinuteSeconds": return .degreeMinuteSeconds(latitude: lat, longitude: lon)
        default:
            // `lat` and `lon` are what the texts read as (`Convert.number` reads them as
            // `DecimalParser.double` does): kept with them, so that no one parses them again.
            if let (a, b) = texts { return GeoCoordinates(decimalDegree: CoordinatePair(latitude: a, longitude: b), readAs: lat, lon) }
            return .decimalDegree(latitude: lat, longitude: lon, decimals: dec)
        }
    }

    /// A list of InfoText: `[{ lang: de, value: … }, …]` or one `{ lang, value }`.
    static func infoTexts<R>(_ name: String, _ set: @escaping (inout R, consuming [InfoText]) -> Void) -> Target<R> {
        Target(name: name) { node, compiler, path in
            let targets: [Target<InfoText>] = [text("lang", { $0.lang = $1 }), text("value", { $0.value = $1 })]
            let list = try compiler.objectList(node, targets: targets, path: path) { InfoText(lang: nil, value: nil) }
            return CompiledField(name: name, readsSource: list.readsSource, sources: list.sources, inputs: list.inputs) { root, ctx in
                // An entry without text is no entry.
                guard var items = list.build(&ctx) else { return false }
                if items.contains(where: { $0.value == nil }) { items.removeAll { $0.value == nil } }
                guard !items.isEmpty else { return false }
                set(&root, consume items)
                return true
            }
        }
    }
}
