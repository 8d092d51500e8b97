/// One stratum's line in a draw record: its size, rate and the resulting sample size.
public struct DrawRecordStratum: Hashable, Sendable {
    public let stratum: DrawStratum
    /// N, the number of eligible enterprises in the stratum.
    public let population: Int
    public let rateBasisPoints: Int
    /// n = ⌈N·r / 10000⌉, at most N.
    public let sampleSize: Int

    public init(stratum: DrawStratum, population: Int, rateBasisPoints: Int, sampleSize: Int) {
        self.stratum = stratum
        self.population = population
        self.rateBasisPoints = rateBasisPoints
        self.sampleSize = sampleSize
    }
}
