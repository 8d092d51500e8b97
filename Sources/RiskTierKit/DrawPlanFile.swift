import Domain
import Foundation
import Lottery

/// Reads `plan.json` (the planner's input to `draw freeze`). Schema, all keys required, no
/// others:
///
///     {"task": {"id": "2026-food-q4", "title": "…", "domain": "food", "date": "2026-12-01",
///               "seed_source": "…"},
///      "rates_bp": {"A": 300, "B": 500, "C": 1000, "D": 3000},
///      "team_size": 2}
///
/// `rates_bp` keys are tiers A–D; values are whole basis points 0…10000. One optional key:
/// `"cross_district": true` turns on the L6 district rule (officers never inspect enterprises
/// of their own district; default false), materialised by freeze as conflict rows.
public enum DrawPlanFile {
    public static func read(_ data: Data, file: String) throws(DrawError) -> DrawPlan {
        func fail(_ field: String?, _ message: String) -> DrawError {
            .invalid(LotteryError(file: file, field: field, message))
        }
        guard let root = DrawJSON.parse(data) as? [String: Any] else {
            throw fail(nil, "must be a JSON object with task, rates_bp and team_size; got something else")
        }
        try DrawPlanFile.checkKeys(root, allowed: ["task", "rates_bp", "team_size", "cross_district"], required: ["task", "rates_bp", "team_size"], prefix: "", file: file)
        guard let taskObject = root["task"] as? [String: Any] else { throw fail("task", "must be an object; got \(root["task"]!)") }
        let taskKeys: Set<String> = ["id", "title", "domain", "date", "seed_source"]
        try DrawPlanFile.checkKeys(taskObject, allowed: taskKeys, required: taskKeys, prefix: "task.", file: file)
        func text(_ key: String) throws(DrawError) -> String {
            guard let value = taskObject[key] as? String, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw fail("task.\(key)", "must be a non-empty string; got \(String(describing: taskObject[key]!))")
            }
            return value
        }
        let domainText = try text("domain")
        guard let domain = SupervisionDomain(rawValue: domainText) else {
            throw fail("task.domain", "must be one of \(SupervisionDomain.allowedTokens); got '\(domainText)'")
        }
        let dateText = try text("date")
        guard let date = CivilDate(iso: dateText) else {
            throw fail("task.date", "must be a date YYYY-MM-DD; got '\(dateText)'")
        }
        var crossDistrict = false
        if let value = root["cross_district"] {
            guard let flag = DrawJSON.boolean(value) else {
                throw fail("cross_district", "must be true or false; got \(value)")
            }
            crossDistrict = flag
        }
        let task = DrawTask(id: try text("id"), title: try text("title"), domain: domain, date: date,
                            seedSource: try text("seed_source"), crossDistrict: crossDistrict)
        let rates = try readRates(root["rates_bp"], file: file, tiersOnly: true)
        guard let teamSize = DrawJSON.integer(root["team_size"]) else {
            throw fail("team_size", "must be a whole number of at least 2; got \(String(describing: root["team_size"]!))")
        }
        do {
            return try DrawPlan(ratesBasisPoints: rates, teamSize: teamSize, task: task)
        } catch {
            throw .invalid(LotteryError(file: file, error.description))
        }
    }

    /// `rates_bp`: stratum → whole basis points. With `tiersOnly`, keys must be A–D.
    static func readRates(_ value: Any?, file: String, tiersOnly: Bool, prefix: String = "") throws(DrawError) -> [DrawStratum: Int] {
        guard let object = value as? [String: Any], !object.isEmpty else {
            throw .invalid(LotteryError(file: file, field: prefix + "rates_bp", "must be an object of stratum: basis points, e.g. {\"A\": 300}; got \(String(describing: value ?? "nothing"))"))
        }
        var rates: [DrawStratum: Int] = [:]
        for key in object.keys.sorted() {
            let field = prefix + "rates_bp.\(key)"
            guard let stratum = DrawStratum(key), !tiersOnly || stratum.tier != nil else {
                throw .invalid(LotteryError(file: file, field: field, "must name a known stratum (\(tiersOnly ? "a tier A, B, C or D" : "a token of letters, digits, _ or -")); got '\(key)'"))
            }
            guard let rate = DrawJSON.integer(object[key]) else {
                throw .invalid(LotteryError(file: file, field: field, "must be a whole number of basis points from 0 to 10000; got \(object[key]!)"))
            }
            guard (0...10_000).contains(rate) else {
                throw .invalid(LotteryError(file: file, field: field, "must be a whole number of basis points from 0 to 10000; got \(rate)"))
            }
            rates[stratum] = rate
        }
        return rates
    }

    static func checkKeys(_ object: [String: Any], allowed: Set<String>, required: Set<String>, prefix: String, file: String) throws(DrawError) {
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw .invalid(LotteryError(file: file, field: prefix + unknown, "is not a known key (expected \(allowed.sorted().joined(separator: ", ")))"))
        }
        if let missing = required.sorted().first(where: { object[$0] == nil }) {
            throw .invalid(LotteryError(file: file, field: prefix + missing, "must be present; got nothing"))
        }
    }
}
