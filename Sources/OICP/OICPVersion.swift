/// The OICP protocol versions the converter reads and writes.
public enum OICPVersion: String, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    case v2_3 = "2.3"
    case v2_2 = "2.2"

    public var description: String { rawValue }
}
