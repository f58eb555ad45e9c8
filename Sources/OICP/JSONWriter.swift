/// Writes JSON text straight into a byte buffer.
///
/// Commas are placed automatically; keys and values alternate inside objects. Strings are
/// written as UTF-8 with only the escapes JSON requires (quote, backslash, control characters),
/// so output is compact, deterministic and readable.
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8] { storage.withBuffer { Array($0) } }
    /// How many bytes are written.
    public var count: Int { storage.count }
    private var storage: ByteStorage
    /// Per open container, whether the next element needs a leading comma: bit `i` of `commaBits`
    /// for the container at depth `i + 1` (the first 64), `deepCommas` beyond.
    private var depth = 0
    private var commaBits: UInt64 = 0
    private var deepCommas: [Bool] = []
    private var afterKey = false
    /// Newline between the elements of arrays at this nesting depth (1 = the outermost array).
    private let lineBreakDepth: Int?

    /// - Parameter lineBreakArrayDepth: when set, elements of arrays opened at that nesting depth
    ///   are written one per line (bundles use this to put one record per line).
    public init(capacity: Int = 4096, lineBreakArrayDepth: Int? = nil) {
        storage = ByteStorage(capacity: capacity)
        lineBreakDepth = lineBreakArrayDepth
    }

    /// Calls `body` with the bytes written so far, without copying them.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try storage.withBuffer(body)
    }

    /// The storage, made unique before a write (a copied writer keeps its own bytes).
    private var buffer: ByteStorage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    public mutating func removeAll(keepingCapacity: Bool = true) {
        if keepingCapacity { buffer.truncate(to: 0) } else { storage = ByteStorage(capacity: 0) }
        depth = 0
        commaBits = 0
        deepCommas.removeAll(keepingCapacity: true)
        afterKey = false
    }

    @inline(__always) private mutating func push() {
        depth += 1
        if depth <= 64 { commaBits &= ~(1 << UInt64(depth - 1)) } else { deepCommas.append(false) }
    }

    /// Closes the innermost container; returns whether it had elements.
    @inline(__always) private mutating func pop() -> Bool {
        let had = depth <= 64 ? commaBits & (1 << UInt64(depth - 1)) != 0 : deepCommas.removeLast()
        depth -= 1
        return had
    }

    /// The comma (and line break) before the next element, written to `b` (the storage, made
    /// unique by the caller: once per element).
    @inline(__always) private mutating func separate(_ b: ByteStorage) {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if depth <= 64 {
            let bit: UInt64 = 1 << UInt64(depth - 1)
            if commaBits & bit != 0 { b.append(UInt8(ascii: ",")) }
            commaBits |= bit
        } else {
            if deepCommas[deepCommas.count - 1] { b.append(UInt8(ascii: ",")) }
            deepCommas[deepCommas.count - 1] = true
        }
        if let lineBreakDepth, depth == lineBreakDepth { b.append(UInt8(ascii: "\n")) }
    }

    /// The storage, made unique, after the separator of the next element: where the element goes.
    @inline(__always) mutating func element() -> ByteStorage {
        let b = buffer
        separate(b)
        return b
    }

    public mutating func beginObject() {
        element().append(UInt8(ascii: "{"))
        push()
    }

    public mutating func endObject() {
        _ = pop()
        buffer.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        element().append(UInt8(ascii: "["))
        push()
    }

    public mutating func endArray() {
        let hadElements = pop()
        let b = buffer
        if let lineBreakDepth, depth + 1 == lineBreakDepth, hadElements { b.append(UInt8(ascii: "\n")) }
        b.append(UInt8(ascii: "]"))
    }

    /// An object key. `key` must not need escaping (all OICP keys are plain ASCII).
    public mutating func key(_ key: StaticString) {
        element().appendKey(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        afterKey = true
    }

    /// An object key given at run time; escaped like any string.
    public mutating func key(text key: String) {
        let b = element()
        b.appendJSONString(key)
        b.append(UInt8(ascii: ":"))
        afterKey = true
    }

    public mutating func string(_ value: String) {
        element().appendJSONString(value)
    }

    public mutating func int(_ value: Int) {
        element().appendJSONInt(value)
    }

    /// A number, as an integer when it is one, else its shortest decimal text (no exponent).
    public mutating func number(_ value: Double) {
        element().appendJSONNumber(value)
    }

    public mutating func bool(_ value: Bool) {
        element().appendJSONBool(value)
    }

    public mutating func null() {
        element().appendLiteral("null")
    }

    /// Appends already-encoded JSON (one complete value) as the next element.
    public mutating func raw(_ json: some Collection<UInt8>) {
        element().append(contentsOf: json)
    }
}
