import Domain
import Features
import Foundation
import Store

/// Inclusion probabilities π of the random arm from the draws recorded in the store
/// (`draw record --store`), for Horvitz–Thompson weighting (DOMAIN.md §5.2).
extension MonthlyRun {
    /// For each selection of a stored draw whose task date is in the label window
    /// (t, t + horizon]: π = Σ, over the stored draws of the same domain in the window, of the
    /// rate of the stratum the firm was drawn from, at most 1. Why a sum: with k batches a year
    /// at rate/k each and the frequency cap (DOMAIN.md §2.2), a year's batches are disjoint
    /// samples of the stratum, so P(drawn in the window) is the sum of the batch rates.
    static func recordedInclusionProbabilities(_ store: Store, asOf: CivilDate, horizonMonths: Int) throws(MonthlyRunError) -> [DrawMembership: Double] {
        let end = asOf.adding(months: horizonMonths)
        let records: [(drawId: String, domain: SupervisionDomain, record: DrawRecord)]
        do {
            records = try store.draws(before: end.adding(days: 1), excluding: nil)
                .filter { $0.taskDate > asOf }
                .map { draw in (draw.drawId, draw.domain, try DrawRecordFile.read(Data(draw.recordJSON.utf8), file: "store draws/\(draw.drawId)")) }
        } catch let error as StoreError {
            throw .store(error.description)
        } catch {
            throw .store("\(error)")
        }
        // Window rate per (domain, stratum), summed over the window's draws.
        var windowRate: [SupervisionDomain: [DrawStratum: Double]] = [:]
        for entry in records {
            for stratum in entry.record.strata {
                windowRate[entry.domain, default: [:]][stratum.stratum, default: 0] += Double(stratum.rateBasisPoints) / 10_000
            }
        }
        var result: [DrawMembership: Double] = [:]
        for entry in records {
            for selection in entry.record.selections {
                // The frozen population holds the store's own ids, so they need no re-validation.
                result[DrawMembership(drawId: entry.drawId, enterpriseId: CreditCode(unchecked: selection.enterpriseID))] = min(1, windowRate[entry.domain]?[selection.stratum] ?? 0)
            }
        }
        return result
    }
}
