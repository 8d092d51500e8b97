import Domain

/// One eligible officer in `roster.csv`. The frozen roster holds only officers who may serve:
/// enforcement role, certificate valid on the plan's date, active (L3); experts are left out
/// because they never count toward a team.
public struct RosterMember: Hashable, Sendable {
    /// `[A-Za-z0-9_-]{1,32}`.
    public let inspectorID: String
    /// Qualified domains, sorted bytewise, no repeats, at least one (L4).
    public let domains: [SupervisionDomain]
    /// 6-digit GB/T 2260 district (kept for the optional L6 rule; unused by v1 selection).
    public let district: String
    /// Most enterprises this officer may be assigned in one draw (L7).
    public let capacity: Int

    public init(inspectorID: String, domains: [SupervisionDomain], district: String, capacity: Int) {
        self.inspectorID = inspectorID
        self.domains = domains
        self.district = district
        self.capacity = capacity
    }

    /// True for ids of 1–32 ASCII letters, digits, `_` or `-` (DOMAIN.md §4 `inspector_id`).
    public static func isValidID(_ text: some StringProtocol) -> Bool {
        let bytes = Array(text.utf8)
        return (1...32).contains(bytes.count) && bytes.allSatisfy {
            ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 95 || $0 == 45
        }
    }
}
