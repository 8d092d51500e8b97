import Domain

/// Errors of the Features module; messages read "`field` must be …; got …".
public enum FeaturesError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The as-of date leaves less than the label horizon before the end of the data.
    case labelWindowBeyondData(asOf: CivilDate, dataEnd: CivilDate, horizonMonths: Int)
    /// Enterprises must be fed in strictly ascending id order (the streaming contract).
    case enterprisesOutOfOrder(previous: CreditCode, next: CreditCode)
    /// An event fed to the accumulator of another enterprise.
    case eventForOtherEnterprise(expected: CreditCode, got: CreditCode, eventId: String)
    /// An event of an enterprise that is not in the enterprise list.
    case unknownEnterprise(CreditCode, eventId: String)
    /// A model's feature names differ from this build's `FeatureName` order.
    case featureSpecMismatch(expected: [String], got: [String])

    public var description: String {
        switch self {
        case let .labelWindowBeyondData(asOf, dataEnd, horizon):
            return "`as_of` must be on or before data end \(dataEnd) minus \(horizon) months (\(dataEnd.adding(months: -horizon))) so that the label window is observed; got \(asOf)"
        case let .enterprisesOutOfOrder(previous, next):
            return "`enterprise_id` must be strictly ascending in the feature stream; got \(next) after \(previous)"
        case let .eventForOtherEnterprise(expected, got, eventId):
            return "`enterprise_id` of event \(eventId) must be \(expected); got \(got)"
        case let .unknownEnterprise(id, eventId):
            return "`enterprise_id` of event \(eventId) must be a known enterprise; got \(id)"
        case let .featureSpecMismatch(expected, got):
            return "`features` must be \(expected.joined(separator: ",")); got \(got.joined(separator: ","))"
        }
    }
}
