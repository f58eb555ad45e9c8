import ETLCore
import Foundation
import Mapping
import OICP
import Readers

/// `mapping check`: compiles a mapping (against an input's header when one is given), says what
/// each OICP field comes from, and tries it on the first records of the input.
public struct MappingCheck {
    public struct Result: Sendable {
        public var mappingName: String?
        public var fieldSources: [(field: String, source: String)]
        public var shaping: [String]
        public var parameters: [(name: String, value: String)]
        /// Columns of the input the mapping does not read.
        public var unusedColumns: [String]
        public var columnsUsed: [String]
        /// Whether the input has columns (CSV) rather than paths (JSON, XML).
        public var hasHeader = true
        /// From the trial on the first records.
        public var sampled = 0
        public var sampleWritten = 0
        public var sampleRejected = 0
        public var sampleReasons: [String: Int] = [:]
        public var sampleWarnings: [String: Int] = [:]
        public var unknownValues: [String: [String: Int]] = [:]
    }

    public static func run(mappingPath: String, inputPath: String?, parameters: [String: String], version: OICPVersion,
                           sample: Int) throws -> Result {
        let document = try MappingDocument.load(path: mappingPath)
        var reader: RecordReader?
        if let inputPath { reader = try Converter.openReader(document: document, path: inputPath) }
        let mapping = try MappingCompiler.compile(document, header: reader?.header, parameters: parameters)
        let used = Set(mapping.columnUsage.order)
        var result = Result(
            mappingName: document.name, fieldSources: mapping.fieldSources, shaping: mapping.shapingSummary,
            parameters: mapping.parameters.keys.sorted().map { ($0, mapping.parameters[$0]!) },
            unusedColumns: reader?.header?.names.filter { !used.contains($0) } ?? [],
            columnsUsed: mapping.columnUsage.order)
        result.hasHeader = reader?.header != nil
        guard let reader, sample > 0 else { return result }
        let mapper = Mapper(mapping: mapping, version: version)
        let validator = OICPValidator(version: version)
        var ownership: [String: OperatorOwnership] = [:]
        func take(_ m: MappedRecord) {
            var reasons = m.issues.filter { $0.severity == .reject }.map(\.rule)
            var warnings = m.issues.filter { $0.severity == .warning }.map(\.rule)
            if !m.rejected {
                let prepared = m.evse.prepared(for: version)
                for v in validator.validate(prepared) {
                    if v.severity == .error { reasons.append(v.rule.id) } else { warnings.append(v.rule.id) }
                }
                if let id = m.operatorID {
                    let key = Patterns.operatorKey(id)
                    var o = ownership[key] ?? OperatorOwnership(operatorID: id)
                    if reasons.isEmpty, let evseID = prepared.evseID, let v = o.check(evseID: evseID) {
                        reasons.append(v.rule.id)
                    }
                    ownership[key] = o
                } else {
                    reasons.append("operator.missing")
                }
            }
            if reasons.isEmpty { result.sampleWritten += 1 } else { result.sampleRejected += 1 }
            for r in reasons { result.sampleReasons[r, default: 0] += 1 }
            for w in warnings { result.sampleWarnings[w, default: 0] += 1 }
        }
        while result.sampled < sample, let record = try reader.next() {
            result.sampled += 1
            for m in mapper.process(record) { take(m) }
        }
        for m in mapper.finish() { take(m) }
        result.unknownValues = mapper.statistics.unknownValues
        return result
    }
}
