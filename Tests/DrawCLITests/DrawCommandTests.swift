import Foundation
import Testing

/// End to end: the built `risktier draw` on temporary directories; exit codes, stdout,
/// stderr and files. Bad input: message asserted verbatim and no output written.
@Suite struct DrawCommandTests {
    static let plan = """
    {"task": {"id": "2026-food-q4", "title": "2026年第四季度食品经营者双随机抽查", "domain": "food",
              "date": "2026-12-01", "seed_source": "福彩3D 2026-11-30 开奖号码"},
     "rates_bp": {"A": 300, "B": 500, "C": 1000, "D": 3000}, "team_size": 2}
    """
    static let seed = "58203917465820193746-2026-11-30"

    /// Inputs in the frozen format but unsorted (and one code in lower case) plus names.
    static func inputs(_ directory: URL, size: Int = 300) throws {
        var rows: [String] = []
        for k in 0..<size {
            let code = DrawCLISupport.creditCode(7919 * k + 13)
            let tier = ["A", "A", "A", "B", "B", "C", "D"][k % 7]
            let domain = ["food", "food", "drug"][k % 3]
            rows.append("\(k == 5 ? code.lowercased() : code),\(tier),\(domain),330102")
        }
        try DrawCLISupport.write("enterprise_id,stratum,domain,district\n" + rows.reversed().map { $0 + "\n" }.joined(),
                                 to: directory.appendingPathComponent("population-in.csv"))
        var roster = "inspector_id,domains,district,capacity\n"
        for k in (0..<8).reversed() { roster += "INS\(k),\(k % 2 == 0 ? "food" : "food;drug"),330102,\(k < 2 ? 1 : 4)\n" }
        try DrawCLISupport.write(roster, to: directory.appendingPathComponent("roster-in.csv"))
        let firstCode = DrawCLISupport.creditCode(13)
        try DrawCLISupport.write("inspector_id,enterprise_id,reason\nINS3,\(firstCode),kinship\nINS1,\(firstCode),prior_inspection\n",
                                 to: directory.appendingPathComponent("conflicts-in.csv"))
        try DrawCLISupport.write("id,name\n\(firstCode),\"杭州某某餐饮管理有限公司, 上城分店\"\nINS1,张三\n",
                                 to: directory.appendingPathComponent("names-in.csv"))
        try DrawCLISupport.write(plan, to: directory.appendingPathComponent("plan.json"))
    }

    static func freeze(_ directory: URL, out: String = "frozen", names: Bool = true) throws -> CLIResult {
        var arguments = ["draw", "freeze", "--plan", directory.appendingPathComponent("plan.json").path,
                         "--population", directory.appendingPathComponent("population-in.csv").path,
                         "--roster", directory.appendingPathComponent("roster-in.csv").path,
                         "--conflicts", directory.appendingPathComponent("conflicts-in.csv").path,
                         "--out", directory.appendingPathComponent(out).path]
        if names { arguments += ["--names", directory.appendingPathComponent("names-in.csv").path] }
        return try DrawCLISupport.run(arguments)
    }

    @Test func freezeRunVerifyFromTheCommandLine() throws {
        let directory = try DrawCLISupport.temporaryDirectory("e2e")
        try Self.inputs(directory)
        let frozen = try Self.freeze(directory)
        #expect(frozen.status == 0, "\(frozen.stderr)")
        let manifest = try Data(contentsOf: directory.appendingPathComponent("frozen/manifest.json"))
        let digest = frozen.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(digest.count == 64)
        // Idempotent: freezing the same inputs again gives the same bytes and digest.
        let again = try Self.freeze(directory, out: "frozen2")
        #expect(again.stdout == frozen.stdout)
        for name in ["population.csv", "roster.csv", "conflicts.csv", "manifest.json", "names.csv"] {
            #expect(try Data(contentsOf: directory.appendingPathComponent("frozen/\(name)")) == Data(contentsOf: directory.appendingPathComponent("frozen2/\(name)")), "\(name)")
        }
        #expect(!manifest.isEmpty && manifest.last != UInt8(ascii: "\n"))
        let population = try String(contentsOf: directory.appendingPathComponent("frozen/population.csv"), encoding: .utf8)
        let ids = population.split(separator: "\n").dropFirst().map { String($0.prefix(18)) }
        #expect(ids == ids.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } && ids.count == 300)
        // The lower-case code in the input was folded to upper case.
        #expect(ids.allSatisfy { $0 == $0.uppercased() } && ids.contains(DrawCLISupport.creditCode(7919 * 5 + 13)))

        let run = try DrawCLISupport.run(["draw", "run", "--frozen", directory.appendingPathComponent("frozen").path,
                                          "--seed", Self.seed, "--out", directory.appendingPathComponent("draw").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("drew "))
        let record = try String(contentsOf: directory.appendingPathComponent("draw/record.json"), encoding: .utf8)
        #expect(record.contains("\"manifest_sha256\": \"\(digest)\""))
        let notice = try String(contentsOf: directory.appendingPathComponent("draw/notice.html"), encoding: .utf8)
        for phrase in ["2026年第四季度食品经营者双随机抽查", "随机抽取结果公示", digest, Self.seed, "福彩3D 2026-11-30 开奖号码", "A 类（信用风险低）", "3.00%", "30.00%"] {
            #expect(notice.contains(phrase), "notice lacks \(phrase)")
        }
        let selections = try String(contentsOf: directory.appendingPathComponent("draw/selections.csv"), encoding: .utf8)
        #expect(selections.hasPrefix("rank,enterprise_id,stratum,domain,ticket,team,status\n1,"))

        let verify = try DrawCLISupport.run(["draw", "verify", "--frozen", directory.appendingPathComponent("frozen").path,
                                             "--record", directory.appendingPathComponent("draw/record.json").path])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.hasPrefix("verified: ") && verify.stdout.filter { $0 == "\n" }.count == 1)
    }

    /// One changed byte in any frozen file, or a changed team in the record: exit 3 naming it.
    @Test func verifyNamesTheFirstMismatch() throws {
        let directory = try DrawCLISupport.temporaryDirectory("tamper")
        try Self.inputs(directory)
        #expect(try Self.freeze(directory).status == 0)
        let frozenPath = directory.appendingPathComponent("frozen").path
        let recordURL = directory.appendingPathComponent("draw/record.json")
        #expect(try DrawCLISupport.run(["draw", "run", "--frozen", frozenPath, "--seed", Self.seed, "--out", directory.appendingPathComponent("draw").path]).status == 0)
        for name in ["population.csv", "roster.csv", "conflicts.csv", "manifest.json"] {
            let url = directory.appendingPathComponent("frozen/\(name)")
            let original = try Data(contentsOf: url)
            for offset in [0, original.count / 3, original.count - 2] {
                var changed = original
                changed[offset] ^= 0x01
                try changed.write(to: url)
                let result = try DrawCLISupport.run(["draw", "verify", "--frozen", frozenPath, "--record", recordURL.path])
                #expect(result.status == 3, "\(name) byte \(offset): \(result.stderr)")
                #expect(result.stderr.hasPrefix("mismatch: \(name): "), "\(name) byte \(offset): \(result.stderr)")
            }
            try original.write(to: url)
        }
        // A different team in the record.
        var record = try String(contentsOf: recordURL, encoding: .utf8)
        let firstTeam = record.range(of: "\"inspector_id\": \"INS")!
        let digit = record.index(firstTeam.upperBound, offsetBy: 0)
        let replacement = record[digit] == "7" ? "6" : "7"
        record.replaceSubrange(digit...digit, with: replacement)
        try Data(record.utf8).write(to: recordURL)
        let result = try DrawCLISupport.run(["draw", "verify", "--frozen", frozenPath, "--record", recordURL.path])
        #expect(result.status == 3)
        #expect(result.stderr.contains(".team of "), "\(result.stderr)")
    }

    /// Each bad input: exit code, message verbatim, nothing written.
    @Test func badInputsAreRejectedWithNoOutput() throws {
        let directory = try DrawCLISupport.temporaryDirectory("bad")
        try Self.inputs(directory, size: 20)
        let planURL = directory.appendingPathComponent("plan.json")
        let planPath = planURL.path
        func expectFreezeFails(_ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let result = try Self.freeze(directory, out: "never")
            #expect(result.status == 1, sourceLocation: sourceLocation)
            #expect(result.stderr == "error: \(message)\n", sourceLocation: sourceLocation)
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("never").path), sourceLocation: sourceLocation)
        }
        try DrawCLISupport.write(Self.plan.replacingOccurrences(of: "\"team_size\": 2", with: "\"team_size\": 1"), to: planURL)
        try expectFreezeFails("\(planPath): `team_size` must be at least 2 (two certified officers act together, Art. 42); got 1")
        try DrawCLISupport.write(Self.plan.replacingOccurrences(of: "\"D\": 3000", with: "\"D\": 10001"), to: planURL)
        try expectFreezeFails("\(planPath): `rates_bp.D` must be a whole number of basis points from 0 to 10000; got 10001")
        try DrawCLISupport.write(Self.plan.replacingOccurrences(of: "\"D\": 3000", with: "\"D\": -1"), to: planURL)
        try expectFreezeFails("\(planPath): `rates_bp.D` must be a whole number of basis points from 0 to 10000; got -1")
        try DrawCLISupport.write(Self.plan.replacingOccurrences(of: "\"D\": 3000", with: "\"E\": 3000"), to: planURL)
        try expectFreezeFails("\(planPath): `rates_bp.E` must name a known stratum (a tier A, B, C or D); got 'E'")
        // Population names a stratum the plan lacks.
        try DrawCLISupport.write(Self.plan.replacingOccurrences(of: ", \"D\": 3000", with: ""), to: planURL)
        let populationPath = directory.appendingPathComponent("population-in.csv").path
        let populationText = try String(contentsOfFile: populationPath, encoding: .utf8)
        let firstD = populationText.split(separator: "\n").firstIndex { $0.contains(",D,") }! + 1
        try expectFreezeFails("\(populationPath):\(firstD): `stratum` must be one of the plan's strata (A, B, C); got 'D'")
        try DrawCLISupport.write(Self.plan, to: planURL)
        // Duplicate enterprise id.
        let lines = populationText.split(separator: "\n").map(String.init)
        try DrawCLISupport.write((lines + [lines[2]]).joined(separator: "\n") + "\n", to: URL(fileURLWithPath: populationPath))
        try expectFreezeFails("\(populationPath):\(lines.count + 1): `enterprise_id` must be unique; got '\(lines[2].prefix(18))' again (first on line 3)")
        try DrawCLISupport.write(populationText, to: URL(fileURLWithPath: populationPath))

        // Frozen directory problems surface in `draw run`.
        #expect(try Self.freeze(directory).status == 0)
        let frozen = directory.appendingPathComponent("frozen")
        func expectRunFails(_ seed: String, _ extra: [String] = [], status: Int32, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let result = try DrawCLISupport.run(["draw", "run", "--frozen", frozen.path, "--seed", seed, "--out", directory.appendingPathComponent("never").path] + extra)
            #expect(result.status == status, sourceLocation: sourceLocation)
            #expect(result.stderr == "error: \(message)\n", sourceLocation: sourceLocation)
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("never").path), sourceLocation: sourceLocation)
        }
        try expectRunFails("", status: 2, "`--seed` must be a non-empty string published after the freeze; got ''")
        try expectRunFails("12345", status: 2, "`--seed` must be at least 20 characters (e.g. 20 dice digits or a lottery result); got 5 ('12345'); pass --allow-short-seed to accept it")
        let short = try DrawCLISupport.run(["draw", "run", "--frozen", frozen.path, "--seed", "12345", "--allow-short-seed", "--out", directory.appendingPathComponent("short").path])
        #expect(short.status == 0, "\(short.stderr)")
        // A frozen file edited after the freeze.
        let rosterURL = frozen.appendingPathComponent("roster.csv")
        let roster = try String(contentsOf: rosterURL, encoding: .utf8)
        try DrawCLISupport.write(roster.replacingOccurrences(of: ",4\n", with: ",5\n"), to: rosterURL)
        let expectedDigest = try JSONSerialization.jsonObject(with: Data(contentsOf: frozen.appendingPathComponent("manifest.json"))) as! [String: Any]
        let listed = (expectedDigest["files"] as! [String: String])["roster.csv"]!
        let result = try DrawCLISupport.run(["draw", "run", "--frozen", frozen.path, "--seed", Self.seed, "--out", directory.appendingPathComponent("never").path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: roster.csv: must have the SHA-256 that manifest.json gives (\(listed)); got "))
        #expect(result.stderr.hasSuffix(": the file changed after freezing\n"))
        try DrawCLISupport.write(roster, to: rosterURL)
        // A row out of canonical order in a hand-made frozen population (digest updated so
        // that only the order is wrong).
        let populationURL = frozen.appendingPathComponent("population.csv")
        var frozenLines = try String(contentsOf: populationURL, encoding: .utf8).split(separator: "\n").map(String.init)
        frozenLines.swapAt(1, 2)
        try DrawCLISupport.write(frozenLines.joined(separator: "\n") + "\n", to: populationURL)
        try expectRunFails(Self.seed, status: 1, "population.csv:3: `enterprise_id` must be in ascending byte order (canonical order); got '\(frozenLines[2].prefix(18))' after '\(frozenLines[1].prefix(18))' on line 2")
    }

    /// `--previous-record`: the teams of the last draw become prior_inspection conflicts, and no
    /// officer inspects the same enterprise again.
    @Test func previousTeamsAreRecused() throws {
        let directory = try DrawCLISupport.temporaryDirectory("previous")
        try Self.inputs(directory, size: 300)
        // Everyone qualified for both domains with ample capacity, so teams are not forced.
        var roster = "inspector_id,domains,district,capacity\n"
        for k in 0..<10 { roster += "INS\(k),drug;food,330102,50\n" }
        try DrawCLISupport.write(roster, to: directory.appendingPathComponent("roster-in.csv"))
        #expect(try Self.freeze(directory).status == 0)
        let first = directory.appendingPathComponent("draw1")
        #expect(try DrawCLISupport.run(["draw", "run", "--frozen", directory.appendingPathComponent("frozen").path, "--seed", Self.seed, "--out", first.path]).status == 0)
        var arguments = ["draw", "freeze", "--plan", directory.appendingPathComponent("plan.json").path,
                         "--population", directory.appendingPathComponent("population-in.csv").path,
                         "--roster", directory.appendingPathComponent("roster-in.csv").path,
                         "--conflicts", directory.appendingPathComponent("conflicts-in.csv").path,
                         "--out", directory.appendingPathComponent("frozen2").path]
        arguments += ["--previous-record", first.appendingPathComponent("record.json").path]
        let frozen = try DrawCLISupport.run(arguments)
        #expect(frozen.status == 0, "\(frozen.stderr)")
        let conflicts = try String(contentsOf: directory.appendingPathComponent("frozen2/conflicts.csv"), encoding: .utf8)
        let record1 = try String(contentsOf: first.appendingPathComponent("selections.csv"), encoding: .utf8)
        var previousPairs = Set<String>()
        for line in record1.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            for inspector in fields[5].split(separator: ";") { previousPairs.insert("\(inspector),\(fields[1])") }
        }
        #expect(!previousPairs.isEmpty)
        for pair in previousPairs { #expect(conflicts.contains("\(pair),prior_inspection\n"), "\(pair)") }
        let second = directory.appendingPathComponent("draw2")
        #expect(try DrawCLISupport.run(["draw", "run", "--frozen", directory.appendingPathComponent("frozen2").path, "--seed", Self.seed, "--out", second.path]).status == 0)
        let record2 = try String(contentsOf: second.appendingPathComponent("selections.csv"), encoding: .utf8)
        var repeated = 0
        for line in record2.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            for inspector in fields[5].split(separator: ";") where previousPairs.contains("\(inspector),\(fields[1])") { repeated += 1 }
        }
        #expect(repeated == 0)
    }

    @Test func unassignedEnterprisesAreReportedOnStderr() throws {
        let directory = try DrawCLISupport.temporaryDirectory("unassigned")
        try Self.inputs(directory, size: 300)
        // Capacity 0 for everyone: every selected enterprise is unassigned, the draw completes.
        var roster = "inspector_id,domains,district,capacity\n"
        for k in 0..<4 { roster += "INS\(k),drug;food,330102,0\n" }
        try DrawCLISupport.write(roster, to: directory.appendingPathComponent("roster-in.csv"))
        #expect(try Self.freeze(directory).status == 0)
        let result = try DrawCLISupport.run(["draw", "run", "--frozen", directory.appendingPathComponent("frozen").path,
                                             "--seed", Self.seed, "--out", directory.appendingPathComponent("draw").path])
        #expect(result.status == 0)
        let selected = try String(contentsOf: directory.appendingPathComponent("draw/selections.csv"), encoding: .utf8).split(separator: "\n").count - 1
        #expect(result.stderr.contains("warning: \(selected) of \(selected) selected enterprises have no full team"))
        let notice = try String(contentsOf: directory.appendingPathComponent("draw/notice.html"), encoding: .utf8)
        #expect(notice.contains("only 0 eligible officers for a team of 2: 4 qualified for food, 0 recused by conflict rows, 4 at capacity")
                || notice.contains("only 0 eligible officers for a team of 2: 4 qualified for drug, 0 recused by conflict rows, 4 at capacity"))
    }

    /// L6: with `"cross_district": true` no officer is drawn for an enterprise of their own
    /// district; freeze writes the rule as `cross_district` conflict rows (one per enterprise
    /// and same-district officer qualified for its domain), so `draw verify` needs nothing new.
    @Test func crossDistrictRuleKeepsOfficersOutOfTheirOwnDistrict() throws {
        let directory = try DrawCLISupport.temporaryDirectory("cross-district")
        try Self.inputs(directory, size: 300)
        var population = "enterprise_id,stratum,domain,district\n"
        var districtOf: [String: String] = [:], domainOf: [String: String] = [:]
        for k in 0..<300 {
            let code = DrawCLISupport.creditCode(7919 * k + 13), district = k % 2 == 0 ? "330102" : "330105"
            let domain = ["food", "drug"][k % 2 == 0 ? 0 : (k / 2) % 2]
            population += "\(code),\(["A", "B", "C", "D"][k % 4]),\(domain),\(district)\n"
            districtOf[code] = district
            domainOf[code] = domain
        }
        try DrawCLISupport.write(population, to: directory.appendingPathComponent("population-in.csv"))
        var roster = "inspector_id,domains,district,capacity\n"
        var officerDistrict: [String: String] = [:], officerDomains: [String: [String]] = [:]
        for k in 0..<12 {
            let id = "INS\(k)", district = k < 6 ? "330102" : "330105", domains = k % 3 == 0 ? ["food"] : ["drug", "food"]
            roster += "\(id),\(domains.joined(separator: ";")),\(district),40\n"
            officerDistrict[id] = district
            officerDomains[id] = domains
        }
        try DrawCLISupport.write(roster, to: directory.appendingPathComponent("roster-in.csv"))
        try DrawCLISupport.write("inspector_id,enterprise_id,reason\n", to: directory.appendingPathComponent("conflicts-in.csv"))
        let crossPlan = Self.plan.replacingOccurrences(of: "\"team_size\": 2}", with: "\"team_size\": 2, \"cross_district\": true}")
        #expect(crossPlan != Self.plan)
        try DrawCLISupport.write(crossPlan, to: directory.appendingPathComponent("plan.json"))
        let frozen = try Self.freeze(directory, names: false)
        #expect(frozen.status == 0, "\(frozen.stderr)")

        var expected = Set<String>()
        for (code, district) in districtOf {
            for (id, home) in officerDistrict where home == district && officerDomains[id]!.contains(domainOf[code]!) {
                expected.insert("\(id),\(code),cross_district")
            }
        }
        let conflicts = try String(contentsOf: directory.appendingPathComponent("frozen/conflicts.csv"), encoding: .utf8)
        let lines = conflicts.split(separator: "\n").dropFirst().map(String.init)
        #expect(Set(lines) == expected)
        #expect(lines.count == expected.count)

        let draw = directory.appendingPathComponent("draw")
        let run = try DrawCLISupport.run(["draw", "run", "--frozen", directory.appendingPathComponent("frozen").path, "--seed", Self.seed, "--out", draw.path])
        #expect(run.status == 0, "\(run.stderr)")
        var teams = 0
        for line in try String(contentsOf: draw.appendingPathComponent("selections.csv"), encoding: .utf8).split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            for inspector in fields[5].split(separator: ";") {
                teams += 1
                #expect(officerDistrict[String(inspector)] != districtOf[String(fields[1])], "\(inspector) drawn in own district for \(fields[1])")
            }
        }
        #expect(teams > 0)
        let verify = try DrawCLISupport.run(["draw", "verify", "--frozen", directory.appendingPathComponent("frozen").path,
                                             "--record", draw.appendingPathComponent("record.json").path])
        #expect(verify.status == 0, "\(verify.stderr)")

        // Anything but a JSON boolean is refused, naming the field.
        try DrawCLISupport.write(Self.plan.replacingOccurrences(of: "\"team_size\": 2}", with: "\"team_size\": 2, \"cross_district\": 1}"),
                                 to: directory.appendingPathComponent("plan.json"))
        let bad = try Self.freeze(directory, out: "frozen-bad", names: false)
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("cross_district"), "\(bad.stderr)")
        #expect(bad.stderr.contains("must be true or false; got 1"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("frozen-bad").path))
    }
}
