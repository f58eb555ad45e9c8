import OICP

/// What a `convert` run is asked to do.
public struct ConversionOptions: Sendable {
    public var mappingPath: String
    public var inputPath: String
    public var outputPath: String
    public var version: OICPVersion = .v2_3
    /// `--set name=value` parameters of the mapping.
    public var parameters: [String: String] = [:]
    /// Operator IDs whose EvseIDs may appear in another operator's bundle (a hub's sub-operators).
    public var subOperatorIDs: Set<String> = []

    public init(mappingPath: String, inputPath: String, outputPath: String) {
        self.mappingPath = mappingPath
        self.inputPath = inputPath
        self.outputPath = outputPath
    }
}
