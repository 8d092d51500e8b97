import Foundation
import Testing

/// `risktier fit --csv` end to end: the built binary, its stdout, its JSON file, its exit code.
@Suite("risktier fit --csv")
struct FitCommandTests {
    static func reference(_ name: String) -> ReferenceCase {
        ReferenceCase.all.first { $0.case == name }!
    }

    static func arguments(for reference: ReferenceCase) -> [String] {
        var args = ["fit", "--csv", RepositoryRoot.url.appendingPathComponent(reference.csv).path,
                    "--formula", reference.formula]
        if let w = reference.weights { args += ["--weights", w] }
        if let o = reference.offset { args += ["--offset", o] }
        return args
    }

    /// The JSON file at the default ε against R: estimates 1e-8 relative (see
    /// ReferenceFitTests.defaultEpsilon), standard errors at the estimate 1e-8, deviances 1e-9.
    @Test("--json writes R's numbers", arguments: ["spector_offset", "german_credit_rank_deficient", "star98", "german_credit_weighted_fractional"])
    func json(_ name: String) throws {
        let reference = Self.reference(name)
        let dir = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run(Self.arguments(for: reference) + ["--json", "fit.json"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let data = try Data(contentsOf: dir.appendingPathComponent("fit.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rows = try #require(json["coefficients"] as? [[String: Any]])
        #expect(rows.map { $0["term"] as? String } == reference.coefficients.map(\.term))
        for (row, r) in zip(rows, reference.coefficients) {
            #expect(row["aliased"] as? Bool == r.aliased)
            if r.aliased {
                for key in ["estimate", "std_error", "z_value", "p_value"] { #expect(row[key] is NSNull, "\(key) of \(r.term)") }
            } else {
                #expect(close(row["estimate"] as? Double, r.estimate, relative: 1e-8, absolute: 1e-12), "\(r.term)")
                #expect(close(row["std_error"] as? Double, r.std_error_at_estimate, relative: 1e-8), "\(r.term)")
            }
        }
        #expect(close(json["residual_deviance"] as? Double, reference.residual_deviance, relative: 1e-9))
        #expect(close(json["null_deviance"] as? Double, reference.null_deviance, relative: 1e-9))
        #expect(close(json["aic"] as? Double, reference.aic, relative: 1e-9))
        #expect(close(json["bic"] as? Double, reference.bic, relative: 1e-9))
        #expect(close(json["loglik"] as? Double, reference.loglik, relative: 1e-9))
        #expect(json["df_null"] as? Int == reference.df_null)
        #expect(json["df_residual"] as? Int == reference.df_residual)
        #expect(json["converged"] as? Bool == true)
        #expect(json["warnings"] as? [String] == reference.warningMessages)
        #expect((json["iterations"] as? Int ?? 0) >= 1)
    }

    @Test("factor terms carry their variable and level; numeric ones a null level")
    func termParts() throws {
        let reference = Self.reference("lbw")
        let dir = try CommandRunner.temporaryDirectory()
        let result = try CommandRunner.run(Self.arguments(for: reference) + ["--json", "fit.json"], in: dir)
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("fit.json"))) as? [String: Any]
        let rows = json?["coefficients"] as? [[String: Any]] ?? []
        let race = rows.first { $0["term"] as? String == "raceblack" }
        #expect(race?["variable"] as? String == "race")
        #expect(race?["level"] as? String == "black")
        let age = rows.first { $0["term"] as? String == "age" }
        #expect(age?["variable"] as? String == "age")
        #expect(age?["level"] is NSNull)
        let intercept = rows.first { $0["term"] as? String == "(Intercept)" }
        #expect(intercept?["variable"] is NSNull)
    }

    /// Without --json the summary goes to stdout: R's coefficient table (to the last printed
    /// digit, as in ReferenceFitTests.coefficientTable), the deviance lines exactly, then the
    /// odds ratios.
    @Test("summary on stdout reads like R's", arguments: ["lbw", "german_credit_factors", "star98"])
    func summary(_ name: String) throws {
        let reference = Self.reference(name)
        let result = try CommandRunner.run(Self.arguments(for: reference), in: try CommandRunner.temporaryDirectory())
        #expect(result.status == 0)
        let ours = ReferenceFitTests.coefficientTable(in: result.stdout)
        let theirs = ReferenceFitTests.coefficientTable(in: reference.summaryText)
        #expect(ours.count == theirs.count)
        for (a, b) in zip(ours, theirs) where a != b {
            #expect(ReferenceFitTests.equalToLastDigit(a, b), "\nours: \(a)\nR:    \(b)")
        }
        for prefix in ["    Null deviance:", "Residual deviance:", "AIC:", "(Dispersion parameter"] {
            let line = reference.summaryText.components(separatedBy: "\n").first { $0.hasPrefix(prefix) }
            #expect(line != nil && result.stdout.contains(line!), "\(prefix)")
        }
        #expect(result.stdout.contains("Odds ratios with 95% Wald confidence intervals:"))
    }

    @Test("separation: R's warnings in the summary, exit 0")
    func separation() throws {
        let reference = Self.reference("separation_complete")
        let result = try CommandRunner.run(Self.arguments(for: reference), in: try CommandRunner.temporaryDirectory())
        #expect(result.status == 0)
        #expect(result.stdout.contains("Warning messages:\n1: fitted probabilities numerically 0 or 1 occurred\n"))
    }

    /// A bad input: its message verbatim on stderr, the exit code, and no output file.
    struct BadInput: Sendable, CustomTestStringConvertible {
        let name: String
        let csv: String
        let arguments: [String]
        let status: Int32
        let message: String
        var testDescription: String { name }
    }

    static let badInputs: [BadInput] = [
        BadInput(name: "unknown column", csv: "y,x,c\n0,1,a\n1,2,b\n", arguments: ["--formula", "y ~ x + zz"], status: 1,
                 message: "data.csv: `zz` must be a column of the header; got no such column (columns: y, x, c)"),
        BadInput(name: "non-numeric value in a numeric term", csv: "y,x\n0,1\n1,abc\n0,3\n", arguments: ["--formula", "y ~ x"], status: 1,
                 message: "data.csv:3: `x` must be a number like its other values (write factor(x) to make it categorical); got \"abc\""),
        BadInput(name: "non-numeric weight", csv: "y,x,w\n0,1,1\n1,2,x\n", arguments: ["--formula", "y ~ x", "--weights", "w"], status: 1,
                 message: "data.csv:3: `w` must be a number; got \"x\""),
        BadInput(name: "response outside [0, 1]", csv: "y,x,w\n0,1,2\n1.5,2,2\n", arguments: ["--formula", "y ~ x", "--weights", "w"], status: 1,
                 message: "data.csv:3: `y` must be in [0, 1]; got 1.5"),
        BadInput(name: "proportion without weights", csv: "y,x\n0,1\n0.5,2\n", arguments: ["--formula", "y ~ x"], status: 1,
                 message: "data.csv:3: `y` must be 0 or 1 (a proportion needs --weights); got 0.5"),
        BadInput(name: "missing value", csv: "y,x\n0,1\n1,\n", arguments: ["--formula", "y ~ x"], status: 1,
                 message: "data.csv:3: `x` must have a value; got a missing value"),
        BadInput(name: "NA value", csv: "y,x\n0,1\nNA,2\n", arguments: ["--formula", "y ~ x"], status: 1,
                 message: "data.csv:3: `y` must have a value; got a missing value"),
        BadInput(name: "empty file", csv: "", arguments: ["--formula", "y ~ x"], status: 1,
                 message: "data.csv: the file must have a header and at least one data row; got none"),
        BadInput(name: "header only", csv: "y,x\n", arguments: ["--formula", "y ~ x"], status: 1,
                 message: "data.csv: the file must have a header and at least one data row; got none"),
        BadInput(name: "reference level that does not occur", csv: "y,c\n0,a\n1,b\n", arguments: ["--formula", "y ~ factor(c, ref = \"q\")"], status: 1,
                 message: "data.csv: `c` reference level must be one of its levels (a, b); got \"q\""),
        BadInput(name: "formula syntax", csv: "y,x\n0,1\n1,2\n", arguments: ["--formula", "y ~ x +"], status: 2,
                 message: "`--formula` must read like 'y ~ x1 + x2 + factor(c, ref = \"level\")'; got 'y ~ x +': expected a column name at character 8"),
    ]

    @Test("bad input: message, exit code, no output file", arguments: badInputs)
    func badInput(_ bad: BadInput) throws {
        let dir = try CommandRunner.temporaryDirectory()
        try Data(bad.csv.utf8).write(to: dir.appendingPathComponent("data.csv"))
        let result = try CommandRunner.run(["fit", "--csv", "data.csv"] + bad.arguments + ["--json", "out.json"], in: dir)
        #expect(result.status == bad.status)
        #expect(result.stderr == "risktier fit: \(bad.message)\n")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.json").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(leftovers == ["data.csv"])
    }

    @Test("a missing file names it")
    func missingFile() throws {
        let result = try CommandRunner.run(["fit", "--csv", "nope.csv", "--formula", "y ~ x"], in: try CommandRunner.temporaryDirectory())
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("risktier fit: nope.csv: cannot open"))
    }
}
