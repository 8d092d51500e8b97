/// The package version written into models, runs and draw records.
public enum RiskTierVersion {
    public static let current = "0.1.0"
}
