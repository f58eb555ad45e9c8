import Foundation
import Readers

/// A regular expression of a mapping (`capture`, `matches`, the `~` condition), with ICU's
/// syntax and meaning (`NSRegularExpression`). Where the pattern keeps to the common part of
/// the syntax (``PatternSyntax``) and the text is ASCII, ``PatternProgram`` finds the match
/// instead: the same result without ICU's cost per call (UTF-16 text, a match object), which
/// was a twentieth of a DATEX or OCPI conversion.
final class TextPattern: @unchecked Sendable {
    let regex: NSRegularExpression
    private let program: PatternProgram?
    private let names: [String: Int]
    private let groupCount: Int

    var pattern: String { regex.pattern }

    /// Throws what `NSRegularExpression` throws for a pattern it does not accept.
    init(_ pattern: String) throws {
        regex = try NSRegularExpression(pattern: pattern)
        let parsed = PatternSyntax.parse(pattern)
        program = parsed.flatMap(PatternProgram.init)
        names = parsed?.names ?? [:]
        groupCount = parsed?.groupCount ?? 0
    }

    /// Whether the pattern runs without ICU on ASCII text (for tests).
    var isCompiled: Bool { program != nil }

    /// Whether the pattern matches somewhere in `text`.
    func matches(_ text: String) -> Bool {
        switch search(text) {
        case .match: return true
        case .noMatch: return false
        case .tooLong, nil: return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
    }

    /// The text of the first match's group `group` (by name), else of its first group, else the
    /// whole match; nil when nothing matches or the group took no part in the match.
    func capture(_ text: String, group: String?) -> String? {
        if program != nil {
            var utf8 = text
            // nil when ICU has to answer; `.some(nil)` when the program found no value.
            let compiled = utf8.withUTF8 { bytes -> String?? in
                switch search(bytes) {
                case .match(let slots): return .some(substring(bytes, slots, group: group))
                case .noMatch: return .some(nil)
                case .tooLong, nil: return nil
                }
            }
            if let compiled { return compiled }
        }
        guard let m = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        let range = group.map { m.range(withName: $0) } ?? (m.numberOfRanges > 1 ? m.range(at: 1) : m.range)
        guard range.location != NSNotFound, let r = Range(range, in: text) else { return nil }
        return String(text[r])
    }

    /// The text of the group `capture` asks for, from the program's capture slots.
    private func substring(_ bytes: UnsafeBufferPointer<UInt8>, _ slots: [Int], group: String?) -> String? {
        let index = group.map { names[$0] ?? -1 } ?? (groupCount > 0 ? 1 : 0)
        guard index >= 0, slots[2 * index] >= 0 else { return nil }
        let (start, end) = (slots[2 * index], slots[2 * index + 1])
        // A bound between the CR and LF of a line end splits a character (the only character of
        // two ASCII scalars): no substring, as with ICU's range.
        guard !Self.splitsLineEnd(start, bytes), !Self.splitsLineEnd(end, bytes) else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The compiled program's search, or nil where ICU has to run (no program, or text that is
    /// not ASCII: ICU's classes and case folding beyond ASCII are not the program's).
    private func search(_ text: String) -> PatternProgram.Outcome? {
        guard program != nil else { return nil }
        var text = text
        return text.withUTF8(search)
    }

    private func search(_ bytes: UnsafeBufferPointer<UInt8>) -> PatternProgram.Outcome? {
        guard let program, ByteScan.isASCII(bytes) else { return nil }
        return program.firstMatch(bytes)
    }

    private static func splitsLineEnd(_ offset: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        offset > 0 && offset < bytes.count && bytes[offset - 1] == 0x0D && bytes[offset] == 0x0A
    }
}
