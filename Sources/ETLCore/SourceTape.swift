/// A tree record held flat: every value of a JSON item (or of an XML record, or of an outermost
/// XML scope element) is one entry of a list, in document order, and every key and scalar text
/// is a range of one byte buffer. An object's or array's members follow it, each subtree ending
/// where its `end` says, so a reader finds a member by stepping from sibling to sibling without
/// touching what lies inside them.
///
/// One tape is two allocations however many values the item holds, where a tree of `SourceNode`s
/// is a string per text and two lists per object, each counted and freed on its own. The records
/// of one item (the EVSEs of an OCPI Location) and the item itself (their `$location` scope) share
/// one tape as `SourceNode.tape(tape, index)`. Immutable once built.
public final class SourceTape: @unchecked Sendable {
    public enum Kind: UInt8, Sendable {
        case null, text, number, `false`, `true`, object, array
    }

    /// One value. `key…` is its name in the enclosing object (unused for an array's items and for
    /// the root); `text…` is the text of a string or the number as written.
    public struct Entry: Sendable {
        public var kind: Kind
        /// The line the value starts on.
        public var line: UInt32
        public var keyStart: UInt32
        public var keyCount: UInt32
        public var textStart: UInt32
        public var textCount: UInt32
        /// The index after the value's last entry (its own index + 1 for a scalar).
        public var end: UInt32

        @inlinable public init(kind: Kind, line: UInt32, keyStart: UInt32, keyCount: UInt32) {
            self.kind = kind
            self.line = line
            self.keyStart = keyStart
            self.keyCount = keyCount
            textStart = 0
            textCount = 0
            end = 0
        }
    }

    /// The entries and the bytes, owned by the tape (allocated by a `Builder`, freed with it).
    public let entries: UnsafeBufferPointer<Entry>
    public let bytes: UnsafeBufferPointer<UInt8>

    /// Takes the buffers `builder` holds (the builder is not to be used again).
    public init(taking builder: consuming Builder) {
        entries = UnsafeBufferPointer(start: builder.entries, count: builder.entryCount)
        bytes = builder.text.bytes
    }

    deinit {
        entries.deallocate()
        bytes.deallocate()
    }

    /// The largest byte count a tape can address.
    public static let maxBytes = Int(UInt32.max)

    /// Grows a tape's two buffers while a reader fills them; `SourceTape(taking:)` takes them.
    public struct Builder {
        @usableFromInline var entries: UnsafeMutablePointer<Entry>
        @usableFromInline var entryCount = 0
        @usableFromInline var entryCapacity: Int
        @usableFromInline var text: ByteBuffer

        public init(entryCapacity: Int, byteCapacity: Int) {
            self.entryCapacity = max(entryCapacity, 1)
            entries = .allocate(capacity: self.entryCapacity)
            text = ByteBuffer(capacity: byteCapacity)
        }

        public var count: Int { entryCount }
        public var byteTotal: Int { text.count }

        /// Appends an entry; returns its index.
        @inlinable @discardableResult public mutating func append(_ e: Entry) -> Int {
            if entryCount == entryCapacity { growEntries() }
            (entries + entryCount).initialize(to: e)
            entryCount += 1
            return entryCount - 1
        }

        /// Entry `i`, to be completed in place.
        @inlinable public subscript(i: Int) -> Entry {
            get { entries[i] }
            nonmutating set { entries[i] = newValue }
        }

        /// A copy of `count` bytes of the text from `start`.
        public func copyBytes(_ start: Int, _ count: Int) -> [UInt8] {
            Array(UnsafeBufferPointer(start: text.pointer + start, count: count))
        }

        /// Whether `count` bytes of the text from `start` hold anything but ASCII white space
        /// (nil: they hold bytes beyond ASCII, which only the text's characters can tell).
        public func hasNonBlankASCII(_ start: Int, _ count: Int) -> Bool? {
            var ascii = true
            for i in start..<(start + count) {
                let b = text.pointer[i]
                if b >= 0x80 {
                    ascii = false
                    continue
                }
                if !(b == 0x20 || (b >= 0x09 && b <= 0x0D)) { return true }
            }
            return ascii ? false : nil
        }

        /// The text of `count` bytes from `start`.
        public func text(_ start: Int, _ count: Int) -> String {
            String(decoding: UnsafeBufferPointer(start: text.pointer + start, count: count), as: UTF8.self)
        }

        /// Appends bytes to the text; returns where they start.
        @inlinable public mutating func append(_ raw: UnsafeBufferPointer<UInt8>) -> Int { text.append(raw) }

        @usableFromInline mutating func growEntries() {
            let bigger = UnsafeMutablePointer<Entry>.allocate(capacity: entryCapacity * 2)
            bigger.moveInitialize(from: entries, count: entryCount)
            entries.deallocate()
            entries = bigger
            entryCapacity *= 2
        }

        /// Frees what the builder holds, when no tape takes it (an error while reading); the
        /// builder is not to be used again.
        public consuming func discard() {
            entries.deallocate()
            text.deallocate()
        }
    }

    /// Whether the key of entry `i` is `key`, compared byte by byte.
    @inlinable public func key(_ i: Int, is key: UnsafeBufferPointer<UInt8>) -> Bool {
        let e = entries[i]
        guard Int(e.keyCount) == key.count else { return false }
        let start = Int(e.keyStart)
        return ByteKey.equal(UnsafeBufferPointer(rebasing: bytes[start..<(start + key.count)]), key)
    }

    /// The first member of object `i` named `key` (nil for no such member or no object).
    public func member(_ i: Int, named key: String) -> Int? {
        guard entries[i].kind == .object else { return nil }
        var key = key
        return key.withUTF8 { k in
            var j = i + 1
            let end = Int(entries[i].end)
            while j < end {
                if self.key(j, is: k) { return j }
                j = Int(entries[j].end)
            }
            return nil
        }
    }

    /// The indexes of the members of object `i` or the items of array `i`, in order.
    public func children(_ i: Int) -> [Int] {
        var out: [Int] = []
        var j = i + 1
        let end = Int(entries[i].end)
        while j < end {
            out.append(j)
            j = Int(entries[j].end)
        }
        return out
    }

    /// The key of entry `i` as text.
    public func keyText(_ i: Int) -> String {
        let e = entries[i]
        return text(Int(e.keyStart), Int(e.keyCount))
    }

    /// The text or number of entry `i` as written.
    public func scalarText(_ i: Int) -> String {
        let e = entries[i]
        return text(Int(e.textStart), Int(e.textCount))
    }

    @inline(__always) private func text(_ start: Int, _ count: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(start + count)]), as: UTF8.self)
    }

    /// Entry `i` as a tree of its own (the form the rest of the reader's clients expect).
    public func node(_ i: Int) -> SourceNode {
        let e = entries[i]
        switch e.kind {
        case .null: return .null
        case .text: return .text(scalarText(i))
        case .number: return .number(scalarText(i))
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .array: return .array(children(i).map(node))
        case .object:
            var o = SourceObject(line: Int(e.line))
            for j in children(i) { o.append(keyText(j), node(j)) }
            return .object(o)
        }
    }
}
