/// An error in an expression, with the 0-based column inside the expression text.
struct ExpressionError: Error, Sendable, Equatable {
    var message: String
    var offset: Int
}

/// Parses the condition language: `==`, `!=`, `<`, `<=`, `>`, `>=`, `and`, `or`, `not`, `in`,
/// parentheses, names (`age`, `deductible.amount`), numbers, quoted strings, `true`, `false`
/// and list literals.
struct ExpressionParser {
    private enum Token: Equatable {
        case name(String)
        case number(Double)
        case string(String)
        case symbol(String)
        case end
    }

    private var tokens: [(token: Token, offset: Int)] = []
    private var position = 0

    static func parse(_ text: String) throws(ExpressionError) -> Expression {
        var parser = ExpressionParser()
        try parser.tokenize(Array(text.unicodeScalars))
        let expression = try parser.parseOr().expression
        if parser.current != .end {
            throw ExpressionError(message: "unexpected \(parser.describe(parser.current)) after the end of the expression", offset: parser.currentOffset)
        }
        return expression
    }

    private var current: Token { tokens[position].token }
    private var currentOffset: Int { tokens[position].offset }

    private func describe(_ token: Token) -> String {
        switch token {
        case .name(let name): "'\(name)'"
        case .number(let number): "number \(DialogValue.number(number))"
        case .string(let text): "string '\(text)'"
        case .symbol(let symbol): "'\(symbol)'"
        case .end: "end of expression"
        }
    }

    private mutating func tokenize(_ scalars: [Unicode.Scalar]) throws(ExpressionError) {
        var index = 0
        func isNameStart(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s == "_" }
        func isNamePart(_ s: Unicode.Scalar) -> Bool { isNameStart(s) || ("0"..."9").contains(s) || s == "-" }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\t" || scalar == "\n" {
                index += 1
                continue
            }
            let start = index
            if isNameStart(scalar) {
                var name = ""
                // Names may hold one dot: `fact.field`.
                while index < scalars.count, isNamePart(scalars[index]) || (scalars[index] == "." && index + 1 < scalars.count && isNameStart(scalars[index + 1])) {
                    name.unicodeScalars.append(scalars[index])
                    index += 1
                }
                tokens.append((.name(name), start))
            } else if ("0"..."9").contains(scalar) || (scalar == "-" && index + 1 < scalars.count && ("0"..."9").contains(scalars[index + 1])) {
                var text = String(scalar)
                index += 1
                while index < scalars.count, ("0"..."9").contains(scalars[index]) || scalars[index] == "." {
                    text.unicodeScalars.append(scalars[index])
                    index += 1
                }
                guard let number = Double(text) else { throw ExpressionError(message: "'\(text)' is not a number", offset: start) }
                tokens.append((.number(number), start))
            } else if scalar == "'" || scalar == "\"" {
                index += 1
                var text = ""
                while index < scalars.count, scalars[index] != scalar {
                    text.unicodeScalars.append(scalars[index])
                    index += 1
                }
                guard index < scalars.count else { throw ExpressionError(message: "unterminated string: add the closing \(scalar)", offset: start) }
                index += 1
                tokens.append((.string(text), start))
            } else {
                let two = index + 1 < scalars.count ? String(scalar) + String(scalars[index + 1]) : ""
                if ["==", "!=", "<=", ">=", "&&", "||"].contains(two) {
                    tokens.append((.symbol(two), start))
                    index += 2
                } else if "()[],<>!".unicodeScalars.contains(scalar) {
                    tokens.append((.symbol(String(scalar)), start))
                    index += 1
                } else if scalar == "=" {
                    throw ExpressionError(message: "'=' is not an operator: write '==' to compare", offset: start)
                } else {
                    throw ExpressionError(message: "unexpected character '\(scalar)'", offset: start)
                }
            }
        }
        tokens.append((.end, scalars.count))
    }

    private mutating func take(_ symbol: String) -> Bool {
        if current == .symbol(symbol) || current == .name(symbol) {
            position += 1
            return true
        }
        return false
    }

    /// An expression with how deep its tree is, so that a condition too deep to check or
    /// evaluate safely is refused while it is parsed.
    private struct Parsed {
        var expression: Expression
        var depth: Int
    }

    /// Far deeper than any condition an author writes; the checker and evaluation recurse once
    /// per level, so this bounds their stack use.
    static let maximumDepth = 64

    /// Counts one more level of nesting, refusing the expression past ``maximumDepth``. Checked
    /// on the way down as well, so that the parser's own recursion is bounded too.
    private func nested(_ depth: Int, at offset: Int) throws(ExpressionError) -> Int {
        guard depth <= Self.maximumDepth else {
            throw ExpressionError(
                message: "the condition nests more than \(Self.maximumDepth) levels deep: simplify it (a long 'or' chain of comparisons can be one 'name in [...]')",
                offset: offset)
        }
        return depth
    }

    private mutating func parseOr(nesting: Int = 0) throws(ExpressionError) -> Parsed {
        try parseChain(["or", "||"], joinedBy: Expression.or, nesting: nesting) { (parser: inout Self, nesting: Int) throws(ExpressionError) in
            try parser.parseAnd(nesting: nesting)
        }
    }

    private mutating func parseAnd(nesting: Int) throws(ExpressionError) -> Parsed {
        try parseChain(["and", "&&"], joinedBy: Expression.and, nesting: nesting) { (parser: inout Self, nesting: Int) throws(ExpressionError) in
            try parser.parseNot(nesting: nesting)
        }
    }

    /// Operands joined by one of `words`, left to right; each join is one level deeper.
    private mutating func parseChain(
        _ words: [String], joinedBy join: (Expression, Expression) -> Expression, nesting: Int,
        operand: (inout Self, Int) throws(ExpressionError) -> Parsed
    ) throws(ExpressionError) -> Parsed {
        var left = try operand(&self, nesting)
        while true {
            let offset = currentOffset
            guard words.contains(where: { take($0) }) else { return left }
            let right = try operand(&self, nesting)
            left = Parsed(expression: join(left.expression, right.expression), depth: try nested(max(left.depth, right.depth) + 1, at: offset))
        }
    }

    private mutating func parseNot(nesting: Int) throws(ExpressionError) -> Parsed {
        let offset = currentOffset
        if take("not") || take("!") {
            // A chain of `not`s is one level deeper than its nesting (the value under it):
            // counted here, it is refused at the `not` that goes too deep, not at the first.
            _ = try nested(nesting + 2, at: offset)
            let inner = try parseNot(nesting: nesting + 1)
            return Parsed(expression: .not(inner.expression), depth: try nested(inner.depth + 1, at: offset))
        }
        return try parseComparison(nesting: nesting)
    }

    private mutating func parseComparison(nesting: Int) throws(ExpressionError) -> Parsed {
        let left = try parsePrimary(nesting: nesting)
        let offset = currentOffset
        if case .symbol(let symbol) = current, let comparison = Expression.Comparison(rawValue: symbol) {
            position += 1
            let right = try parsePrimary(nesting: nesting)
            return Parsed(expression: .compare(comparison, left.expression, right.expression, offset: offset), depth: try nested(max(left.depth, right.depth) + 1, at: offset))
        }
        if take("in") {
            let right = try parsePrimary(nesting: nesting)
            return Parsed(expression: .contains(left.expression, right.expression, offset: offset), depth: try nested(max(left.depth, right.depth) + 1, at: offset))
        }
        if current == .name("not"), position + 1 < tokens.count, tokens[position + 1].token == .name("in") {
            position += 2
            let right = try parsePrimary(nesting: nesting)
            return Parsed(expression: .not(.contains(left.expression, right.expression, offset: offset)), depth: try nested(max(left.depth, right.depth) + 2, at: offset))
        }
        return left
    }

    private mutating func parsePrimary(nesting: Int) throws(ExpressionError) -> Parsed {
        let offset = currentOffset
        switch current {
        case .number(let number):
            position += 1
            return Parsed(expression: .literal(.number(number)), depth: 1)
        case .string(let text):
            position += 1
            return Parsed(expression: .literal(.text(text)), depth: 1)
        case .name("true"):
            position += 1
            return Parsed(expression: .literal(.bool(true)), depth: 1)
        case .name("false"):
            position += 1
            return Parsed(expression: .literal(.bool(false)), depth: 1)
        case .name(let name) where !["and", "or", "not", "in"].contains(name):
            position += 1
            if let dot = name.firstIndex(of: ".") {
                return Parsed(expression: .fact(String(name[..<dot]), field: String(name[name.index(after: dot)...]), offset: offset), depth: 1)
            }
            return Parsed(expression: .variable(name, offset: offset), depth: 1)
        case .symbol("("):
            position += 1
            let inner = try parseOr(nesting: try nested(nesting + 1, at: offset))
            guard take(")") else { throw ExpressionError(message: "expected ')' but found \(describe(current))", offset: currentOffset) }
            return inner
        case .symbol("["):
            position += 1
            var values: [DialogValue] = []
            if take("]") { return Parsed(expression: .list(values), depth: 1) }
            repeat {
                guard case .literal(let value) = try parsePrimary(nesting: try nested(nesting + 1, at: offset)).expression else {
                    throw ExpressionError(message: "lists may hold only literal values", offset: offset)
                }
                values.append(value)
            } while take(",")
            guard take("]") else { throw ExpressionError(message: "expected ']' or ',' but found \(describe(current))", offset: currentOffset) }
            return Parsed(expression: .list(values), depth: 1)
        default:
            throw ExpressionError(message: "expected a value but found \(describe(current))", offset: offset)
        }
    }
}
