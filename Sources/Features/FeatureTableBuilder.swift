import Domain

/// The column-oriented path for stores that stream events one kind at a time (all penalties
/// ordered by enterprise, then all inspections, …): one small accumulator per enterprise is
/// live, events are routed to it by id, and `featureBuilder()` hands the rows to a
/// `FeatureBuilder` in id order. Memory is proportional to enterprises, not events.
public struct FeatureTableBuilder: Sendable {
    public let asOf: CivilDate
    public let options: FeatureOptions
    public let label: LabelOptions?
    private var accumulators: [FeatureAccumulator]
    private var ids: [CreditCode]
    private var lastIndex = 0

    /// `enterprises` must be in strictly ascending id order (as the store returns them).
    public init(asOf: CivilDate, enterprises: [Enterprise], options: FeatureOptions = FeatureOptions(), label: LabelOptions? = nil) throws(FeaturesError) {
        if let label, asOf > label.dataEnd.adding(months: -label.horizonMonths) {
            throw .labelWindowBeyondData(asOf: asOf, dataEnd: label.dataEnd, horizonMonths: label.horizonMonths)
        }
        for (previous, next) in zip(enterprises, enterprises.dropFirst()) where !(previous.id < next.id) {
            throw .enterprisesOutOfOrder(previous: previous.id, next: next.id)
        }
        self.asOf = asOf
        self.options = options
        self.label = label
        self.accumulators = enterprises.map { FeatureAccumulator(enterprise: $0, asOf: asOf, options: options, label: label) }
        self.ids = enterprises.map(\.id)
    }

    /// Routes one event to its enterprise. Events sorted by enterprise hit the cached index;
    /// others cost a binary search.
    public mutating func add(_ event: Event) throws(FeaturesError) {
        let id = event.header.enterpriseId
        if lastIndex >= ids.count || ids[lastIndex] != id {
            var low = 0
            var high = ids.count
            while low < high {
                let middle = (low + high) / 2
                if ids[middle] < id { low = middle + 1 } else { high = middle }
            }
            guard low < ids.count, ids[low] == id else { throw .unknownEnterprise(id, eventId: event.header.eventId) }
            lastIndex = low
        }
        try accumulators[lastIndex].add(event)
    }

    /// A builder holding every enterprise's row (estimate priors and build the set from it).
    public func featureBuilder() throws(FeaturesError) -> FeatureBuilder {
        var builder = try FeatureBuilder(asOf: asOf, options: options, label: label)
        for accumulator in accumulators { try builder.add(accumulator) }
        return builder
    }
}
