/// An analyst's model formula, `y ~ x1 + x2 + factor(c, ref = "level")`, parsed.
///
/// Grammar: `response ~ term (+ term)*`, where a term is a column name (bare or in backticks),
/// `factor(name)`, `factor(name, ref = "level")`, or `1`/`0`/`- 1` for the intercept.
public struct FitFormula: Sendable, Equatable {
    /// One right-hand-side term.
    public enum Term: Sendable, Equatable {
        /// A column: numeric if all its values are numbers, otherwise a factor.
        case column(String)
        /// `factor(name)` with an optional reference level.
        case factor(String, reference: String?)

        public var column: String {
            switch self {
            case let .column(name), let .factor(name, _): name
            }
        }
    }

    public let response: String
    public let terms: [Term]
    public let hasIntercept: Bool

    public init(response: String, terms: [Term], hasIntercept: Bool) {
        self.response = response
        self.terms = terms
        self.hasIntercept = hasIntercept
    }

    /// Parses `text`; throws `FitError.formulaSyntax` saying what was expected where.
    public init(parsing text: String) throws(FitError) {
        var parser = Parser(text: text)
        let response = try parser.name()
        try parser.expect("~")
        var terms: [Term] = []
        var intercept = true
        var sign = "+"
        while true {
            parser.skipSpace()
            if parser.peek == "1" || parser.peek == "0" {
                let digit = parser.next()!
                intercept = (digit == "1") == (sign == "+")
            } else {
                guard sign == "+" else { throw parser.failure("only the intercept (- 1) can be removed") }
                let word = try parser.name()
                parser.skipSpace()
                if word == "factor" && parser.peek == "(" {
                    _ = parser.next()
                    let column = try parser.name()
                    parser.skipSpace()
                    var reference: String?
                    if parser.peek == "," {
                        _ = parser.next()
                        let key = try parser.name()
                        guard key == "ref" else { throw parser.failure("expected `ref = \"level\"`") }
                        try parser.expect("=")
                        reference = try parser.quoted()
                    }
                    try parser.expect(")")
                    terms.append(.factor(column, reference: reference))
                } else {
                    terms.append(.column(word))
                }
            }
            parser.skipSpace()
            guard let c = parser.peek else { break }
            guard c == "+" || c == "-" else { throw parser.failure("expected + or - between terms") }
            sign = String(parser.next()!)
        }
        if terms.map(\.column).contains(response) {
            throw FitError.formulaSyntax(formula: text, problem: "the response `\(response)` also appears as a term")
        }
        var seen = Set<String>()
        for term in terms where !seen.insert(term.column).inserted {
            throw FitError.formulaSyntax(formula: text, problem: "`\(term.column)` appears twice")
        }
        self.init(response: response, terms: terms, hasIntercept: intercept)
    }

    private struct Parser {
        let text: String
        let characters: [Character]
        var position = 0

        init(text: String) {
            self.text = text
            self.characters = Array(text)
        }

        var peek: Character? { position < characters.count ? characters[position] : nil }

        mutating func next() -> Character? {
            defer { position += 1 }
            return peek
        }

        mutating func skipSpace() {
            while let c = peek, c.isWhitespace { position += 1 }
        }

        func failure(_ problem: String) -> FitError {
            .formulaSyntax(formula: text, problem: "\(problem) at character \(position + 1)")
        }

        mutating func expect(_ symbol: Character) throws(FitError) {
            skipSpace()
            guard peek == symbol else { throw failure("expected `\(symbol)`") }
            position += 1
        }

        /// A bare name (letters, digits, `_`, `.`) or a backticked one.
        mutating func name() throws(FitError) -> String {
            skipSpace()
            if peek == "`" {
                position += 1
                var result = ""
                while let c = peek, c != "`" { result.append(c); position += 1 }
                guard peek == "`" else { throw failure("unterminated backtick") }
                position += 1
                guard !result.isEmpty else { throw failure("empty column name") }
                return result
            }
            var result = ""
            while let c = peek, c.isLetter || c.isNumber || c == "_" || c == "." { result.append(c); position += 1 }
            guard !result.isEmpty else { throw failure("expected a column name") }
            return result
        }

        mutating func quoted() throws(FitError) -> String {
            skipSpace()
            guard let quote = peek, quote == "\"" || quote == "'" else { throw failure("expected a quoted level") }
            position += 1
            var result = ""
            while let c = peek, c != quote { result.append(c); position += 1 }
            guard peek == quote else { throw failure("unterminated quote") }
            position += 1
            return result
        }
    }
}
