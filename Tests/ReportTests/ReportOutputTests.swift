import Foundation
import Reports
import RiskTierKit
import Statistics
import Testing

/// The report file from a saved model: same numbers as R's fit, self-contained, bilingual,
/// escaped, deterministic, atomic; and the `risktier report` command.
@Suite("Report file and command")
struct ReportOutputTests {
    static func modelPath() throws -> String { try ReportFixture.model.get().path }

    /// Our IRLS and R's glm both converge to ~1e-14; fitted values agree to 1e-8 relative (the
    /// fit tests' tolerance for German credit). At that distance no pair of rows swaps order
    /// (the closest distinct R probabilities are further apart), so the AUC is R's exactly.
    @Test("report of the saved German credit model: R's fitted probabilities and sklearn's AUC")
    func savedModel() throws {
        let report = try ReportRun.report(modelPath: try Self.modelPath(), csvPath: ReportFixture.csv, baselineCSV: nil)
        let (y, p, _) = try ReportFixture.referenceScores()
        #expect(report.outcomes == y)
        #expect(report.probabilities.count == p.count)
        for (a, b) in zip(report.probabilities, p) { #expect(close(a, b, relative: 1e-8)) }
        let validation = try Repository.json(ReportFixture.validation)
        #expect(close(report.roc.auc, validation["auc"] as? Double, relative: 1e-12))
        #expect(report.psi == nil)
        let charts = try SVGDocument.charts(in: report.html)
        #expect(Set(charts.keys) == Set(CalibrationReport.chartIDs(withBaseline: false)))
        #expect(!report.html.contains("chart-psi"))
        // summary.txt of the model folder is shown (escaped) as the full fit output.
        #expect(report.html.contains("<details><summary>"))
        #expect(report.html.contains("status_of_existing_checking_account... &gt;= 200 DM"))
    }

    @Test("self-contained: no script, no external resource, no URL but the SVG namespace")
    func selfContained() throws {
        let html = try ReportFixture.referenceReport().html.lowercased()
        for banned in ["<script", "<link", "<img", "<iframe", "<object", "<embed", "@import", "@font-face", "url(", "src=", "href=", "javascript:"] {
            #expect(!html.contains(banned), "\(banned)")
        }
        #expect(html.range(of: "\\son[a-z]+\\s*=", options: .regularExpression) == nil, "event handler attribute")
        let urls = html.components(separatedBy: "://").count - 1
        #expect(urls == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"zh-cn\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
    }

    /// Every section heading and every axis title carries both Chinese (a CJK ideograph) and
    /// English (a Latin letter).
    @Test("labels in Chinese and English")
    func bilingual() throws {
        let html = try ReportFixture.referenceReport().html
        func bilingual(_ s: String) -> Bool {
            s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } && s.unicodeScalars.contains { ("A"..."z").contains($0) }
        }
        let headings = html.components(separatedBy: "<h2>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(headings.count == 8)
        for h in headings { #expect(bilingual(h), "\(h)") }
        for (id, chart) in try SVGDocument.charts(in: html) {
            for title in chart.all("text", class: "axis-title") where !title.text.isEmpty { #expect(bilingual(title.text), "\(id): \(title.text)") }
            #expect(bilingual(chart.elements[0].attributes["aria-label"] ?? ""), "\(id) label")
        }
    }

    /// A factor level with every character HTML gives meaning to: the page holds it only
    /// escaped, every chart still parses as XML, and the parsed label is the original text.
    @Test("text from the data is escaped")
    func escaping() throws {
        let folder = try Repository.temporaryDirectory("escape")
        defer { try? FileManager.default.removeItem(at: folder) }
        let level = "a<&>\"b'c"
        var csv = "y,x,grp\n"
        for i in 0..<80 {
            let group = i % 3 == 0 ? "\"a<&>\"\"b'c\"" : "plain"
            csv += "\((i * 37) % 11 < 4 ? 1 : 0),\(i % 7 - 3),\(group)\n"
        }
        let csvPath = folder.appendingPathComponent("escape.csv").path
        try csv.write(toFile: csvPath, atomically: true, encoding: .utf8)
        let saved = try ModelRun.fitAndSave(FitRequest(csvPath: csvPath, formula: "y ~ x + factor(grp, ref = \"plain\")"),
                                            modelId: "escape", modelsDirectory: folder.path)
        let html = try ReportRun.report(modelPath: saved.path, csvPath: csvPath, baselineCSV: nil).html
        let term = try #require(saved.model.coefficients.map(\.name).first { $0.contains(level) })
        #expect(!html.contains(level))
        #expect(!html.contains("<&"))
        #expect(html.contains(SVGChartEscaped.of(term)))
        #expect(HTMLTable.rows("coefficients", in: html).map { $0[0] }.contains(term))
        let forest = try #require(try SVGDocument.charts(in: html)["chart-forest"])
        #expect(forest.all("text", class: "label").map(\.text).contains(term))
    }

    @Test("same inputs, same bytes: library twice and the command twice")
    func deterministic() throws {
        let folder = try Repository.temporaryDirectory("same")
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try Self.modelPath()
        let paths = (1...4).map { folder.appendingPathComponent("r\($0).html").path }
        try ReportRun.write(modelPath: model, csvPath: ReportFixture.csv, baselineCSV: ReportFixture.csv, to: paths[0])
        try ReportRun.write(modelPath: model, csvPath: ReportFixture.csv, baselineCSV: ReportFixture.csv, to: paths[1])
        for path in paths[2...] {
            let run = try Repository.run(Repository.executable, ["report", "--model", model, "--csv", ReportFixture.csv,
                                                                "--baseline", ReportFixture.csv, "--out", path])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("wrote \(path): 1000 rows, AUC 0.8309"))
        }
        let bytes = try paths.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(bytes[0].count > 50_000)
        #expect(Set(bytes).count == 1)
        // The baseline is the same sample: every share equal, PSI 0.
        #expect(String(decoding: bytes[0], as: UTF8.self).contains("PSI = 0.0000"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["r1.html", "r2.html", "r3.html", "r4.html"])
    }

    @Test("on error nothing is written and an existing file is kept; usage errors exit 2")
    func atomicAndErrors() throws {
        let folder = try Repository.temporaryDirectory("atomic")
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try Self.modelPath()
        let out = folder.appendingPathComponent("report.html").path
        try "keep me".write(toFile: out, atomically: true, encoding: .utf8)
        // A CSV without the model's columns.
        let bad = folder.appendingPathComponent("bad.csv").path
        try "bad,duration_in_month\n1,12\n0,6\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let run = try Repository.run(Repository.executable, ["report", "--model", model, "--csv", bad, "--out", out])
        #expect(run.status == 1)
        #expect(run.stderr.contains("risktier report: bad.csv: column `status_of_existing_checking_account` must be present"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "keep me")
        // Outcomes missing: the validation needs them.
        let noOutcome = folder.appendingPathComponent("no_outcome.csv").path
        let lines = try String(contentsOfFile: ReportFixture.csv, encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false)
        let drop = header.firstIndex(of: "bad")!
        let renamed = header.enumerated().map { $0.offset == drop ? "not_bad" : String($0.element) }.joined(separator: ",")
        try ([renamed] + lines.dropFirst().map(String.init)).joined(separator: "\n").appending("\n").write(toFile: noOutcome, atomically: true, encoding: .utf8)
        let missing = try Repository.run(Repository.executable, ["report", "--model", model, "--csv", noOutcome, "--out", out])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("column `bad` must be present with values 0 or 1"), "\(missing.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "keep me")
        // A folder that does not exist: error, nothing created.
        let nowhere = folder.appendingPathComponent("no/such/report.html").path
        let io = try Repository.run(Repository.executable, ["report", "--model", model, "--csv", ReportFixture.csv, "--out", nowhere])
        #expect(io.status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("no").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["bad.csv", "no_outcome.csv", "report.html"])
        let usage = try Repository.run(Repository.executable, ["report", "--model", model, "--csv", ReportFixture.csv])
        #expect(usage.status == 2)
    }
}

/// The escaping the page must use, written out independently of the code under test.
enum SVGChartEscaped {
    static func of(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
