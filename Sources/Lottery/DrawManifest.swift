import Domain

/// `manifest.json` of a frozen draw: the algorithm, the plan and the SHA-256 of each frozen
/// file. Its own SHA-256 is what planners publish before the seed exists.
///
/// Serialisation (byte-stable, and what Python's `json.dumps(m, sort_keys=True)` gives):
/// keys sorted by code point at every level, separators `", "` and `": "`, no indentation,
/// non-ASCII escaped as `\uXXXX` (UTF-16, so astral characters as surrogate pairs), no
/// trailing newline. `plan.task` is present when the plan names one.
public struct DrawManifest: Hashable, Sendable {
    public static let fileName = "manifest.json"

    public let algorithm: String
    public let plan: DrawPlan
    /// Lowercase hex SHA-256 per frozen file name.
    public let fileDigests: [String: String]

    public static let frozenFileNames = [FrozenConflicts.fileName, FrozenPopulation.fileName, FrozenRoster.fileName]

    public init(algorithm: String = DrawRecord.algorithmIdentifier, plan: DrawPlan, fileDigests: [String: String]) {
        self.algorithm = algorithm
        self.plan = plan
        self.fileDigests = fileDigests
    }

    /// The canonical bytes described above.
    public var canonicalJSON: [UInt8] {
        var json = JSONText()
        json.open()
        json.key("algorithm"); json.string(algorithm)
        json.comma(); json.key("files"); json.open()
        for (index, name) in fileDigests.keys.sorted(by: JSONText.keyOrder).enumerated() {
            if index > 0 { json.comma() }
            json.key(name); json.string(fileDigests[name]!)
        }
        json.close()
        json.comma(); json.key("plan"); json.open()
        json.key("rates_bp"); json.open()
        for (index, stratum) in plan.ratesBasisPoints.keys.map(\.name).sorted(by: JSONText.keyOrder).enumerated() {
            if index > 0 { json.comma() }
            json.key(stratum); json.raw(String(plan.ratesBasisPoints[DrawStratum(stratum)!]!))
        }
        json.close()
        if let task = plan.task {
            json.comma(); json.key("task"); json.open()
            json.key("date"); json.string(task.date.description)
            json.comma(); json.key("domain"); json.string(task.domain.rawValue)
            json.comma(); json.key("id"); json.string(task.id)
            json.comma(); json.key("seed_source"); json.string(task.seedSource)
            json.comma(); json.key("title"); json.string(task.title)
            json.close()
        }
        json.comma(); json.key("team_size"); json.raw(String(plan.teamSize))
        json.close()
        json.close()
        return json.bytes
    }
}
