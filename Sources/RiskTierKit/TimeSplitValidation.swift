import Domain
import Statistics

/// A time split: trained on the rows dated before `splitDate` in `column`, tested on the rows
/// dated on or after it.
public struct TimeSplitValidation: Sendable {
    public let column: String
    public let splitDate: CivilDate
    public let holdout: HoldoutValidation
}
