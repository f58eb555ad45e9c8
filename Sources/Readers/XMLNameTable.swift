/// The element and attribute names of an XML file as records hold them, found by the addresses
/// libxml2 interns them at (a local name and a namespace URI), so a name is made once per file.
///
/// A small table indexed by the addresses answers nearly every lookup without hashing; a
/// dictionary holds every name met.
struct XMLNameTable {
    /// A class: a lookup hands out one reference, not the two texts and their bytes.
    final class Name {
        /// The element's key (`name`, or `prefix:name` for a namespace the mapping declares).
        let key: String
        /// The attribute's key (`@` and the element's key).
        let attributeKey: String
        /// The UTF-8 of both, for records read flat.
        let keyBytes: [UInt8]
        let attributeKeyBytes: [UInt8]
        let isXSIType: Bool
        /// Whether the record path, or some enclosing element's path, ends with this name:
        /// only then are the open elements compared with the path.
        let endsRecordPath: Bool
        let endsScopePath: Bool

        init(key: String, isXSIType: Bool, endsRecordPath: Bool, endsScopePath: Bool) {
            self.key = key
            attributeKey = "@" + key
            keyBytes = Array(key.utf8)
            attributeKeyBytes = Array(attributeKey.utf8)
            self.isXSIType = isXSIType
            self.endsRecordPath = endsRecordPath
            self.endsScopePath = endsScopePath
        }
    }

    private struct Address: Hashable {
        let local: UInt
        let uri: UInt
    }

    private let prefixByURI: [String: String]
    private let recordLast: String
    private let scopeLasts: Set<String>
    private var names: [Address: Name] = [:]
    private var recent: [(address: Address, name: Name)?]
    private static let recentSlots = 512

    init(prefixByURI: [String: String], recordPath: ElementPath, scopePaths: [ElementPath]) {
        self.prefixByURI = prefixByURI
        recordLast = recordPath.steps.last ?? ""
        scopeLasts = Set(scopePaths.compactMap(\.steps.last))
        recent = Array(repeating: nil, count: Self.recentSlots)
    }

    mutating func name(local: UnsafePointer<UInt8>?, uri: UnsafePointer<UInt8>?) -> Name {
        let address = Address(local: UInt(bitPattern: local), uri: UInt(bitPattern: uri))
        let slot = Int(truncatingIfNeeded: (address.local >> 3) ^ (address.uri >> 5)) & (Self.recentSlots - 1)
        if let hit = recent[slot], hit.address == address { return hit.name }
        let name: Name
        if let known = names[address] {
            name = known
        } else {
            name = make(local: local, uri: uri)
            names[address] = name
        }
        recent[slot] = (address, name)
        return name
    }

    private func make(local: UnsafePointer<UInt8>?, uri: UnsafePointer<UInt8>?) -> Name {
        let localName = local.map { String(cString: $0) } ?? ""
        let uriText = uri.map { String(cString: $0) }
        var key = localName
        if let uriText, let prefix = prefixByURI[uriText] {
            key = prefix.isEmpty ? localName : prefix + ":" + localName
        }
        return Name(key: key, isXSIType: localName == "type" && uriText == Self.xsi, endsRecordPath: key == recordLast,
            endsScopePath: scopeLasts.contains(key))
    }

    static let xsi = "http://www.w3.org/2001/XMLSchema-instance"
}
