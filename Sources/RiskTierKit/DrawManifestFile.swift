import Domain
import Foundation
import Lottery

/// Reads `manifest.json` written by anyone following DESIGN.md: `algorithm`, `plan`
/// (`rates_bp`, `team_size`, optional `task`) and `files`. Extra keys are ignored, so that
/// DESIGN.md's shape is the required subset.
public enum DrawManifestFile {
    public static func read(_ data: Data, file: String = DrawManifest.fileName) throws(DrawError) -> DrawManifest {
        func fail(_ field: String?, _ message: String) -> DrawError { .invalid(LotteryError(file: file, field: field, message)) }
        guard let root = DrawJSON.parse(data) as? [String: Any] else {
            throw fail(nil, "must be a JSON object (algorithm, plan, files); got something else")
        }
        guard let algorithm = root["algorithm"] as? String else { throw fail("algorithm", "must be a string; got nothing") }
        guard algorithm == DrawRecord.algorithmIdentifier else {
            throw fail("algorithm", "must be '\(DrawRecord.algorithmIdentifier)' (the only algorithm this version implements); got '\(algorithm)'")
        }
        guard let plan = root["plan"] as? [String: Any] else { throw fail("plan", "must be an object with rates_bp and team_size; got nothing") }
        let rates = try DrawPlanFile.readRates(plan["rates_bp"], file: file, tiersOnly: false, prefix: "plan.")
        guard let teamSize = DrawJSON.integer(plan["team_size"]) else {
            throw fail("plan.team_size", "must be a whole number of at least 2; got \(String(describing: plan["team_size"] ?? "nothing"))")
        }
        var task: DrawTask? = nil
        if let object = plan["task"] as? [String: Any] {
            let id = object["id"] as? String ?? "", title = object["title"] as? String ?? ""
            let seedSource = object["seed_source"] as? String ?? ""
            guard let domain = (object["domain"] as? String).flatMap(SupervisionDomain.init(rawValue:)) else {
                throw fail("plan.task.domain", "must be one of \(SupervisionDomain.allowedTokens); got \(String(describing: object["domain"] ?? "nothing"))")
            }
            guard let date = (object["date"] as? String).flatMap({ CivilDate(iso: $0) }) else {
                throw fail("plan.task.date", "must be a date YYYY-MM-DD; got \(String(describing: object["date"] ?? "nothing"))")
            }
            task = DrawTask(id: id, title: title, domain: domain, date: date, seedSource: seedSource)
        }
        guard let files = root["files"] as? [String: Any] else { throw fail("files", "must be an object of file name: SHA-256; got nothing") }
        var digests: [String: String] = [:]
        for name in DrawManifest.frozenFileNames {
            guard let hex = files[name] as? String, hex.utf8.count == 64, hex.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) else {
                throw fail("files.\(name)", "must be a lowercase hex SHA-256 (64 characters); got \(String(describing: files[name] ?? "nothing"))")
            }
            digests[name] = hex
        }
        do {
            return DrawManifest(algorithm: algorithm, plan: try DrawPlan(ratesBasisPoints: rates, teamSize: teamSize, task: task), fileDigests: digests)
        } catch {
            throw .invalid(LotteryError(file: file, error.description))
        }
    }
}
