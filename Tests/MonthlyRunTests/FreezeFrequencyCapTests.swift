import Foundation
import Testing
import Domain
import Store
import TestSupport
@testable import RiskTierKit

/// The frequency caps of DOMAIN.md §2.2 end to end: `draw freeze --store` leaves out firms that
/// reached their tier's cap in the 12 months before the task, counting the store's recorded
/// draws and imported random-draw inspections alike (DrawFrequencyCountTests works the counting
/// by hand; this checks that freeze applies it to what the store holds).
@Suite(.serialized) struct FreezeFrequencyCapTests {
    static func population(_ folder: String) throws -> [String: String] {
        let text = try String(contentsOfFile: folder + "/population.csv", encoding: .utf8)
        var result: [String: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            result[String(fields[0])] = String(fields[1])
        }
        return result
    }

    static func freeze(_ store: String, _ folder: URL, taskDate: String, tag: String) throws -> [String: String] {
        let plan = folder.appendingPathComponent("plan-\(tag).json")
        try """
            {"task": {"id": "cap-\(tag)", "title": "frequency cap test", "domain": "food", "date": "\(taskDate)", "seed_source": "test"},
             "rates_bp": {"A": 25, "B": 42, "C": 84, "D": 250}, "team_size": 2}
            """.write(to: plan, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("frozen-\(tag)").path
        _ = try DrawWorkflow.freeze(storePath: store, planPath: plan.path, outputDirectory: out)
        return try population(out)
    }

    @Test func firmsAtTheirCapAreLeftOutOfTheNextFreeze() throws {
        let folder = try TestRepository.temporaryDirectory("freeze-cap")
        defer { try? FileManager.default.removeItem(at: folder) }
        // The demo: the bundled city scored as of 2025-12-31 and a food draw recorded on 2026-01-15.
        _ = try DemoRun.run(outputDirectory: folder.path, datasetsDirectory: TestRepository.path("Datasets"),
                            modelsDirectory: TestRepository.path("Models"))
        let store = folder.appendingPathComponent("risktier.sqlite").path
        let january = try Self.population(folder.appendingPathComponent("frozen").path)
        let selected = try String(contentsOfFile: folder.appendingPathComponent("draw/selections.csv").path, encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
            .map { (id: $0[1], stratum: $0[2]) }
        #expect(selected.count > 10)

        // The same task date under another id: the demo's draw on that very date is not "before"
        // it, so the population is January's exactly.
        let again = try Self.freeze(store, folder, taskDate: "2026-01-15", tag: "jan")
        #expect(again == january)

        // A day later January's draw is in the window: its A and B firms are at their cap (1 a
        // year) and left out.
        let nextDay = try Self.freeze(store, folder, taskDate: "2026-01-16", tag: "jan16")
        let capped = selected.filter { $0.stratum == "A" || $0.stratum == "B" }
        #expect(!capped.isEmpty)
        for firm in capped { #expect(nextDay[firm.id] == nil, "\(firm.id) (\(firm.stratum)) was drawn on 2026-01-15") }

        // Imported random-draw inspections count too (12-month window before the task date):
        // one for a B firm reaches its cap; one for a D firm (cap 4) does not, four distinct
        // draws do; a routine inspection and a draw exactly 12 months before count for nothing.
        func firms(_ stratum: String) -> [String] { january.filter { $0.value == stratum }.keys.sorted() }
        let (b, bOld, c) = (firms("B")[0], firms("B")[1], firms("C")[0])
        let (d1, d4) = (firms("D")[0], firms("D")[1])
        var visits: [(firm: String, on: String, origin: InspectionOrigin, drawId: String?)] = [
            (b, "2025-06-10", .randomDraw, "D2025-06-B"), (bOld, "2025-01-15", .randomDraw, "D2025-01-B"),
            (c, "2025-06-10", .routine, nil), (d1, "2025-06-10", .randomDraw, "D2025-06-D"),
        ]
        for month in ["03", "06", "09", "11"] { visits.append((d4, "2025-\(month)-10", .randomDraw, "D2025-\(month)-D")) }
        try Store.open(path: store).write { writer in
            for (index, visit) in visits.enumerated() {
                try writer.save(Event.inspection(Inspection(
                    header: EventHeader(eventId: "cap-test-\(index)", enterpriseId: CreditCode(unchecked: visit.firm), domain: .food, recordedOn: nil),
                    inspectedOn: CivilDate(iso: visit.on)!, origin: visit.origin, drawId: visit.drawId, findingsCount: 0, maxSeverity: .none,
                    outcome: .noProblem, inspectorIds: ["WX00001", "WX00002"])))
            }
        }
        let afterImport = try Self.freeze(store, folder, taskDate: "2026-01-15", tag: "imported")
        var expected = january
        expected[b] = nil
        expected[d4] = nil
        #expect(afterImport == expected)
    }
}
