/// One JSON object written straight into a storage, for an encoder that knows its keys: no
/// nesting state to keep, each member's comma decided by whether the object has one yet.
/// (`JSONWriter` tracks commas for any shape; the record encoder, on the hot path, needs none of
/// that.)
struct JSONObjectBytes {
    /// Not counted: the object lives inside one call that holds the storage, and a counted
    /// reference would cost two atomic operations per member.
    private let storage: Unmanaged<ByteStorage>
    private var empty = true

    /// Opens the object.
    @inline(__always) init(_ out: ByteStorage) {
        storage = .passUnretained(out)
        out.append(UInt8(ascii: "{"))
    }

    @inline(__always) private func write(_ body: (ByteStorage) -> Void) {
        storage._withUnsafeGuaranteedRef(body)
    }

    /// Whether the object has a member yet.
    var hasMembers: Bool { !empty }

    /// A member's key (plain ASCII, no escapes), after a comma when the object has members.
    @inline(__always) mutating func key(_ key: StaticString) {
        let comma = !empty
        empty = false
        write { out in
            if comma { out.append(UInt8(ascii: ",")) }
            out.appendKey(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        }
    }

    @inline(__always) mutating func string(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        self.key(key)
        write { $0.appendJSONString(value) }
    }

    @inline(__always) mutating func int(_ key: StaticString, _ value: Int?) {
        guard let value else { return }
        self.key(key)
        write { $0.appendJSONInt(value) }
    }

    @inline(__always) mutating func number(_ key: StaticString, _ value: Double?) {
        guard let value else { return }
        self.key(key)
        write { $0.appendJSONNumber(value) }
    }

    @inline(__always) mutating func bool(_ key: StaticString, _ value: Bool?) {
        guard let value else { return }
        self.key(key)
        write { $0.appendJSONBool(value) }
    }

    @inline(__always) mutating func enumeration<E: OICPEnumeration>(_ key: StaticString, _ value: E?) {
        guard let value else { return }
        self.key(key)
        write { $0.appendJSONString(value.rawValue) }
    }

    /// An array of enumeration values.
    @inline(__always) mutating func enumerations<E: OICPEnumeration>(_ key: StaticString, _ values: [E]?) {
        guard let values else { return }
        self.key(key)
        write { out in out.appendJSONArray(values) { out.appendJSONString($0.rawValue) } }
    }

    /// Closes the object.
    @inline(__always) func end() {
        write { $0.append(UInt8(ascii: "}")) }
    }
}

extension ByteStorage {
    /// `[` the items, written by `each`, separated by commas `]`.
    @inline(__always) func appendJSONArray<T>(_ items: [T], _ each: (T) -> Void) {
        append(UInt8(ascii: "["))
        var first = true
        for item in items {
            if first { first = false } else { append(UInt8(ascii: ",")) }
            each(item)
        }
        append(UInt8(ascii: "]"))
    }
}
