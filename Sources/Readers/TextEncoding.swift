/// The character encodings the readers accept.
public enum TextEncoding: String, Sendable, CaseIterable, CustomStringConvertible {
    /// UTF-8 when the start of the file is valid UTF-8, else Windows-1252; a UTF-16 byte order
    /// mark selects UTF-16.
    case auto
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case latin1 = "latin-1"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"

    public var description: String { rawValue }

    /// Accepts common spellings: `UTF8`, `cp1252`, `iso-8859-1`, `latin1`, `utf-16`.
    public init?(name: String) {
        let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "auto": self = .auto
        case "utf-8", "utf8": self = .utf8
        case "windows-1252", "cp1252", "win-1252", "windows1252": self = .windows1252
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1": self = .latin1
        case "utf-16le", "utf16le", "utf-16", "utf16": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        default: return nil
        }
    }
}
