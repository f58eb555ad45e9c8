import Foundation

/// An input file's name, held as a number into a table of the names seen in this process.
///
/// Every record carries where it came from, and records are copied on their way through the
/// threads of a run: a name held as text would count a reference on each copy, an atomic
/// operation on memory that every thread touches. A number copies for free. The same name
/// always gets the same number, so equal provenances still mean equal names.
public struct FileID: Sendable, Hashable {
    private let index: Int32

    /// The number of `name` (given one the first time the name is seen).
    public init(_ name: String) { index = Self.table.number(of: name) }

    /// The name as the user gave it.
    public var name: String { Self.table.name(at: index) }

    private static let table = Table()

    private final class Table: @unchecked Sendable {  // guarded by `lock`
        private let lock = NSLock()
        private var names: [String] = []
        private var numbers: [String: Int32] = [:]

        func number(of name: String) -> Int32 {
            lock.lock()
            defer { lock.unlock() }
            if let n = numbers[name] { return n }
            let n = Int32(names.count)
            names.append(name)
            numbers[name] = n
            return n
        }

        func name(at index: Int32) -> String {
            lock.lock()
            defer { lock.unlock() }
            return names[Int(index)]
        }
    }
}
