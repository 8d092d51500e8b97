import Domain

/// The as-of date, its windows and the options: what every enterprise's accumulation in one
/// feature pass shares (kept once per pass, not once per enterprise).
///
/// Windows are (t − m months, t] in calendar months with the day clamped to month end
/// (`CivilDate.adding(months:)`): an event exactly at t − m months is outside, one at t inside.
public struct FeatureWindow: Sendable {
    public let asOf: CivilDate
    public let options: FeatureOptions
    public let label: LabelOptions?
    // Exclusive window starts and the label window end.
    let start12: CivilDate
    let start36: CivilDate
    let labelEnd: CivilDate?

    public init(asOf: CivilDate, options: FeatureOptions = FeatureOptions(), label: LabelOptions? = nil) {
        self.asOf = asOf
        self.options = options
        self.label = label
        self.start12 = asOf.adding(months: -FeatureOptions.shortWindowMonths)
        self.start36 = asOf.adding(months: -FeatureOptions.longWindowMonths)
        self.labelEnd = label.map { asOf.adding(months: $0.horizonMonths) }
    }

    @inline(__always) func inLongWindow(_ date: CivilDate) -> Bool { start36 < date && date <= asOf }
    @inline(__always) func inShortWindow(_ date: CivilDate) -> Bool { start12 < date && date <= asOf }
    @inline(__always) func inLabelWindow(_ date: CivilDate) -> Bool {
        guard let labelEnd else { return false }
        return asOf < date && date <= labelEnd
    }

    /// Whole calendar months from `from` to `asOf` (largest n with from + n months ≤ asOf).
    func wholeMonths(from: CivilDate) -> Int {
        var months = (asOf.year - from.year) * 12 + (asOf.month - from.month)
        if months > 0, from.adding(months: months) > asOf { months -= 1 }
        return max(0, months)
    }
}
