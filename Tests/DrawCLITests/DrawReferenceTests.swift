import Domain
import Foundation
import Lottery
import RiskTierKit
import Testing

/// The reference cases in Datasets/lottery/cases, frozen and drawn by generate_vectors.py with
/// consistent-sampler 1.0.10 (steps 1–2) and an independent step-3 implementation. Exact
/// comparison: tickets are digit strings and the record is written in the same JSON layout.
@Suite struct DrawReferenceTests {
    @Test(arguments: DrawCLISupport.caseNames)
    func recordIsByteIdenticalToTheReference(name: String) throws {
        let directory = DrawCLISupport.caseDirectory(name)
        let seed = try String(contentsOf: directory.appendingPathComponent("seed.txt"), encoding: .utf8)
        let out = try DrawCLISupport.temporaryDirectory("ref-\(name)")
        let result = try DrawCLISupport.run(["draw", "run", "--frozen", directory.path, "--seed", seed, "--allow-short-seed", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let ours = try Data(contentsOf: out.appendingPathComponent("record.json"))
        let reference = try Data(contentsOf: directory.appendingPathComponent("expected_record.json"))
        #expect(ours == reference, "case \(name)")
        let verify = try DrawCLISupport.run(["draw", "verify", "--frozen", directory.path, "--record", directory.appendingPathComponent("expected_record.json").path])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.hasPrefix("verified: "))
    }

    /// The direct record writer lays out exactly what the generic JSON writer does (and both
    /// what Python's json.dumps wrote for the reference), on every case: empty and full teams,
    /// with and without unassigned entries.
    @Test(arguments: DrawCLISupport.caseNames)
    func directRecordWriterMatchesTheGenericWriter(name: String) throws {
        let path = DrawCLISupport.caseDirectory(name).appendingPathComponent("expected_record.json")
        let data = try Data(contentsOf: path)
        let record = try DrawRecordFile.read(data, file: path.path)
        #expect(DrawRecordFile.bytes(record) == Data(DrawRecordFile.json(record).prettyBytes))
        #expect(DrawRecordFile.bytes(record) == data)
    }

    /// Per stratum, our sample equals `list(sampler(stratum_ids, seed, take=n))` (samples.json).
    @Test func perStratumSamplesEqualThePackagesSampler() throws {
        let vectors = try JSONSerialization.jsonObject(with: Data(contentsOf: DrawCLISupport.root.appendingPathComponent("Datasets/lottery/samples.json"))) as! [String: Any]
        let cases = vectors["cases"] as! [[String: Any]]
        #expect(cases.count == 4)
        for item in cases {
            let name = item["case"] as! String
            let frozen = try DrawWorkflow.load(frozenDirectory: DrawCLISupport.caseDirectory(name).path)
            let record = frozen.draw(seed: item["seed"] as! String)
            let strata = item["strata"] as! [String: [[String]]]
            #expect(Set(strata.keys) == Set(record.strata.map(\.stratum.name)), "case \(name)")
            for (stratum, expected) in strata {
                let ours = record.selections.filter { $0.stratum.name == stratum }
                #expect(ours.map(\.enterpriseID) == expected.map { $0[1] }, "case \(name) stratum \(stratum)")
                #expect(ours.map(\.ticket) == expected.map { $0[0] }, "case \(name) stratum \(stratum)")
            }
        }
    }
}
