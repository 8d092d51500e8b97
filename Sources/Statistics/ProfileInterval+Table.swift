extension ProfileInterval {
    /// The intervals as a table in R's matrix print layout (4 significant digits; NA for a
    /// missing bound or an aliased coefficient), one row per term.
    public static func tableLines(terms: [String], intervals: [ProfileInterval?], level: Double = 0.95) -> [String] {
        func cells(_ v: [Double?]) -> [String] { v.map { $0.map { RNumberFormat.format([$0], digits: 4)[0] } ?? "NA" } }
        return RNumberFormat.matrixLines(
            rowNames: terms,
            columns: [[RNumberFormat.percentLabel((1 - level) / 2)] + cells(intervals.map { $0?.lower }),
                      [RNumberFormat.percentLabel((1 + level) / 2)] + cells(intervals.map { $0?.upper })])
    }
}
