/// An on-site or desk inspection and what it found (`inspections.csv`).
public struct Inspection: Hashable, Sendable, Codable {
    public let header: EventHeader
    public let inspectedOn: CivilDate
    public let origin: InspectionOrigin
    /// Present iff `origin == .randomDraw`.
    public let drawId: String?
    public let findingsCount: Int
    /// `.none` iff `findingsCount == 0`.
    public let maxSeverity: FindingSeverity
    public let outcome: InspectionOutcome
    /// Known inspectors; at least two for a random draw (Art. 42 of 行政处罚法).
    public let inspectorIds: [String]

    public init(header: EventHeader, inspectedOn: CivilDate, origin: InspectionOrigin, drawId: String?, findingsCount: Int,
                maxSeverity: FindingSeverity, outcome: InspectionOutcome, inspectorIds: [String]) throws(DomainError) {
        switch (origin, drawId) {
        case (.randomDraw, nil):
            throw DomainError(field: "draw_id", requirement: "non-empty when origin is 'random_draw'", got: "")
        case let (.randomDraw, id?):
            try Validation.text(id, field: "draw_id", maxLength: 64)
        case let (_, id?):
            throw DomainError(field: "draw_id", requirement: "empty unless origin is 'random_draw'", got: id)
        case (_, nil): break
        }
        guard findingsCount >= 0 else {
            throw DomainError(field: "findings_count", requirement: "an integer ≥ 0", got: String(findingsCount))
        }
        if (findingsCount == 0) != (maxSeverity == .none) {
            throw DomainError(field: "max_severity",
                              requirement: findingsCount == 0 ? "'none' when findings_count is 0" : "minor, general or serious when findings_count is \(findingsCount)",
                              got: maxSeverity.rawValue)
        }
        for id in inspectorIds where !Inspector.isValidId(id) {
            throw DomainError(field: "inspector_ids", requirement: "a ;-joined set of inspector ids of 1 to 32 characters from A-Z a-z 0-9 _ -", got: id)
        }
        // A team is a handful of ids: pairwise comparison instead of building a Set per row.
        let repeats = inspectorIds.count <= 16
            ? inspectorIds.indices.contains { i in inspectorIds[(i + 1)...].contains(inspectorIds[i]) }
            : Set(inspectorIds).count != inspectorIds.count
        if repeats {
            throw DomainError(field: "inspector_ids", requirement: "a set without repeats", got: inspectorIds.joined(separator: ";"))
        }
        if origin == .randomDraw, inspectorIds.count < 2 {
            throw DomainError(field: "inspector_ids", requirement: "at least 2 inspectors for a random draw (Art. 42 of 行政处罚法)", got: inspectorIds.joined(separator: ";"))
        }
        self.header = header
        self.inspectedOn = inspectedOn
        self.origin = origin
        self.drawId = drawId
        self.findingsCount = findingsCount
        self.maxSeverity = maxSeverity
        self.outcome = outcome
        self.inspectorIds = inspectorIds.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
