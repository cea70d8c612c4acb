@testable import DialogEngine
import HashTreeCollections
import Testing

@Suite struct ExpressionTests {
    let checker = ExpressionChecker(
        variableTypes: ["age": .number, "insured": .bool, "plan": .oneOf(["basic", "extra"]), "name": .text],
        facts: ["fee": ["amount": .number(385), "year": .number(2024)]])

    func evaluate(_ text: String, _ variables: Variables) throws -> Bool {
        let parsed = try ExpressionParser.parse(text)
        guard case .success(let (resolved, type)) = checker.check(parsed) else {
            Issue.record("does not type-check: \(text)")
            return false
        }
        #expect(type == .bool)
        return resolved.isTrue(variables)
    }

    @Test(arguments: [
        ("age >= 18 and insured", true),
        ("age < 18 or not insured", false),
        ("plan == 'extra'", true),
        ("plan in ['basic', \"extra\"]", true),
        ("plan not in ['basic']", true),
        ("(age > 60 or age < 20) and plan != 'basic'", false),
        ("age > fee.amount", false),
        ("fee.year == 2024", true),
        ("not (insured and age == 40)", false),
    ])
    func evaluates(_ text: String, _ expected: Bool) throws {
        let variables: Variables = ["age": .number(40), "insured": .bool(true), "plan": .text("extra")]
        #expect(try evaluate(text, variables) == expected)
    }

    @Test func aMissingVariableMakesComparisonsFalse() throws {
        #expect(try evaluate("age > 3", [:]) == false)
    }

    @Test(arguments: [
        ("age >", "expected a value but found end of expression", 5),
        ("age = 3", "'=' is not an operator: write '==' to compare", 4),
        ("(age > 3", "expected ')' but found end of expression", 8),
        ("name == 'x", "unterminated string: add the closing '", 8),
        ("age > 3 4", "unexpected number 4 after the end of the expression", 8),
        ("age # 3", "unexpected character '#'", 4),
    ])
    func syntaxErrors(_ text: String, _ message: String, _ offset: Int) {
        #expect(throws: ExpressionError(message: message, offset: offset)) { try ExpressionParser.parse(text) }
    }

    static let tooDeep = "the condition nests more than 64 levels deep: simplify it (a long 'or' chain of comparisons can be one 'name in [...]')"

    /// Deep conditions are refused while parsing, before the checker and evaluation recurse
    /// once per level (the fuzzer found a stack overflow with an `or` chain 1,300 long).
    @Test func nestingDeeperThanTheLimitIsRefusedWhereItStarts() throws {
        let chain = { (count: Int) in Array(repeating: "insured", count: count).joined(separator: " or ") }
        #expect(try evaluate(chain(64), ["insured": .bool(true)]))
        // The 64th 'or' makes the 65th level; each "insured or " is 11 columns.
        #expect(throws: ExpressionError(message: Self.tooDeep, offset: 63 * 11 + 8)) { try ExpressionParser.parse(chain(65)) }
        #expect(throws: ExpressionError(message: Self.tooDeep, offset: 63 * 11 + 8)) { try ExpressionParser.parse(chain(1_400)) }

        let parentheses = { (count: Int) in String(repeating: "(", count: count) + "insured" + String(repeating: ")", count: count) }
        #expect(try evaluate(parentheses(64), ["insured": .bool(true)]))
        #expect(throws: ExpressionError(message: Self.tooDeep, offset: 64)) { try ExpressionParser.parse(parentheses(65)) }
        #expect(throws: ExpressionError(message: Self.tooDeep, offset: 64)) { try ExpressionParser.parse(String(repeating: "(", count: 5_000)) }

        // 63 `not`s over a value are 64 levels; the 64th `not` (at column 63 * 4) is one too many.
        #expect(try evaluate(String(repeating: "not ", count: 63) + "insured", ["insured": .bool(true)]) == false)
        for count in [64, 65, 3_000] {
            #expect(throws: ExpressionError(message: Self.tooDeep, offset: 63 * 4)) {
                try ExpressionParser.parse(String(repeating: "not ", count: count) + "insured")
            }
        }
        #expect(throws: ExpressionError(message: Self.tooDeep, offset: 64)) { try ExpressionParser.parse(String(repeating: "[", count: 100)) }
    }

    @Test(arguments: [
        ("age == 'x'", ExpressionChecker.Problem.type("cannot compare number with text using '=='", offset: 4)),
        ("name > 'a'", .type("'>' compares numbers, not text", offset: 5)),
        ("plan == 'basik'", .type("'basik' is not an allowed value ('basic', 'extra') (did you mean 'basic'?)", offset: 5)),
        ("insured and age", .type("'and' needs true/false values on both sides, not number", offset: 0)),
        ("agee > 1", .unknownVariable("agee", offset: 0, suggestion: "age")),
        ("fee.amout > 1", .unknownFact("fee.amout", offset: 0, suggestion: "fee.amount")),
    ])
    func typeErrors(_ text: String, _ problem: ExpressionChecker.Problem) throws {
        guard case .failure(let box) = checker.check(try ExpressionParser.parse(text)) else {
            Issue.record("expected a problem")
            return
        }
        #expect(box.problem == problem)
    }

    /// A yes/no variable compared with text gets the condition the author meant as its hint,
    /// whatever side the text is on; the yes and no words are the bundle's.
    @Test(arguments: [
        ("insured == 'no'", "write 'not insured'"),
        ("insured == 'nee'", "write 'not insured'"),
        ("'no' == insured", "write 'not insured'"),
        ("insured != 'yes'", "write 'not insured'"),
        ("insured == 'ja'", "write 'insured': it is true when the answer was yes"),
        ("insured != 'no'", "write 'insured': it is true when the answer was yes"),
        ("insured == 'maybe'", "a yes/no variable is true or false, not text: write 'insured' or 'not insured'"),
    ])
    func aYesNoVariableComparedWithTextHintsTheCondition(_ text: String, _ hint: String) throws {
        let words = LanguageWords([LanguagePack.builtIn["nl"]!, LanguagePack.builtIn["en"]!])
        var checker = checker
        checker.yesOrNo = { words.interpretYesNo(TextNormalizer.words($0)) }
        guard case .failure(let box) = checker.check(try ExpressionParser.parse(text)),
              case .type(let message, _, let given) = box.problem else {
            Issue.record("expected a type problem")
            return
        }
        #expect(message.hasPrefix("cannot compare "))
        #expect(given == hint)
    }
}
