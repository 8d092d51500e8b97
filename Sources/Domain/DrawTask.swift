/// The inspection task a draw serves (随机抽查事项): published in the plan before the seed exists.
public struct DrawTask: Hashable, Sendable {
    /// The plan's identifier for the batch, e.g. `2026-food-q4`.
    public let id: String
    /// Human-readable title for the public notice, e.g. `2026年第四季度食品经营者双随机抽查`.
    public let title: String
    /// The supervision domain of the item being checked.
    public let domain: SupervisionDomain
    /// Planned inspection date; certificates must be valid on it (L3).
    public let date: CivilDate
    /// Where the seed will come from, announced before it exists (e.g. a lottery result).
    public let seedSource: String
    /// L6 district rule (DOMAIN.md §3.2, off by default): officers may not inspect enterprises
    /// of their own district (cross-checks). Freeze materialises it as `cross_district`
    /// conflict rows, so the draw itself (and `risktier-draw/1`) is unchanged.
    public let crossDistrict: Bool

    public init(id: String, title: String, domain: SupervisionDomain, date: CivilDate, seedSource: String,
                crossDistrict: Bool = false) {
        self.id = id
        self.title = title
        self.domain = domain
        self.date = date
        self.seedSource = seedSource
        self.crossDistrict = crossDistrict
    }
}
