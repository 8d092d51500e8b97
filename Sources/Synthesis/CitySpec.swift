import Domain

/// What `risktier synth` generates: size, seed and period of the synthetic city.
///
/// The data run from `start` to the extract date `start + years − 1 day`; the reference as-of
/// date t is one year before the extract date, so the outcome window (t, t + 12 months] ends
/// exactly on the extract date and the first `years − 1` years are history.
public struct CitySpec: Sendable, Equatable {
    public let enterpriseCount: Int
    public let seed: UInt64
    public let start: CivilDate
    public let years: Int

    public static let defaultStart = CivilDate(year: 2021, month: 1, day: 1)!
    public static let defaultYears = 5

    public init(enterpriseCount: Int, seed: UInt64, start: CivilDate = CitySpec.defaultStart,
                years: Int = CitySpec.defaultYears) throws(SynthesisError) {
        guard (1...50_000_000).contains(enterpriseCount) else {
            throw SynthesisError(field: "enterprises", requirement: "between 1 and 50000000", got: String(enterpriseCount))
        }
        guard (4...20).contains(years) else {
            // Features look back 36 months, so at least 3 years of history before t.
            throw SynthesisError(field: "years", requirement: "between 4 and 20 (36 months of history plus the 12-month outcome window)", got: String(years))
        }
        guard start >= CivilDate(year: 2000, month: 1, day: 1)!, start <= CivilDate(year: 2100, month: 1, day: 1)! else {
            throw SynthesisError(field: "start", requirement: "a date from 2000-01-01 to 2100-01-01", got: start.description)
        }
        self.enterpriseCount = enterpriseCount
        self.seed = seed
        self.start = start
        self.years = years
    }

    /// The reference as-of date t of the latent model: the last day of the history.
    public var referenceDate: CivilDate { start.adding(months: 12 * (years - 1)).adding(days: -1) }

    /// The export's extract date = t + 12 months; no date in the files is later.
    public var extractDate: CivilDate { referenceDate.adding(months: 12) }
}
