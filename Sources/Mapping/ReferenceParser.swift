import Foundation

/// Parses templates (`"{$operator_id}*E{station_id}{$i}"`) and conditions
/// (`"{status} != 'REMOVED' and not {private}"`).
struct ReferenceParser {
    let scope: CompileScope
    let node: MappingNode

    /// A `{…}` reference: `$name` is a variable or parameter, anything else a column or path.
    func reference(_ inner: String) throws -> Expression {
        let trimmed = inner.trimmingWhitespace()
        if trimmed.hasPrefix("$"), !trimmed.dropFirst().contains(where: { $0 == "." || $0 == "[" || $0 == "{" }) {
            return try scope.variable(String(trimmed.dropFirst()), at: node)
        }
        return try scope.column(trimmed, at: node)
    }

    /// Reads a braced reference starting at `i` (on the `{`); returns its inner text and the index
    /// after the closing brace. Nested braces (`{Steckertypen{$i}}`) are kept in the inner text.
    static func braced(_ chars: [Character], from i: Int) -> (String, Int)? {
        var depth = 0
        var j = i
        while j < chars.count {
            if chars[j] == "{" { depth += 1 }
            if chars[j] == "}" {
                depth -= 1
                if depth == 0 { return (String(chars[(i + 1)..<j]), j + 1) }
            }
            j += 1
        }
        return nil
    }

    func template(_ text: String) throws -> Expression {
        let chars = Array(text)
        var parts: [Expression.TemplatePart] = []
        var literal = ""
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" && i + 1 < chars.count && chars[i + 1] == "{" {
                literal.append("{")
                i += 2
                continue
            }
            if c == "}" && i + 1 < chars.count && chars[i + 1] == "}" {
                literal.append("}")
                i += 2
                continue
            }
            if c == "{" {
                guard let (inner, next) = Self.braced(chars, from: i) else {
                    throw node.error("'{' without '}' in template '\(text)' (write '{{' for a brace)", rule: "mapping.syntax")
                }
                if !literal.isEmpty { parts.append(.literal(literal)) }
                literal = ""
                // `{name?}`: empty text when the value is missing (unless a column is called `name?`).
                if inner.hasSuffix("?"), scope.header?.position(of: inner) == nil {
                    parts.append(.expression(try reference(String(inner.dropLast())), optional: true))
                } else {
                    parts.append(.expression(try reference(inner), optional: false))
                }
                i = next
                continue
            }
            if c == "}" { throw node.error("'}' without '{' in template '\(text)' (write '}}' for a brace)", rule: "mapping.syntax") }
            literal.append(c)
            i += 1
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        if parts.count == 1, case .expression(let e, false) = parts[0] { return e }
        return .template(parts)
    }

    // MARK: - Conditions

    enum Token: Equatable {
        case reference(String)
        case string(String)
        case number(Double)
        case word(String)
        case op(String)
    }

    func tokens(_ text: String) throws -> [Token] {
        let chars = Array(text)
        var out: [Token] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace {
                i += 1
            } else if c == "{" {
                guard let (inner, next) = Self.braced(chars, from: i) else { throw syntax(text, "'{' without '}'") }
                out.append(.reference(inner))
                i = next
            } else if c == "'" || c == "\"" {
                var j = i + 1
                var s = ""
                while j < chars.count && chars[j] != c {
                    // A backslash escapes the quote and itself; before anything else it stays
                    // (so regular expressions such as '\d+' need no doubling).
                    if chars[j] == "\\" && j + 1 < chars.count && (chars[j + 1] == c || chars[j + 1] == "\\") {
                        j += 1
                    }
                    s.append(chars[j])
                    j += 1
                }
                guard j < chars.count else { throw syntax(text, "unterminated text in quotes") }
                out.append(.string(s))
                i = j + 1
            } else if c.isNumber || (c == "-" && i + 1 < chars.count && chars[i + 1].isNumber && (out.last.map { if case .op = $0 { true } else { false } } ?? true)) {
                var j = i + 1
                while j < chars.count && (chars[j].isNumber || chars[j] == ".") { j += 1 }
                guard let n = Double(String(chars[i..<j])) else { throw syntax(text, "'\(String(chars[i..<j]))' is not a number") }
                out.append(.number(n))
                i = j
            } else if c.isLetter || c == "_" {
                var j = i
                while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_") { j += 1 }
                out.append(.word(String(chars[i..<j]).lowercased()))
                i = j
            } else {
                let two = i + 1 < chars.count ? String(chars[i...(i + 1)]) : ""
                if ["==", "!=", "<=", ">=", "!~", "&&", "||"].contains(two) {
                    out.append(.op(two))
                    i += 2
                } else if "=<>~()[],!".contains(c) {
                    out.append(.op(String(c)))
                    i += 1
                } else {
                    throw syntax(text, "unexpected character '\(c)'")
                }
            }
        }
        return out
    }

    func syntax(_ text: String, _ message: String) -> Error {
        node.error("in condition '\(text)': \(message)", rule: "mapping.syntax")
    }

    func condition(_ text: String) throws -> Condition {
        var p = ConditionParser(tokens: try tokens(text), text: text, parser: self)
        let c = try p.parseOr()
        guard p.position == p.tokens.count else { throw syntax(text, "unexpected '\(p.describe(p.tokens[p.position]))'") }
        return c
    }

    struct ConditionParser {
        let tokens: [Token]
        let text: String
        let parser: ReferenceParser
        var position = 0

        func describe(_ t: Token) -> String {
            switch t {
            case .reference(let r): "{\(r)}"
            case .string(let s): "'\(s)'"
            case .number(let n): "\(n)"
            case .word(let w): w
            case .op(let o): o
            }
        }

        var peek: Token? { position < tokens.count ? tokens[position] : nil }

        mutating func parseOr() throws -> Condition {
            var left = try parseAnd()
            while peek == .word("or") || peek == .op("||") {
                position += 1
                left = .or(left, try parseAnd())
            }
            return left
        }

        mutating func parseAnd() throws -> Condition {
            var left = try parseUnary()
            while peek == .word("and") || peek == .op("&&") {
                position += 1
                left = .and(left, try parseUnary())
            }
            return left
        }

        mutating func parseUnary() throws -> Condition {
            if peek == .word("not") || peek == .op("!") {
                position += 1
                return .not(try parseUnary())
            }
            if peek == .op("(") {
                position += 1
                let c = try parseOr()
                guard peek == .op(")") else { throw parser.syntax(text, "missing ')'") }
                position += 1
                return c
            }
            return try parseComparison()
        }

        mutating func operand() throws -> Expression {
            guard let t = peek else { throw parser.syntax(text, "a value is missing at the end") }
            position += 1
            switch t {
            case .reference(let r): return try parser.reference(r)
            case .string(let s): return .constant(.text(s))
            case .number(let n): return .constant(.number(n))
            case .word("true"): return .constant(.bool(true))
            case .word("false"): return .constant(.bool(false))
            case .word(let w):
                throw parser.syntax(text, "'\(w)' is neither a {column} nor a 'quoted text'; write {\(w)} for the column or '\(w)' for the text")
            case .op(let o): throw parser.syntax(text, "a value was expected before '\(o)'")
            }
        }

        mutating func parseComparison() throws -> Condition {
            let left = try operand()
            guard let t = peek else { return .truthy(left) }
            switch t {
            case .op("=="), .op("="), .op("!="), .op("<"), .op("<="), .op(">"), .op(">="):
                position += 1
                guard case .op(let o) = t else { fatalError() }
                let comparison = Condition.Comparison(rawValue: o == "=" ? "==" : o)!
                return .compare(left, comparison, try operand())
            case .op("~"), .op("!~"):
                position += 1
                guard case .string(let pattern)? = peek else { throw parser.syntax(text, "'~' must be followed by a 'quoted regular expression'") }
                position += 1
                do {
                    return .matches(left, try TextPattern(pattern), negated: t == .op("!~"))
                } catch {
                    throw parser.syntax(text, "'\(pattern)' is not a valid regular expression")
                }
            case .word("in"):
                position += 1
                guard peek == .op("[") else { throw parser.syntax(text, "'in' must be followed by a list such as ['a', 'b']") }
                position += 1
                var options: [Expression] = []
                while peek != .op("]") {
                    options.append(try operand())
                    if peek == .op(",") { position += 1 } else if peek != .op("]") { throw parser.syntax(text, "expected ',' or ']'") }
                }
                position += 1
                return .isIn(left, options)
            case .word("is"):
                position += 1
                var negated = false
                if peek == .word("not") {
                    negated = true
                    position += 1
                }
                guard peek == .word("empty") else { throw parser.syntax(text, "'is' must be followed by 'empty' or 'not empty'") }
                position += 1
                return .isEmpty(left, negated: negated)
            default:
                return .truthy(left)
            }
        }
    }
}
