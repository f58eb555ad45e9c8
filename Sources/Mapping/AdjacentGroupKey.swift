import ETLCore

/// The key of the group being built from adjacent rows, held as bytes, for a group key that is
/// one CSV column as it stands (`group: { by: "{evse_id}" }`): the column's bytes in the row
/// that began the group.
///
/// A row whose bytes are those belongs to the group. A row whose bytes differ begins another
/// when both are plain ASCII (no white space at either end, nothing above 0x7F): the key is then
/// the bytes as text, and two such texts are equal exactly when their bytes are. Either way the
/// row's key is never made into text. Any other row (white space that trimming takes off, bytes
/// beyond ASCII, which Swift compares by canonical equivalence) is decided by the key's text, as
/// a key of any other kind is.
struct AdjacentGroupKey {
    enum Decision: Equatable {
        /// The row belongs to the group being built.
        case same
        /// The row begins a new group (its key is its bytes as text, not empty).
        case other
        /// Only the key's text can tell.
        case byText
    }

    private var bytes: [UInt8] = []
    /// Whether `bytes` are the key of the group being built.
    private var held = false
    /// Whether `bytes` are plain ASCII (see ``isPlainASCII(_:)``).
    private var plain = false

    /// Where the row with this key field goes; `open` is whether a group is being built.
    func decide(_ field: UnsafeBufferPointer<UInt8>, open: Bool) -> Decision {
        if open && held && bytes.withUnsafeBufferPointer({ ByteKey.equal($0, field) }) { return .same }
        guard Self.isPlainASCII(field) else { return .byText }
        if !open { return .other }
        return held && plain ? .other : .byText
    }

    /// Holds the key field of the row that began the group being built.
    mutating func hold(_ field: UnsafeBufferPointer<UInt8>) {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: field)
        plain = Self.isPlainASCII(field)
        held = true
    }

    /// No group is being built (or its key is not held).
    mutating func clear() { held = false }

    /// The held key as text, when it is plain (the text a column expression makes of it).
    var text: String? { held && plain ? String(decoding: bytes, as: UTF8.self) : nil }

    /// Not empty, no white space or control character at either end, every byte ASCII: the text
    /// of such a field is the field as it stands.
    static func isPlainASCII(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = field.first, Expression.isPlainEdge(first), Expression.isPlainEdge(field[field.count - 1]) else { return false }
        var high: UInt8 = 0
        for b in field { high |= b }
        return high < 0x80
    }
}
