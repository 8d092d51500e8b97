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
    /// Streams the store kind by kind into per-enterprise accumulators; returns the builder and
    /// the newest event date seen.
    static func features(store: Store, asOf: CivilDate, options: FeatureOptions, label: LabelOptions?)
        throws(MonthlyRunError) -> (builder: FeatureBuilder, latestEvent: CivilDate?) {
        do {
            let enterprises = try store.enterprises()
            var table = try FeatureTableBuilder(asOf: asOf, enterprises: enterprises, options: options, label: label)
            var latest: CivilDate?
            for kind in EventKind.allCases {
                try store.forEachEvent(of: kind) { event in
                    latest = max(latest ?? event.date, event.date)
                    try table.add(event)
                }
            }
            return (try table.featureBuilder(), latest)
        } catch let error as StoreError {
            throw .store(error.description)
        } catch let error as FeaturesError {
            throw .features(error.description)
        } catch {
            throw .store("\(error)")
        }
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

    /// Writes `data` to `path` via a temporary file in the same directory and a rename.
    static func writeAtomically(_ data: Data, to url: URL) throws(MonthlyRunError) {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        do {
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .io(path: url.path, message: "cannot write: \(error.localizedDescription)")
        }
    }

    static func jsonData<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try! encoder.encode(value)
        data.append(0x0A)
        return data
    }
}
