import Domain

/// One stored monthly run (`model_runs`): one per as-of date.
public struct StoredRun: Hashable, Sendable {
    public let runId: String
    public let modelId: String
    public let asOf: CivilDate
    /// SHA-256 of every imported row at the time of the run.
    public let inputSHA256: String
    public let packageVersion: String
    public let modelSHA256: String
    /// `A=…;B=…;C=…;D=…;inactive=…`.
    public let tierCounts: String
    public let transitions: Int

    public init(runId: String, modelId: String, asOf: CivilDate, inputSHA256: String, packageVersion: String, modelSHA256: String,
                tierCounts: String, transitions: Int) {
        self.runId = runId
        self.modelId = modelId
        self.asOf = asOf
        self.inputSHA256 = inputSHA256
        self.packageVersion = packageVersion
        self.modelSHA256 = modelSHA256
        self.tierCounts = tierCounts
        self.transitions = transitions
    }
}
