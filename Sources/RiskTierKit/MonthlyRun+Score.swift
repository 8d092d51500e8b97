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
    /// The assignments in enterprise id order, in the chunks they were made and handed to the
    /// store's thread in (kept as they are: joining them was a copy of every assignment).
    let chunks: [[TierAssignment]]
    /// Every assignment, in enterprise id order (joined at each use).
    public var assignments: [TierAssignment] { chunks.count == 1 ? chunks[0] : Array(chunks.joined()) }
    /// The number of firms assigned (active and inactive).
    public let firmCount: Int
    /// SHA-256 of every imported row the run read (recorded with the run).
    public let inputSHA256: String
    public let asOf: CivilDate
    public let policy: TierPolicy
    /// Tier counts, transitions and top reasons: counted once, when the run is scored, for
    /// run.json, the stored run and what the command prints.
    public let summary: MonthlyRunSummary

    init(model: Model, assignments: [TierAssignment], inputSHA256: String, asOf: CivilDate, policy: TierPolicy) {
        self.init(model: model, chunks: [assignments], inputSHA256: inputSHA256, asOf: asOf, policy: policy)
    }

    init(model: Model, chunks: [[TierAssignment]], inputSHA256: String, asOf: CivilDate, policy: TierPolicy) {
        self.model = model
        self.chunks = chunks
        firmCount = chunks.reduce(0) { $0 + $1.count }
        self.inputSHA256 = inputSHA256
        self.asOf = asOf
        self.policy = policy
        summary = MonthlyRunSummary(chunks.joined())
    }

    /// File name → bytes: scores.csv, transitions.csv, run.json (rendered at each call: the
    /// run's recording in the store and the rendering can then go side by side).
    public var files: [(name: String, data: Data)] {
        let scoresCSV = MonthlyRun.renderScores(chunks.joined())
        let transitionsCSV = MonthlyRun.renderTransitions(chunks.joined())
        return [("scores.csv", scoresCSV), ("transitions.csv", transitionsCSV),
                ("run.json", runJSON(scoresSHA256: MonthlyRun.sha256(scoresCSV), transitionsSHA256: MonthlyRun.sha256(transitionsCSV)))]
    }

    /// Firms per published tier (`A`…`D`, `inactive`) and the number of transitions.
    var tally: (tierCounts: [String: Int], transitions: Int) {
        let counts = summary.tierCounts
        return (["A": counts[0], "B": counts[1], "C": counts[2], "D": counts[3], "inactive": summary.inactive], summary.transitions)
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
        var files: RunFileWriter?
        let result: MonthlyScoreResult
        do {
            result = try score(request, stream: {
                recording = RunRecording { beforeCommit throws(MonthlyRunError) in
                    defer { channel.cancel() }
                    try record(asOf: request.asOf, storePath: request.storePath, chunks: channel.receive, run: { row.value }, beforeCommit: beforeCommit)
                }
                files = RunFileWriter(directory: directory)
                // The store's thread gets each chunk first; this thread then writes its lines.
                return AssignmentStream(chunkSize: channel.chunkSize) { chunk in
                    channel.send(chunk)
                    files!.append(chunk)
                }
            })
        } catch {
            channel.close()
            _ = recording?.finish(filesWritten: false)
            files?.discard()
            throw error
        }
        row.value = storedRun(result, asOf: request.asOf)
        channel.close()
        guard let recording, var files else { throw .store("the run was not recorded: scoring assigned no firm") }
        try finishRun(result, files: &files, recording: recording)
        return result
    }

    /// `stream`, when given, is called once the store's scan is done and checked; the
    /// assignments then go to the stream it returns, in chunks, as they are made.
    static func score(_ request: MonthlyScoreRequest, stream: (() -> AssignmentStream)?) throws(MonthlyRunError) -> MonthlyScoreResult {
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
        let (chunks, inputSHA256) = try assign(store: store, request: request, scorer: scorer, manual: manual, previous: previous, stream: stream)
        return MonthlyScoreResult(model: model, chunks: chunks, inputSHA256: inputSHA256, asOf: request.asOf, policy: request.policy)
    }

    /// The feature pass and the assignments, firm by firm in id order (score, overrides,
    /// stability; no feature matrix is built). A function of its own so that the per-firm
    /// feature counts are freed before the files are rendered (peak memory at 10⁶ firms).
    static func assign(store: Store, request: MonthlyScoreRequest, scorer: Scorer, manual: [CreditCode: [ManualOverride]],
                       previous: [CreditCode: TierAssignment], stream: (() -> AssignmentStream)? = nil)
        throws(MonthlyRunError) -> (chunks: [[TierAssignment]], inputSHA256: String) {
        let (table, latest, digest) = try features(store: store, asOf: request.asOf, options: scorer.featureSpec.options, label: nil, digest: true,
                                                   latestSuffices: { dataCovers(request.asOf, latestEvent: $0) })
        try checkAsOf(request.asOf, latestEvent: latest)
        let assigner = TierAssigner(policy: request.policy)
        let stream = stream?()
        // The assignments go into chunks, each handed whole to the stream when full and kept:
        // no assignment is copied (slices of one array copied into chunks were ≈ 2 % of the
        // scoring thread at 10⁶ firms, perf). Without a stream, one chunk of every firm.
        // (Not `rowCount`: that counts the active firms only, and the inactive are assigned too.)
        let chunkSize = stream?.chunkSize ?? max(table.enterpriseCount, 1)
        var chunks: [[TierAssignment]] = []
        var chunk: [TierAssignment] = []
        var assigned = 0
        // (Each chunk's capacity reserved up front, for the firms left: none after the last.)
        chunk.reserveCapacity(min(chunkSize, table.enterpriseCount))
        func finishChunk() {
            stream?.send(chunk)
            chunks.append(chunk)
            assigned += chunk.count
            chunk = []
            chunk.reserveCapacity(max(0, min(chunkSize, table.enterpriseCount - assigned)))
        }
        table.forEachEnterprise(priors: scorer.featureSpec.priors) { id, row, facts in
            if let row, let facts {
                let score = scorer.score(row: row, enterpriseId: id)
                // (Empty dictionaries are the usual case: skip hashing the id for them.)
                chunk.append(assigner.assign(score: score, facts: facts, asOf: request.asOf, manualOverrides: manual.isEmpty ? [] : manual[id] ?? [],
                                             previous: previous.isEmpty ? nil : previous[id]))
            } else {
                chunk.append(assigner.assignInactive(enterpriseId: id, asOf: request.asOf, previous: previous.isEmpty ? nil : previous[id]))
            }
            if chunk.count == chunkSize { finishChunk() }
        }
        if !chunk.isEmpty { finishChunk() }
        return (chunks, digest!)
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
        var files = RunFileWriter(directory: directory)
        for chunk in result.chunks { files.append(chunk) }
        try finishRun(result, files: &files, recording: recording)
    }

    /// Ends a run whose every firm is in `files` and `recording`: run.json is written, the store
    /// commits only if every file was, and the files are renamed into place only once it has
    /// committed. On any error no file is left.
    static func finishRun(_ result: MonthlyScoreResult, files: inout RunFileWriter, recording: RunRecording) throws(MonthlyRunError) {
        let writeError = files.finish(result)
        let recordError = recording.finish(filesWritten: writeError == nil)
        // A file error first: the store then refused to commit because of it.
        if let error = writeError ?? recordError {
            files.discard()
            throw error
        }
        try files.publish()
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

    /// scores.csv, rendered as bytes (no `String` per field or line): at 10⁵ firms the joined
    /// strings took 0.44 s of a 4.8 s run; the bytes are unchanged. (The run itself streams the
    /// same lines to disk: `RunFileWriter`.)
    static func renderScores(_ assignments: some Sequence<TierAssignment>) -> Data {
        var bytes = Array((scoresHeader + "\n").utf8)
        bytes.reserveCapacity(assignments.underestimatedCount * 96 + 128)
        for a in assignments { appendScoreLine(a, to: &bytes) }
        return Data(bytes)
    }

    /// One firm's scores.csv line, newline included.
    static func appendScoreLine(_ a: TierAssignment, to bytes: inout some CSVByteSink) {
        a.enterpriseId.withUTF8 { bytes.put($0) }
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
            if index > 0 { bytes.put(UInt8(ascii: ";")) }
            bytes.append(code.rawValue)
        }
        bytes.comma()
        for (index, reason) in a.reasons.enumerated() {
            if index > 0 { bytes.put(UInt8(ascii: ";")) }
            bytes.append(reason.code)
        }
        bytes.put(0x0A)
    }

    /// transitions.csv: one row per enterprise whose published tier changed; the cause is the
    /// overrides that held (`;`-joined) or `model`.
    static func renderTransitions(_ assignments: some Sequence<TierAssignment>) -> Data {
        var bytes = Array((transitionsHeader + "\n").utf8)
        for a in assignments where a.isTransition { appendTransitionLine(a, to: &bytes) }
        return Data(bytes)
    }

    /// One transition's line, newline included (`a.isTransition`).
    static func appendTransitionLine(_ a: TierAssignment, to bytes: inout some CSVByteSink) {
        a.enterpriseId.withUTF8 { bytes.put($0) }
        bytes.comma()
        bytes.append(a.previousTier)
        bytes.comma()
        bytes.append(a.tier)
        bytes.comma()
        if a.overrides.isEmpty {
            bytes.append("model")
        } else {
            for (index, code) in a.overrides.enumerated() {
                if index > 0 { bytes.put(UInt8(ascii: ";")) }
                bytes.append(code.rawValue)
            }
        }
        bytes.put(0x0A)
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
            // A published id is a stored code: 18 characters of the code's set, its check
            // character excused (a lawful legacy code listed in uscc_exceptions.csv keeps its own).
            let id: CreditCode
            switch CreditCode.validate(Substring(fields[0]), exceptions: [fields[0]]) {
            case let .success(validated) where validated.code.value == fields[0]: id = validated.code
            case let .failure(error): throw .previousRun(path: path, line: index + 1, message: "`enterprise_id` must be \(error)")
            case .success: throw .previousRun(path: path, line: index + 1, message: "`enterprise_id` must be a canonical credit code; got \(fields[0])")
            }
            result[id] = TierAssignment(enterpriseId: id, asOf: CivilDate(year: 1970, month: 1, day: 1)!, score: nil, overrides: [], manualOverride: nil,
                                        proposedTier: published, tier: published, previousTier: nil, pendingImprovement: pending, reasons: [])
        }
        return result
    }
}
