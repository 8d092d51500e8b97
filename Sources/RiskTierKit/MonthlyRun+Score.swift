import Domain
import Features
import Foundation
import Scoring
import Store

/// What `risktier score` needs.
public struct MonthlyScoreRequest: Sendable {
    public var storePath: String
    /// `Models/<id>` (the folder holding model.json) or the model.json file itself.
    public var modelPath: String
    public var asOf: CivilDate
    public var policy: TierPolicy
    /// Output folder of a previous monthly run to take the published tiers and pending
    /// improvements from instead of the store's newest run before `asOf` (the default).
    public var previousRunDirectory: String?

    public init(storePath: String, modelPath: String, asOf: CivilDate, policy: TierPolicy = .standard, previousRunDirectory: String? = nil) {
        self.storePath = storePath
        self.modelPath = modelPath
        self.asOf = asOf
        self.policy = policy
        self.previousRunDirectory = previousRunDirectory
    }
}

/// The run's results; its output files are rendered from them on demand.
public struct MonthlyScoreResult: Sendable {
    public let model: Model
    public let assignments: [TierAssignment]
    /// SHA-256 of every imported row the run read (recorded with the run).
    public let inputSHA256: String
    public let asOf: CivilDate
    public let policy: TierPolicy

    /// File name → bytes: scores.csv, transitions.csv, run.json (rendered at each call: the
    /// run's recording in the store and the rendering can then go side by side).
    public var files: [(name: String, data: Data)] {
        let scoresCSV = MonthlyRun.renderScores(assignments)
        let transitionsCSV = MonthlyRun.renderTransitions(assignments)
        return [("scores.csv", scoresCSV), ("transitions.csv", transitionsCSV),
                ("run.json", runJSON(scoresSHA256: MonthlyRun.sha256(scoresCSV), transitionsSHA256: MonthlyRun.sha256(transitionsCSV)))]
    }

    /// Firms per published tier (`A`…`D`, `inactive`) and the number of transitions: one pass,
    /// counted by the tier's rank (it was a String-keyed dictionary update per firm, twice a run).
    var tally: (tierCounts: [String: Int], transitions: Int) {
        var byRank = [0, 0, 0, 0, 0]
        var transitions = 0
        for assignment in assignments {
            byRank[assignment.tier?.rank ?? 4] += 1
            if assignment.isTransition { transitions += 1 }
        }
        return (["A": byRank[0], "B": byRank[1], "C": byRank[2], "D": byRank[3], "inactive": byRank[4]], transitions)
    }

    /// run.json, given the digests of the other two files.
    func runJSON(scoresSHA256: String, transitionsSHA256: String) -> Data {
        let (counts, transitions) = tally
        let run = MonthlyRun.RunFile(asOf: asOf, inputSHA256: inputSHA256, modelId: model.modelId, modelSHA256: MonthlyRun.sha256(model.jsonData()),
                                     packageVersion: RiskTierVersion.current, policy: policy, tierCounts: counts, transitions: transitions,
                                     files: ["scores.csv": scoresSHA256, "transitions.csv": transitionsSHA256])
        return MonthlyRun.jsonData(run)
    }
}

extension MonthlyRun {
    public static let scoresHeader = "enterprise_id,probability,points,model_tier,proposed_tier,tier,previous_tier,pending_runs,pending_tier,overrides,reasons"
    public static let transitionsHeader = "enterprise_id,from_tier,to_tier,cause"

    /// Reads and validates a tier policy file.
    public static func loadPolicy(_ path: String) throws(MonthlyRunError) -> TierPolicy {
        guard let data = FileManager.default.contents(atPath: path) else { throw .io(path: path, message: "cannot read the policy") }
        do {
            return try TierPolicy.load(data, file: path)
        } catch {
            throw .scoring(error.description)
        }
    }

    public static func loadModel(_ path: String) throws(MonthlyRunError) -> Model {
        var url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            url = url.appendingPathComponent("model.json")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .io(path: url.path, message: "cannot read the model; fit one with `risktier fit --store … --model-id …`")
        }
        do {
            return try Model.load(data, file: url.path)
        } catch {
            throw .scoring(error.description)
        }
    }

    /// Scores every active enterprise and applies overrides and stability.
    public static func score(_ request: MonthlyScoreRequest) throws(MonthlyRunError) -> MonthlyScoreResult {
        try score(request, stream: nil)
    }

    /// `score`, then `recordAndWrite` — except that the store's write starts with the first
    /// firms assigned and runs on its own thread beside the rest of the scoring (the firms'
    /// assignments go to it in chunks), instead of after it. The same store rows and files;
    /// the same all-or-nothing: the run commits only once the files are written, and on any
    /// error (scoring first) nothing is recorded and no file is left.
    public static func scoreRecordAndWrite(_ request: MonthlyScoreRequest, to directory: String) throws(MonthlyRunError) -> MonthlyScoreResult {
        try scoreRecordAndWrite(request, to: directory, channel: AssignmentChannel())
    }

    /// (Tests pass a channel with small chunks.)
    static func scoreRecordAndWrite(_ request: MonthlyScoreRequest, to directory: String, channel: AssignmentChannel) throws(MonthlyRunError) -> MonthlyScoreResult {
        final class RunRow: @unchecked Sendable {
            // NOTE: @unchecked: set before the channel is closed, read by the recording after
            // the channel's end (the channel's lock orders them).
            var value: StoredRun?
        }
        let row = RunRow()
        var recording: RunRecording?
        let result: MonthlyScoreResult
        do {
            result = try score(request, stream: {
                recording = RunRecording { beforeCommit throws(MonthlyRunError) in
                    defer { channel.cancel() }
                    try record(asOf: request.asOf, storePath: request.storePath, chunks: channel.receive, run: { row.value }, beforeCommit: beforeCommit)
                }
                return channel
            })
        } catch {
            channel.close()
            _ = recording?.finish(filesWritten: false)
            throw error
        }
        row.value = storedRun(result, asOf: request.asOf)
        channel.close()
        guard let recording else { throw .store("the run was not recorded: scoring assigned no firm") }
        try writeFiles(result, to: directory, recording: recording)
        return result
    }

    /// `stream`, when given, is called once the store's scan is done and checked; the
    /// assignments then go to the channel it returns, in chunks, as they are made.
    static func score(_ request: MonthlyScoreRequest, stream: (() -> AssignmentChannel)?) throws(MonthlyRunError) -> MonthlyScoreResult {
        let model = try loadModel(request.modelPath)
        let scorer: Scorer
        do {
            scorer = try Scorer(model: model)
        } catch {
            throw .scoring(error.description)
        }
        let fromFolder = try request.previousRunDirectory.map(readPreviousRun)
        let store = try openStore(request.storePath)
        try checkImported(store, path: request.storePath)
        let previous: [CreditCode: TierAssignment]
        if let fromFolder { previous = fromFolder } else { previous = try previousAssignments(store, before: request.asOf) }
        let manual = try manualOverrides(store)
        let (assignments, inputSHA256) = try assign(store: store, request: request, scorer: scorer, manual: manual, previous: previous, stream: stream)
        return MonthlyScoreResult(model: model, assignments: assignments, inputSHA256: inputSHA256, asOf: request.asOf, policy: request.policy)
    }

    /// The feature pass and the assignments, firm by firm in id order (score, overrides,
    /// stability; no feature matrix is built). A function of its own so that the per-firm
    /// feature counts are freed before the files are rendered (peak memory at 10⁶ firms).
    static func assign(store: Store, request: MonthlyScoreRequest, scorer: Scorer, manual: [CreditCode: [ManualOverride]],
                       previous: [CreditCode: TierAssignment], stream: (() -> AssignmentChannel)? = nil)
        throws(MonthlyRunError) -> (assignments: [TierAssignment], inputSHA256: String) {
        let (table, latest, digest) = try features(store: store, asOf: request.asOf, options: scorer.featureSpec.options, label: nil, digest: true)
        try checkAsOf(request.asOf, latestEvent: latest)
        let assigner = TierAssigner(policy: request.policy)
        var assignments: [TierAssignment] = []
        // (Not `rowCount`: that counts the active firms only, and the inactive ones are
        // assigned too; growing 10⁶ assignments was 2 % of a run.)
        assignments.reserveCapacity(table.enterpriseCount)
        let channel = stream?()
        var sent = 0
        func send(atLeast minimum: Int) {
            guard let channel, assignments.count - sent >= minimum else { return }
            channel.send(Array(assignments[sent...]))
            sent = assignments.count
        }
        table.forEachEnterprise(priors: scorer.featureSpec.priors) { id, row, facts in
            defer { send(atLeast: channel?.chunkSize ?? 0) }
            if let row, let facts {
                let score = scorer.score(row: row, enterpriseId: id)
                // (Empty dictionaries are the usual case: skip hashing the id for them.)
                assignments.append(assigner.assign(score: score, facts: facts, asOf: request.asOf, manualOverrides: manual.isEmpty ? [] : manual[id] ?? [],
                                                   previous: previous.isEmpty ? nil : previous[id]))
            } else {
                assignments.append(assigner.assignInactive(enterpriseId: id, asOf: request.asOf, previous: previous.isEmpty ? nil : previous[id]))
            }
        }
        send(atLeast: 1)
        return (assignments, digest!)
    }

    /// Records the run in the store and writes its files into `directory`, side by side: the
    /// store's write (one SQLite transaction, ~40 % of a run at 10⁶ firms) on a second thread
    /// while this one renders the files and writes them under temporary names. The transaction
    /// commits only once the files are written, and the files are renamed into place (run.json
    /// last) only once it has committed: if either side fails, no file is left and the store
    /// keeps what it had.
    public static func recordAndWrite(_ result: MonthlyScoreResult, storePath: String, to directory: String) throws(MonthlyRunError) {
        let recording = RunRecording { beforeCommit throws(MonthlyRunError) in
            try record(result, asOf: result.asOf, storePath: storePath, beforeCommit: beforeCommit)
        }
        try writeFiles(result, to: directory, recording: recording)
    }

    /// Renders and writes the run's files under temporary names while `recording` writes the
    /// store, lets it commit once they are written, then renames them into place.
    static func writeFiles(_ result: MonthlyScoreResult, to directory: String, recording: RunRecording) throws(MonthlyRunError) {
        var written: [(temporary: URL, final: URL)] = []
        var writeError: MonthlyRunError?
        do {
            let folder = URL(fileURLWithPath: directory)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw MonthlyRunError.io(path: directory, message: "cannot create the output folder: \(error.localizedDescription)")
            }
            // scores.csv and transitions.csv are streamed to disk (hashed on the way), then
            // run.json names their digests: the same bytes as `result.files`.
            func temporary(_ name: String) -> (URL, URL) {
                (folder.appendingPathComponent(".\(name).partial"), folder.appendingPathComponent(name))
            }
            var digests: [String] = []
            for (name, render) in [("scores.csv", renderScores), ("transitions.csv", renderTransitions)]
                as [(String, ([TierAssignment], ([UInt8]) throws -> Void) throws -> Void)] {
                let (partial, final) = temporary(name)
                written.append((partial, final))
                var writer = try HashingFileWriter(path: partial.path)
                try render(result.assignments) { line in try writer.write(line) }
                digests.append(try writer.finish())
            }
            let (partial, final) = temporary("run.json")
            written.append((partial, final))
            do {
                try result.runJSON(scoresSHA256: digests[0], transitionsSHA256: digests[1]).write(to: partial)
            } catch {
                throw MonthlyRunError.io(path: final.path, message: "cannot write: \(error.localizedDescription)")
            }
        } catch let error as MonthlyRunError {
            writeError = error
        } catch {
            writeError = .io(path: directory, message: "\(error)")
        }
        let recordError = recording.finish(filesWritten: writeError == nil)
        // A file error first: the store then refused to commit because of it.
        if let error = writeError ?? recordError {
            for file in written { try? FileManager.default.removeItem(at: file.temporary) }
            throw error
        }
        for file in written where rename(file.temporary.path, file.final.path) != 0 {
            throw .io(path: file.final.path, message: "cannot write: \(String(cString: strerror(errno)))")
        }
    }

    /// `run.json`.
    struct RunFile: Encodable {
        let asOf: CivilDate
        let inputSHA256: String
        let modelId: String
        let modelSHA256: String
        let packageVersion: String
        let policy: TierPolicy
        let tierCounts: [String: Int]
        let transitions: Int
        let files: [String: String]

        enum CodingKeys: String, CodingKey {
            case asOf = "as_of", inputSHA256 = "input_sha256", modelId = "model_id", modelSHA256 = "model_sha256", packageVersion = "package_version", policy
            case tierCounts = "tier_counts", transitions, files
        }
    }

    /// Rendered as bytes (no `String` per field or line): at 10⁵ firms the joined strings took
    /// 0.44 s of a 4.8 s run; the bytes are unchanged.
    static func renderScores(_ assignments: [TierAssignment]) -> Data {
        var data = Data(capacity: assignments.count * 96 + 128)
        renderScores(assignments) { data.append(contentsOf: $0) }
        return data
    }

    /// scores.csv line by line (header first), each line's bytes valid during the call: the
    /// run writes them straight to the file (no whole-file buffer: 10⁸ bytes at 10⁶ firms).
    static func renderScores(_ assignments: [TierAssignment], line: ([UInt8]) throws -> Void) rethrows {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        bytes.append(scoresHeader)
        bytes.append(0x0A)
        try line(bytes)
        for a in assignments {
            bytes.removeAll(keepingCapacity: true)
            bytes.append(a.enterpriseId.value)
            bytes.comma()
            if let score = a.score {
                bytes.append(score.probability.description)
                bytes.comma()
                bytes.appendDecimal(Int(score.points.rounded()))
            } else {
                bytes.comma()
            }
            bytes.comma()
            bytes.append(a.score?.modelTier)
            bytes.comma()
            bytes.append(a.proposedTier)
            bytes.comma()
            bytes.append(a.tier)
            bytes.comma()
            bytes.append(a.previousTier)
            bytes.comma()
            if let pending = a.pendingImprovement { bytes.appendDecimal(pending.runs) }
            bytes.comma()
            bytes.append(a.pendingImprovement?.tier)
            bytes.comma()
            for (index, code) in a.overrides.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ";")) }
                bytes.append(code.rawValue)
            }
            bytes.comma()
            for (index, reason) in a.reasons.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ";")) }
                bytes.append(reason.code)
            }
            bytes.append(0x0A)
            try line(bytes)
        }
    }

    /// One row per enterprise whose published tier changed; the cause is the overrides that
    /// held (`;`-joined) or `model`.
    static func renderTransitions(_ assignments: [TierAssignment]) -> Data {
        var data = Data()
        renderTransitions(assignments) { data.append(contentsOf: $0) }
        return data
    }

    static func renderTransitions(_ assignments: [TierAssignment], line: ([UInt8]) throws -> Void) rethrows {
        var bytes: [UInt8] = []
        bytes.append(transitionsHeader)
        bytes.append(0x0A)
        try line(bytes)
        for a in assignments where a.isTransition {
            bytes.removeAll(keepingCapacity: true)
            bytes.append(a.enterpriseId.value)
            bytes.comma()
            bytes.append(a.previousTier)
            bytes.comma()
            bytes.append(a.tier)
            bytes.comma()
            if a.overrides.isEmpty {
                bytes.append("model")
            } else {
                for (index, code) in a.overrides.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ";")) }
                    bytes.append(code.rawValue)
                }
            }
            bytes.append(0x0A)
            try line(bytes)
        }
    }

    /// The previous run's published tier and pending improvement per enterprise, from its
    /// scores.csv.
    static func readPreviousRun(_ directory: String) throws(MonthlyRunError) -> [CreditCode: TierAssignment] {
        let path = URL(fileURLWithPath: directory).appendingPathComponent("scores.csv").path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io(path: path, message: "cannot read the previous run's scores.csv")
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map(String.init) == scoresHeader else {
            throw .previousRun(path: path, line: 1, message: "header must be \(scoresHeader); got \(lines.first ?? "")")
        }
        var result: [CreditCode: TierAssignment] = [:]
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 11 else {
                throw .previousRun(path: path, line: index + 1, message: "a row must have 11 fields; got \(fields.count)")
            }
            func tier(_ text: String, _ field: String) throws(MonthlyRunError) -> Tier? {
                if text.isEmpty { return nil }
                guard let tier = Tier(rawValue: text) else {
                    throw .previousRun(path: path, line: index + 1, message: "`\(field)` must be A, B, C, D or empty; got \(text)")
                }
                return tier
            }
            let published = try tier(fields[5], "tier")
            let pendingTier = try tier(fields[8], "pending_tier")
            var pending: PendingImprovement?
            if let pendingTier {
                guard let runs = Int(fields[7]), runs >= 1 else {
                    throw .previousRun(path: path, line: index + 1, message: "`pending_runs` must be an integer ≥ 1; got \(fields[7])")
                }
                pending = PendingImprovement(runs: runs, tier: pendingTier)
            }
            let id = CreditCode(unchecked: fields[0])
            result[id] = TierAssignment(enterpriseId: id, asOf: CivilDate(year: 1970, month: 1, day: 1)!, score: nil, overrides: [], manualOverride: nil,
                                        proposedTier: published, tier: published, previousTier: nil, pendingImprovement: pending, reasons: [])
        }
        return result
    }
}
