import Domain
import Foundation

/// The policy file: a JSON object with any of the keys below; missing keys take the value of
/// `preset` (default `standard`), unknown keys are an error naming the key.
///
/// ```json
/// {"preset": "henan2021", "cut_points": {"B": 0.02, "C": 0.05, "D": 0.15},
///  "rates_bp": {"A": 100, "B": 200, "C": 1000, "D": 3000},
///  "frequency_caps": {"A": 1, "B": 1, "C": 2, "D": 4}, "improve_after_runs": 2}
/// ```
extension TierPolicy: Codable {
    static let keys = ["cut_points", "frequency_caps", "improve_after_runs", "preset", "rates_bp"]
    static let fileKey = CodingUserInfoKey(rawValue: "risktier.file")!

    struct AnyKey: CodingKey {
        let stringValue: String
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    /// Reads and validates a policy file's bytes; `file` names it in messages.
    public static func load(_ data: Data, file: String) throws(ScoringError) -> TierPolicy {
        let decoder = JSONDecoder()
        decoder.userInfo[fileKey] = file
        do {
            return try decoder.decode(TierPolicy.self, from: data)
        } catch let error as ScoringError {
            throw error
        } catch let DecodingError.typeMismatch(type, context), let DecodingError.valueNotFound(type, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            if path.isEmpty { throw .malformedFile(file: file, detail: "the policy must be a JSON object; got another JSON value") }
            throw .invalidField(file: file, field: path, requirement: "of type \(type)", got: "another type or null")
        } catch {
            throw .malformedFile(file: file, detail: "the policy must be a JSON object; got text that is not JSON")
        }
    }

    public init(from decoder: Decoder) throws {
        let file = decoder.userInfo[TierPolicy.fileKey] as? String ?? "policy"
        let container = try decoder.container(keyedBy: AnyKey.self)
        for key in container.allKeys.map(\.stringValue).sorted() where !TierPolicy.keys.contains(key) {
            throw ScoringError.invalidField(file: file, field: key, requirement: "one of the policy keys \(TierPolicy.keys.joined(separator: ", "))",
                                            got: "an unknown key")
        }
        var base = TierPolicy.standard
        if let preset = try container.decodeIfPresent(String.self, forKey: AnyKey("preset")) {
            guard let policy = TierPolicy.presets[preset] else {
                throw ScoringError.invalidField(file: file, field: "preset", requirement: "one of \(TierPolicy.presets.keys.sorted().joined(separator: ", "))", got: preset)
            }
            base = policy
        }
        func tierMap(_ key: String) throws -> [Tier: Int]? {
            guard let raw = try container.decodeIfPresent([String: Int].self, forKey: AnyKey(key)) else { return nil }
            var result: [Tier: Int] = [:]
            for (token, value) in raw {
                guard let tier = Tier(rawValue: token) else {
                    throw ScoringError.invalidField(file: file, field: "\(key).\(token)", requirement: "a tier key A, B, C or D", got: "an unknown key")
                }
                result[tier] = value
            }
            return result
        }
        var cutPoints = base.cutPoints
        if let raw = try container.decodeIfPresent([String: Double].self, forKey: AnyKey("cut_points")) {
            for token in raw.keys.sorted() where !["B", "C", "D"].contains(token) {
                throw ScoringError.invalidField(file: file, field: "cut_points.\(token)", requirement: "a cut point key B, C or D", got: "an unknown key")
            }
            guard let b = raw["B"], let c = raw["C"], let d = raw["D"] else {
                throw ScoringError.invalidField(file: file, field: "cut_points", requirement: "an object with the keys B, C, D",
                                                got: raw.keys.sorted().joined(separator: ", "))
            }
            cutPoints = try CutPoints(b: b, c: c, d: d, file: file)
        }
        try self.init(cutPoints: cutPoints, ratesBasisPoints: tierMap("rates_bp") ?? base.ratesBasisPoints,
                      frequencyCaps: tierMap("frequency_caps") ?? base.frequencyCaps,
                      improveAfterRuns: container.decodeIfPresent(Int.self, forKey: AnyKey("improve_after_runs")) ?? base.improveAfterRuns,
                      file: file)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(cutPoints, forKey: AnyKey("cut_points"))
        try container.encode(Dictionary(uniqueKeysWithValues: ratesBasisPoints.map { ($0.rawValue, $1) }), forKey: AnyKey("rates_bp"))
        try container.encode(Dictionary(uniqueKeysWithValues: frequencyCaps.map { ($0.rawValue, $1) }), forKey: AnyKey("frequency_caps"))
        try container.encode(improveAfterRuns, forKey: AnyKey("improve_after_runs"))
    }
}
