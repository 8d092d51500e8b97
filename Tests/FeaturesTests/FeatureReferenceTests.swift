import Foundation
import Testing
import Domain
@testable import Features

/// Features and labels against an independent Python implementation (Datasets/feature-reference).
@Suite struct FeatureReferenceTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Datasets/feature-reference")

    static func rows(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    static func event(_ row: [String: String], id: CreditCode) throws -> Event {
        func date(_ key: String) -> CivilDate? { row[key].flatMap { $0.isEmpty ? nil : CivilDate(iso: $0) } }
        let header = try EventHeader(eventId: row["event_id"]!, enterpriseId: id, domain: .food, recordedOn: date("recorded_on"))
        let on = date("date")!
        switch row["kind"]! {
        case "penalty":
            return .penalty(try Penalty(header: header, decidedOn: on, decisionNo: "罚", procedure: PenaltyProcedure(rawValue: row["procedure"]!)!,
                                        kinds: Set(row["kinds"]!.split(separator: ";").map { PenaltyKind(rawValue: String($0))! }),
                                        fineFen: Int(row["fine_cny"]!)! * 100, confiscatedFen: 0, heavy: row["heavy"] == "1",
                                        publicityEndedOn: date("publicity_ended_on")))
        case "sampling":
            let fail = row["result"] == "fail"
            return .samplingTest(try SamplingTest(header: header, sampledOn: on, productCategory: "dairy", stage: .production,
                                                  result: fail ? .fail : .pass, failClass: fail ? FailClass(rawValue: row["fail_class"]!) : nil,
                                                  isFinal: row["final"] == "1"))
        case "inspection":
            return .inspection(try Inspection(header: header, inspectedOn: on, origin: .routine, drawId: nil, findingsCount: Int(row["findings"]!)!,
                                              maxSeverity: FindingSeverity(rawValue: row["severity"]!)!, outcome: .noProblem, inspectorIds: ["I1"]))
        case "complaint":
            return .complaint(try Complaint(header: header, receivedOn: on, substantiated: Substantiation(rawValue: row["substantiated"]!)!, category: "其他"))
        default:
            let list = ListKind(rawValue: row["list"]!)!
            let exited = date("exited_on")
            return .listEntry(try ListEntry(header: header, list: list, enteredOn: on,
                                            reason: list == .abnormalOperation ? .annualReportMissing : .heavyPenalty,
                                            exitedOn: exited, exitReason: exited == nil ? nil : .remedied))
        }
    }

    @Test func featuresMatchThePythonReference() throws {
        var events: [String: [Event]] = [:]
        var registered: [String: CivilDate] = [:]
        for row in try Self.rows("events.csv") {
            let firm = row["enterprise"]!
            registered[firm] = CivilDate(iso: row["registered_on"]!)!
            if !row["event_id"]!.isEmpty {
                events[firm, default: []].append(try Self.event(row, id: CreditCode(unchecked: firm)))
            }
        }
        let priors = FeaturePriors(samplingFailRate: [.food: 0.07], inspectionFindingRate: [.food: 0.6])
        let expected = try Self.rows("expected.csv")
        #expect(expected.count == 240)
        var labelled = 0
        for row in expected {
            let firm = row["enterprise"]!
            let enterprise = try Enterprise(id: CreditCode(unchecked: firm), name: firm, domains: [.food], district: "350100",
                                            registeredOn: registered[firm]!, status: .active, statusChangedOn: nil, bureauId: "FZ")
            var accumulator = FeatureAccumulator(enterprise: enterprise, asOf: CivilDate(iso: row["as_of"]!)!,
                                                 options: FeatureOptions(respectRecordedOn: row["respect_recorded_on"] == "1"),
                                                 label: LabelOptions(dataEnd: CivilDate(iso: "2030-12-31")!))
            for event in events[firm] ?? [] { try accumulator.add(event) }
            let values = accumulator.features(priors: priors)
            let label = accumulator.observationLabel.map { $0.outcome ? "1" : "0" } ?? ""
            #expect(label == row["label"]!, "\(firm) as of \(row["as_of"]!): label \(label) vs \(row["label"]!)")
            labelled += label.isEmpty ? 0 : 1
            #expect(row.keys.filter { FeatureName(rawValue: $0) != nil }.count == 21) // every non-one-hot feature but licence_lapsed
            for (key, text) in row where FeatureName(rawValue: key) != nil {
                let want = Double(text)!
                let got = values[FeatureName(rawValue: key)!.index]
                // Counts and flags exactly; decay, logs and rates to 1e-12 relative (same libm
                // functions, but summation order and pow vs ** may differ in the last bits).
                #expect(abs(got - want) <= 1e-12 * max(1, abs(want)), "\(firm) as of \(row["as_of"]!) recorded \(row["respect_recorded_on"]!): \(key) \(got) vs \(want)")
            }
        }
        #expect(labelled == 106) // 74 negative + 32 positive rows in expected.csv
    }
}
