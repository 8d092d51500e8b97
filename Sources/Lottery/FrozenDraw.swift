import Domain

/// The four frozen files of a draw, checked against each other: every file's SHA-256 equals
/// the manifest's, and every stratum in the population has a rate in the plan.
public struct FrozenDraw: Sendable {
    public let manifest: DrawManifest
    /// The `manifest.json` bytes as read (their SHA-256 goes into the record).
    public let manifestBytes: [UInt8]
    public let population: FrozenPopulation
    public let roster: FrozenRoster
    public let conflicts: FrozenConflicts

    /// Lowercase hex SHA-256 of `manifestBytes`.
    public var manifestSHA256: String { TicketHasher.sha256Hex(manifestBytes) }

    /// Checks digests and strata. A changed file is named with both digests.
    public init(manifest: DrawManifest, manifestBytes: [UInt8], population: FrozenPopulation,
                roster: FrozenRoster, conflicts: FrozenConflicts) throws(LotteryError) {
        for (name, bytes) in [(FrozenPopulation.fileName, population.bytes), (FrozenRoster.fileName, roster.bytes),
                              (FrozenConflicts.fileName, conflicts.bytes)] {
            let actual = TicketHasher.sha256Hex(bytes)
            guard let expected = manifest.fileDigests[name] else {
                throw LotteryError(file: DrawManifest.fileName, field: "files.\(name)", "must hold the file's SHA-256; got nothing")
            }
            guard expected == actual else {
                throw LotteryError(file: name, "must have the SHA-256 that manifest.json gives (\(expected)); got \(actual): the file changed after freezing")
            }
        }
        try FrozenDraw.checkStrata(population, plan: manifest.plan)
        self.manifest = manifest
        self.manifestBytes = manifestBytes
        self.population = population
        self.roster = roster
        self.conflicts = conflicts
    }

    /// Every population stratum must have a rate in the plan.
    static func checkStrata(_ population: FrozenPopulation, plan: DrawPlan) throws(LotteryError) {
        for stratum in population.strataPresent where plan.ratesBasisPoints[stratum] == nil {
            let row = (0..<population.count).first { population.stratum($0) == stratum }!
            let known = plan.strata.map(\.name).joined(separator: ", ")
            throw LotteryError(file: FrozenPopulation.fileName, line: row + 2, field: "stratum",
                               "must be one of the plan's strata (\(known)); got '\(stratum.name)'")
        }
    }
}
