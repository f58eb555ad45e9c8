import ETLCore
import Foundation
import Testing

@testable import Readers

/// JSON items and XML records read flat (`SourceTape`) hold the same trees, lines and errors as
/// when read as `SourceNode` trees.
@Suite struct SourceTapeTests {
    /// The value read both ways, or the error message each gives.
    func both(_ json: String, snakeCase: Bool = false, maxStringBytes: Int = 1 << 20) -> (tree: Result<SourceNode, Diagnostic>, tape: Result<SourceTape, Diagnostic>) {
        let bytes = Array(json.utf8)
        return bytes.withUnsafeBufferPointer { b in
            func scanner() -> JSONScanner {
                var s = JSONScanner(bytes: b, file: "t.json", maxDepth: 8, maxStringBytes: maxStringBytes)
                s.snakeCaseKeys = snakeCase
                return s
            }
            var s1 = scanner()
            var s2 = scanner()
            let tree = Result { try s1.parseValue(depth: 1) }.mapError { $0 as! Diagnostic }
            let tape = Result { try s2.parseTape(depth: 1) }.mapError { $0 as! Diagnostic }
            // Both stop after the value (where an error stops them does not matter: the file stops).
            if case .success = tree { #expect(s1.position == s2.position) }
            return (tree, tape)
        }
    }

    static let documents = [
        #"{"a": 1, "b": [true, false, null], "c": {"d": "x", "e": []}, "f": {}}"#,
        #"{"escaped": "a\"b\\c\/d\n\u00e9\ud83d\ude00", "text": "Köln 日本", "": "empty key"}"#,
        #"{"n": [-1, 0.5, 12.250, 1e3, -2E-2, 123456789012345678901234567890]}"#,
        #"{"dup": 1, "dup": 2, "nested": [[1, [2, [3]]], {"x": [{}]}]}"#,
        #"{"maxElectricPower": 1, "evse_id": "E", "EVSE": 2, "a\u0062": 3}"#,
        "{\n  \"lines\": {\n    \"x\": 1\n  },\n  \"y\": [\n  {\"z\": 2}\n  ]\n}",
        #"["item", 1, {"k": "v"}]"#,
        #""just text""#,
        "42",
    ]

    @Test("a tape holds the tree the scanner reads, with the same keys, texts, numbers as written and lines", arguments: documents)
    func sameTrees(_ json: String) throws {
        for snakeCase in [false, true] {
            let (tree, tape) = both(json, snakeCase: snakeCase)
            let t = try tape.get()
            #expect(t.node(0) == (try tree.get()))
            #expect(SourceNode.tape(t, 0) == (try tree.get()))
            // Every object's line is the line its brace is on.
            func lines(_ n: SourceNode) -> [Int] {
                switch n {
                case .object(let o): [o.line ?? -1] + o.values.flatMap(lines)
                case .array(let a): a.flatMap(lines)
                default: []
                }
            }
            let tapeLines = t.entries.indices.filter { t.entries[$0].kind == .object }.map { Int(t.entries[$0].line) }
            #expect(tapeLines == lines(try tree.get()))
        }
    }

    static let broken = [
        #"{"a": "line"#, #"{"a": "x\#ny"}"#, "{\"a\": \"tab\there\"}", #"{"a": "\q"}"#, #"{"a": 1.2.3}"#, #"{"a" 1}"#,
        #"{a: 1}"#, #"{"a": [1, 2}"#, #"{"a": tru}"#, #"[[[[[[[[[[1]]]]]]]]]]"#, #"{"a": "\u12"}"#, "{\"a\": \"\u{1}\"}",
        #"{"a": "toolong"}"#, #"{"toolongkey": 1}"#, "{\"a\": \"\\u00e9", #"{"a": "#,
    ]

    @Test("broken JSON gives the same error, rule and line read flat as read as a tree", arguments: broken)
    func sameErrors(_ json: String) {
        let (tree, tape) = both(json, maxStringBytes: 6)
        guard case .failure(let a) = tree, case .failure(let b) = tape else {
            Issue.record("both must fail: \(tree), \(tape)")
            return
        }
        #expect(a.message == b.message)
        #expect(a.rule == b.rule)
        #expect(a.line == b.line)
    }

    @Test("invalid UTF-8 in a text or key is refused read flat as read as a tree")
    func invalidUTF8() {
        for bytes: [UInt8] in [[0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D], [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]] {
            bytes.withUnsafeBufferPointer { b in
                var s1 = JSONScanner(bytes: b, file: "t.json", maxDepth: 8, maxStringBytes: 100)
                var s2 = JSONScanner(bytes: b, file: "t.json", maxDepth: 8, maxStringBytes: 100)
                let a = Result { try s1.parseValue(depth: 1) }.mapError { $0 as! Diagnostic }
                let c = Result { try s2.parseTape(depth: 1) }.mapError { $0 as! Diagnostic }
                guard case .failure(let x) = a, case .failure(let y) = c else {
                    Issue.record("both must fail")
                    return
                }
                #expect(x.rule == "json.encoding" && y.rule == "json.encoding")
            }
        }
    }

    @Test("a tape answers member lookups, scalar texts and children as the tree does")
    func lookups() throws {
        let t = try both(#"{"a": {"b": "x", "n": 2.50, "t": true}, "list": [1, "two"], "a": 3}"#).tape.get()
        let root = SourceNode.tape(t, 0)
        #expect(root["a"]?["b"]?.scalarText == "x")
        #expect(root["a"]?["n"]?.scalarText == "2.50", "numbers as written")
        #expect(root["a"]?["t"]?.scalarText == "true")
        #expect(root["missing"] == nil)
        #expect(root["list"]?["x"] == nil, "no members in an array")
        #expect(root["a"]?.materialized == .object(SourceObject(keys: ["b", "n", "t"], values: [.text("x"), .number("2.50"), .bool(true)], line: 1)))
        #expect(t.children(0).map(t.keyText) == ["a", "list", "a"])
    }
}
