import Crypto
import Domain
import Features
import Foundation
import Scoring
import Statistics
import Store

/// The monthly scoring run (issue 6): features from the store → fit a model
/// (`risktier fit --store`) or score with one (`risktier score`).
public enum MonthlyRun {
    /// The feature pass: one read of the store (one snapshot) into a `FeatureTableBuilder`;
    /// also the newest event date as far as `latestSuffices` needs it (exact where it refuses it:
    /// `Store.scanFeatureInputs`) and, when `digest` is true, the input digest (lowercase hex
    /// SHA-256 of the rows read), taken in the same pass.
    static func features(store: Store, asOf: CivilDate, options: FeatureOptions, label: LabelOptions?, digest: Bool = false,
                         latestSuffices: (CivilDate?) -> Bool)
        throws(MonthlyRunError) -> (table: FeatureTableBuilder, latestEvent: CivilDate?, inputSHA256: String?) {
        var hasher = SHA256()
        var table: FeatureTableBuilder?
        let latest: CivilDate?
        do {
            latest = try store.scanFeatureInputs(digest: digest ? { hasher.update(bufferPointer: $0) } : nil,
                                                 enterprises: { profiles in
                                                     table = try FeatureTableBuilder(window: FeatureWindow(asOf: asOf, options: options, label: label), profiles: profiles)
                                                 },
                                                 event: { facts, enterpriseId in table!.add(facts, enterpriseId: enterpriseId) },
                                                 newestSuffices: latestSuffices)
        } catch let error as StoreError {
            throw .store(error.description)
        } catch let error as FeaturesError {
            throw .features(error.description)
        } catch {
            throw .store("\(error)")
        }
        return (table!, latest, digest ? hasher.finalize().map { String(format: "%02x", $0) }.joined() : nil)
    }

    static func openStore(_ path: String) throws(MonthlyRunError) -> Store {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .io(path: path, message: "no store here; create one with `risktier init --store \(path)`")
        }
        do {
            return try Store.open(path: path)
        } catch {
            throw .store(error.description)
        }
    }

    /// Lowercase hex SHA-256.
    static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    static func jsonData<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try! encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
