import Synthesis

/// The size, seed and period of a synthetic city, for callers that import only RiskTierKit
/// (the import benchmark).
public typealias SynthSpec = CitySpec

/// `risktier synth`: generates a seeded synthetic city into a directory of DOMAIN.md §4 files.
public enum SynthCity {
    /// Writes enterprises.csv, licences.csv, … conflicts.csv into `directory` (created if
    /// missing; existing files of the same names are replaced atomically) and returns the summary.
    public static func generate(_ spec: CitySpec, into directory: String) throws(SynthOutputError) -> CitySummary {
        var sink = try SynthFileSink(directory: directory)
        let summary = CityGenerator(spec: spec).generate(into: &sink)
        try sink.commit()
        return summary
    }
}
