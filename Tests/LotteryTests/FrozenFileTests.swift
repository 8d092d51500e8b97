import Domain
import Foundation
import Testing
@testable import Lottery

/// Frozen-file parsing: canonical order, duplicates, tokens; messages asserted verbatim.
@Suite struct FrozenFileTests {
    static let a = LotteryTestSupport.creditCode(1), b = LotteryTestSupport.creditCode(2), c = LotteryTestSupport.creditCode(3)

    static func population(_ rows: [String]) -> [UInt8] {
        Array((FrozenPopulation.header + "\n" + rows.map { $0 + "\n" }.joined()).utf8)
    }

    static func message(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return "\(error)" }
    }

    @Test func acceptsCanonicalPopulation() throws {
        let sorted = [Self.a, Self.b, Self.c].sorted()
        let population = try FrozenPopulation(frozen: Self.population(sorted.map { "\($0),B,food,330102" }))
        #expect(population.count == 3)
        #expect(population.enterpriseID(0) == sorted[0])
        #expect(population.domain(2) == .food && population.district(1) == "330102")
    }

    @Test func rejectsDuplicateAndUnorderedRows() {
        let sorted = [Self.a, Self.b].sorted()
        #expect(Self.message { _ = try FrozenPopulation(frozen: Self.population(["\(sorted[0]),A,food,330102", "\(sorted[0]),B,food,330102"])) }
                == "population.csv:3: `enterprise_id` must be unique; got '\(sorted[0])' again (line 2)")
        #expect(Self.message { _ = try FrozenPopulation(frozen: Self.population(["\(sorted[1]),A,food,330102", "\(sorted[0]),B,food,330102"])) }
                == "population.csv:3: `enterprise_id` must be in ascending byte order (canonical order); got '\(sorted[0])' after '\(sorted[1])' on line 2")
        // Canonicalising sorts, but still rejects duplicates, naming both input lines.
        #expect(Self.message { _ = try FrozenPopulation.canonicalising(Self.population(["\(sorted[1]),A,food,330102", "\(sorted[0]),B,food,330102", "\(sorted[1]),C,drug,330102"]), file: "in.csv") }
                == "in.csv:4: `enterprise_id` must be unique; got '\(sorted[1])' again (first on line 2)")
    }

    @Test func rejectsBadFields() {
        #expect(Self.message { _ = try FrozenPopulation(frozen: Self.population(["\(Self.a),A,fodo,330102"])) }
                == "population.csv:2: `domain` must be one of food, drug, medical_device, cosmetic, special_equipment, industrial_product; got 'fodo'")
        #expect(Self.message { _ = try FrozenPopulation(frozen: Self.population(["\(Self.a),A,food,33010"])) }
                == "population.csv:2: `district` must be a 6-digit GB/T 2260 code; got '33010'")
        #expect(Self.message { _ = try FrozenPopulation(frozen: Self.population(["\(Self.a),A*,food,330102"])) }
                == "population.csv:2: `stratum` must be a stratum token of 1-32 letters, digits, '_' or '-' (a tier A-D); got 'A*'")
        #expect(Self.message { _ = try FrozenPopulation(frozen: Self.population(["\(Self.a),A,food"])) }
                == "population.csv:2: must have 4 fields (enterprise_id,stratum,domain,district); got 3")
        #expect(Self.message { _ = try FrozenPopulation(frozen: Array("enterprise_id,stratum,domain,district\r\n".utf8)) }
                == "population.csv:1: `header` must be 'enterprise_id,stratum,domain,district'; got 'enterprise_id,stratum,domain,district\\u{d}'")
        #expect(Self.message { _ = try FrozenPopulation(frozen: Self.population(["\(Self.a),A,food,330102", ""])) }
                == "population.csv:3: must not be blank (no blank lines in frozen files)")
        #expect(Self.message { _ = try FrozenPopulation(frozen: Self.population(["\"\(Self.a)\",A,food,330102"])) }
                == "population.csv:2: must not contain quotes (frozen files are unquoted)")
    }

    @Test func canonicalisingValidatesCreditCodesAndAllowedStrata() throws {
        let bad = String(Self.a.dropLast()) + (Self.a.last == "0" ? "1" : "0")
        let message = Self.message { _ = try FrozenPopulation.canonicalising(Self.population(["\(bad),A,food,330102"]), file: "in.csv") }
        #expect(message?.hasPrefix("in.csv:2: `enterprise_id` must be a unified social credit code with a valid check character; got '\(bad)'") == true)
        #expect(Self.message { _ = try FrozenPopulation.canonicalising(Self.population(["\(Self.a),E,food,330102"]), file: "in.csv",
                                                                        allowedStrata: Set(LotteryTestSupport.tiers)) }
                == "in.csv:2: `stratum` must be one of the plan's strata (A, B, C, D); got 'E'")
        // Lower case is folded and the result re-sorted.
        let population = try FrozenPopulation.canonicalising(Self.population([Self.b, Self.a.lowercased()].map { "\($0),A,food,330102" }), file: "in.csv")
        #expect((0..<2).map(population.enterpriseID) == [Self.a, Self.b].sorted())
    }

    @Test func rosterAndConflictsAreCanonicalised() throws {
        let roster = try FrozenRoster.canonicalising(Array("inspector_id,domains,district,capacity\nZ9,food;drug,330102,3\nA1,cosmetic,330105,0\n".utf8), file: "r.csv")
        #expect(String(decoding: roster.bytes, as: UTF8.self) == "inspector_id,domains,district,capacity\nA1,cosmetic,330105,0\nZ9,drug;food,330102,3\n")
        #expect(Self.message { _ = try FrozenRoster(frozen: Array("inspector_id,domains,district,capacity\nZ9,food;drug,330102,3\n".utf8)) }
                == "roster.csv:2: `domains` must be sorted (canonical order drug;food); got 'food;drug'")
        #expect(Self.message { _ = try FrozenRoster(frozen: Array("inspector_id,domains,district,capacity\nZ9,food,330102,-1\n".utf8)) }
                == "roster.csv:2: `capacity` must be a whole number from 0 to 999999999; got '-1'")
        let conflicts = try FrozenConflicts.canonicalising(Array("inspector_id,enterprise_id,reason\nB,\(Self.a),kinship\nA,\(Self.b),other\n".utf8), file: "c.csv")
        #expect(conflicts.rows.map(\.inspectorID) == ["A", "B"])
        #expect(Self.message { _ = try FrozenConflicts.canonicalising(Array("inspector_id,enterprise_id,reason\nB,\(Self.a),kinship\nB,\(Self.a),kinship\n".utf8), file: "c.csv") }
                == "c.csv:3: must not repeat a row; got the same row as line 2")
    }

    @Test func planRejectsBadRatesAndTeamSizes() {
        func problem(_ body: () throws -> Void) -> String? {
            do { try body(); return nil } catch { return "\(error)" }
        }
        #expect(problem { _ = try DrawPlan(ratesBasisPoints: [DrawStratum(tier: .a): 10_001], teamSize: 2, task: nil) }
                == "`rates_bp.A` must be an integer from 0 to 10000 basis points; got 10001")
        #expect(problem { _ = try DrawPlan(ratesBasisPoints: [DrawStratum(tier: .a): 300], teamSize: 1, task: nil) }
                == "`team_size` must be at least 2 (two certified officers act together, Art. 42); got 1")
    }

    /// One changed byte in any frozen file is caught: a data file by its digest, the manifest
    /// by the record's manifest digest.
    @Test func oneChangedByteIsDetected() throws {
        let frozen = try LotteryTestSupport.frozen(LotteryTestSupport.scenario(seed: 51, size: 120))
        let record = frozen.draw(seed: "tamper-xxxxxxxxxxxxxxxxxx")
        #expect(frozen.verify(record) == nil)
        var random = LotteryTestSupport.SplitMix64(seed: 51)
        for _ in 0..<10 {
            var population = frozen.population.bytes
            let index = random.below(population.count)
            population[index] ^= 0x01
            let changed = Self.message {
                let parsed = try FrozenPopulation(frozen: population)
                _ = try FrozenDraw(manifest: frozen.manifest, manifestBytes: frozen.manifestBytes, population: parsed,
                                   roster: frozen.roster, conflicts: frozen.conflicts)
            }
            #expect(changed != nil, "byte \(index)")
        }
        var manifest = frozen.manifestBytes
        manifest[manifest.count / 2] ^= 0x01
        let tampered = try FrozenDraw(manifest: frozen.manifest, manifestBytes: manifest, population: frozen.population,
                                      roster: frozen.roster, conflicts: frozen.conflicts)
        #expect(tampered.verify(record)?.location == "manifest_sha256")
    }

    /// The manifest's bytes are Python's `json.dumps(m, sort_keys=True)`: the reference cases'
    /// manifest.json files were written by Python and must round-trip byte for byte.
    @Test func manifestSerialisationMatchesPython() throws {
        let bytes = try LotteryTestSupport.data("Datasets/lottery/cases/city-small/manifest.json")
        let task = DrawTask(id: "2026-food-q4", title: "2026年第四季度食品经营者双随机抽查", domain: .food,
                            date: CivilDate(iso: "2026-12-01")!, seedSource: "福彩3D 2026-11-30 开奖号码")
        let plan = try DrawPlan(ratesBasisPoints: Dictionary(uniqueKeysWithValues: zip(LotteryTestSupport.tiers, [300, 500, 1000, 3000])),
                                teamSize: 2, task: task)
        let files = try JSONSerialization.jsonObject(with: bytes) as! [String: Any]
        let manifest = DrawManifest(plan: plan, fileDigests: files["files"] as! [String: String])
        #expect(manifest.canonicalJSON == [UInt8](bytes))
    }
}

/// The byte-level credit-code check used by freeze agrees with `CreditCode.validate` (strict:
/// no folding) on valid codes and on every single-character mutation of them.
@Suite struct CreditCodeBytesTests {
    @Test func agreesWithCreditCodeValidate() {
        let charset = Array("0123456789ABCDEFGHJKLMNPQRTUWXYIOSVZa-")
        var checked = 0
        for number in [0, 1, 31, 7919, 123_456_789] {
            let code = LotteryTestSupport.creditCode(number)
            var candidates = [code, "91350100M000100Y43", "91350100M0001TGQXM"]
            for position in 0..<18 {
                for character in charset {
                    var mutated = Array(code)
                    mutated[position] = character
                    candidates.append(String(mutated))
                }
            }
            for candidate in candidates {
                let bytes = Array(candidate.utf8)
                let fast = bytes.withUnsafeBufferPointer { buffer in
                    CreditCodeBytes.values.withUnsafeBufferPointer { values in
                        CreditCodeBytes.weights.withUnsafeBufferPointer { weights in
                            CreditCodeBytes.isCanonicalValid(buffer, 0..<bytes.count, values: values, weights: weights)
                        }
                    }
                }
                let slow: Bool
                switch CreditCode.validate(Substring(candidate)) {
                case let .success(validated):
                    slow = validated.code.value == candidate && !validated.warnings.contains { if case .checkCharacterExceptionListed = $0 { return true } else { return false } }
                case .failure:
                    slow = false
                }
                #expect(fast == slow, "\(candidate)")
                checked += 1
            }
        }
        #expect(checked > 3000)
    }
}
