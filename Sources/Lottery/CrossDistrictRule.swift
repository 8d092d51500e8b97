/// L6 district rule (DOMAIN.md §3.2, off by default): with `cross_district`, no officer may
/// inspect an enterprise of their own district. DESIGN.md puts every recusal into
/// `conflicts.csv` at freeze time, so the rule becomes conflict rows with reason
/// `cross_district` and the draw algorithm (`risktier-draw/1`) does not change: a verifier
/// needs no knowledge of the rule.
///
/// Only pairs that could otherwise be drawn are written: the officer is qualified for the
/// enterprise's domain (L4 would exclude the others anyway). The file grows by the number of
/// (enterprise, same-district qualified officer) pairs, which is why the rule is for
/// cross-checks over modest populations.
public enum CrossDistrictRule {
    public static let reason = "cross_district"

    /// The rows the rule adds for this population and roster.
    public static func rows(population: FrozenPopulation, roster: FrozenRoster) -> [ConflictRow] {
        var officersByDistrict: [String: [RosterMember]] = [:]
        for member in roster.members { officersByDistrict[member.district, default: []].append(member) }
        var rows: [ConflictRow] = []
        for row in 0..<population.count {
            guard let officers = officersByDistrict[population.district(row)] else { continue }
            let domain = population.domain(row)
            let enterpriseID = population.enterpriseID(row)
            for officer in officers where officer.domains.contains(domain) {
                rows.append(ConflictRow(inspectorID: officer.inspectorID, enterpriseID: enterpriseID, reason: reason))
            }
        }
        return rows
    }
}
