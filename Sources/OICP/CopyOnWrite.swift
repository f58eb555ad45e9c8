/// A value held in one shared object and copied when changed while shared (copy on write).
///
/// For the parts of a record that the EVSEs of one station share (`Address`, `GeoCoordinates`):
/// a copy of the part then counts one reference instead of one per text in it, and two parts
/// holding the same object are equal without being read.
@usableFromInline struct CopyOnWrite<Value: Sendable & Hashable>: Sendable, Hashable {
    @usableFromInline final class Box: @unchecked Sendable {
        /// Unchecked: it is changed only through `value`'s `_modify`, when the box is not shared
        /// (the run-time check cost each read of a station's address or position some fifty
        /// instructions).
        @exclusivity(unchecked) @usableFromInline var value: Value
        @inlinable init(_ value: Value) { self.value = value }
    }

    @usableFromInline var box: Box

    @inlinable init(_ value: Value) { box = Box(value) }

    /// The value; changing it copies it first when another holder shares the object.
    @inlinable var value: Value {
        get { box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }

    @inlinable func isIdentical(to other: Self) -> Bool { box === other.box }

    @inlinable static func == (a: Self, b: Self) -> Bool { a.box === b.box || a.box.value == b.box.value }

    @inlinable func hash(into hasher: inout Hasher) { hasher.combine(box.value) }
}
