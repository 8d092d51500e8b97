/// The published result of a `risktier-draw/1` draw (`record.json`, DESIGN.md): enough, with
/// the frozen files and the seed, for anyone to recompute and compare every field.
public struct DrawRecord: Hashable, Sendable {
    /// The algorithm identifier; always `risktier-draw/1` for this version.
    public let algorithm: String
    /// Lowercase hex SHA-256 of the `manifest.json` bytes, published before the seed.
    public let manifestSHA256: String
    /// The seed string exactly as used.
    public let seed: String
    /// One entry per stratum of the plan, in the order A, B, C, D, then other names.
    public let strata: [DrawRecordStratum]
    /// Selected enterprises by rank (1 = smallest ticket overall).
    public let selections: [DrawRecordSelection]
    /// Selected enterprises left without a full team, in rank order, with the reason (L8).
    public let unassigned: [DrawRecordUnassigned]

    public static let algorithmIdentifier = "risktier-draw/1"

    public init(
        algorithm: String = DrawRecord.algorithmIdentifier, manifestSHA256: String, seed: String,
        strata: [DrawRecordStratum], selections: [DrawRecordSelection], unassigned: [DrawRecordUnassigned]
    ) {
        self.algorithm = algorithm
        self.manifestSHA256 = manifestSHA256
        self.seed = seed
        self.strata = strata
        self.selections = selections
        self.unassigned = unassigned
    }
}
