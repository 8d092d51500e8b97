import Domain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EnterpriseHistory {
    /// The ground truth: the latent model's features (`LatentModel.termNames` without the
    /// intercept) as of `asOf`, written plainly after DOMAIN.md §5.1. A window of m months is
    /// (asOf − m months, asOf], calendar months with the day clamped to the month's end; only
    /// events dated on or before `asOf` count. (The generator keeps `recorded_on ≤ t` for
    /// every event dated ≤ t, so the `recorded_on` filter of back-tests changes nothing at t.)
    ///
    /// - `pen_count_36m`: penalties decided in the 36-month window (publicity repair does not
    ///   clear them: `repair_clears_features = false`).
    /// - `samp_fail_36m`: final sampling tests with result `fail` in the 36-month window.
    /// - `insp_serious_36m`: inspections with `max_severity = serious` in the 36-month window.
    /// - `abnormal_now`: 1 if an abnormal-operation spell is active on `asOf`
    ///   (entered_on ≤ asOf and no exit or exited_on > asOf), else 0.
    /// - `compl_subst_12m`: complaints received in the 12-month window with `substantiated = yes`.
    /// - `age_log_years`: log(1 + (asOf − registered_on in days) / 365.25).
    /// - `domain_drug`, `domain_special_equipment`: 1 if the domain is among the enterprise's.
    func trueFeatures(asOf: CivilDate, registeredDay: Int, domains: [SupervisionDomain]) -> [Double] {
        let t = asOf.daysSinceEpoch
        let from36 = asOf.adding(months: -36).daysSinceEpoch
        let from12 = asOf.adding(months: -12).daysSinceEpoch
        func in36(_ day: Int) -> Bool { day > from36 && day <= t }

        let penaltyCount = penalties.filter { in36($0.day) }.count
        let samplingFails = samplingTests.filter { in36($0.day) && $0.failClass != nil && $0.isFinal }.count
        let seriousInspections = inspections.filter { in36($0.day) && $0.severity == .serious }.count
        let abnormalNow = listEntries.contains { $0.list == .abnormalOperation && $0.isOpen(on: t) }
        let substantiated = complaints.filter { $0.day > from12 && $0.day <= t && $0.substantiated == .yes }.count
        let ageYears = Double(t - registeredDay) / 365.25
        return [
            Double(penaltyCount),
            Double(samplingFails),
            Double(seriousInspections),
            abnormalNow ? 1 : 0,
            Double(substantiated),
            log(1 + ageYears),
            domains.contains(.drug) ? 1 : 0,
            domains.contains(.specialEquipment) ? 1 : 0,
        ]
    }
}
