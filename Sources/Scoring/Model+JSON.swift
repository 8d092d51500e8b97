import Foundation

/// `model.json`: pretty-printed with sorted keys, no escaped slashes, a final newline, so the
/// same model always has the same bytes (decode → encode is the identity on our own files).
extension Model: Codable {
    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", modelId = "model_id", spec, coefficients, covariance
        case trainingMeans = "training_means", cutPoints = "cut_points", scorecard
        case trainingDataSHA256 = "training_data_sha256", rowCount = "row_count", fitOptions = "fit_options"
        case packageVersion = "package_version"
    }

    private struct VersionProbe: Decodable {
        let formatVersion: Int
        enum CodingKeys: String, CodingKey { case formatVersion = "format_version" }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(modelId: c.decode(String.self, forKey: .modelId), spec: c.decode(ModelSpec.self, forKey: .spec),
                      coefficients: c.decode([ModelCoefficient].self, forKey: .coefficients),
                      covariance: c.decode(CovarianceMatrix.self, forKey: .covariance),
                      trainingMeans: c.decode([String: Double].self, forKey: .trainingMeans),
                      cutPoints: c.decode(CutPoints.self, forKey: .cutPoints), scorecard: c.decode(ScorecardScaling.self, forKey: .scorecard),
                      trainingDataSHA256: c.decode(String.self, forKey: .trainingDataSHA256), rowCount: c.decode(Int.self, forKey: .rowCount),
                      fitOptions: c.decode(ModelFitOptions.self, forKey: .fitOptions),
                      packageVersion: c.decode(String.self, forKey: .packageVersion),
                      formatVersion: c.decode(Int.self, forKey: .formatVersion))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(formatVersion, forKey: .formatVersion)
        try c.encode(modelId, forKey: .modelId)
        try c.encode(spec, forKey: .spec)
        try c.encode(coefficients, forKey: .coefficients)
        try c.encode(covariance, forKey: .covariance)
        try c.encode(trainingMeans, forKey: .trainingMeans)
        try c.encode(cutPoints, forKey: .cutPoints)
        try c.encode(scorecard, forKey: .scorecard)
        try c.encode(trainingDataSHA256, forKey: .trainingDataSHA256)
        try c.encode(rowCount, forKey: .rowCount)
        try c.encode(fitOptions, forKey: .fitOptions)
        try c.encode(packageVersion, forKey: .packageVersion)
    }

    /// The bytes of `model.json`.
    public func jsonData() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Only non-finite doubles could fail; init never receives them from a fit.
        var data = try! encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads `model.json` (any format up to `currentFormatVersion`; format 1 is converted); a
    /// newer `format_version` is refused before anything else is read.
    public static func load(_ data: Data, file: String = "model.json") throws(ScoringError) -> Model {
        let decoder = JSONDecoder()
        let version: Int
        do {
            version = try decoder.decode(VersionProbe.self, from: data).formatVersion
        } catch {
            throw .malformedFile(file: file, detail: "`format_version` must be an integer at the top level of a JSON object; got none")
        }
        guard version <= Model.currentFormatVersion else {
            throw .unsupportedModelFormat(file: file, version: version, supported: Model.currentFormatVersion)
        }
        guard version >= 1 else {
            throw .invalidField(file: file, field: "format_version", requirement: "a format from 1 to \(Model.currentFormatVersion)", got: String(version))
        }
        do {
            if version == 1 { return try decoder.decode(ModelFormat1.self, from: data).model(file: file) }
            return try decoder.decode(Model.self, from: data)
        } catch let error as ScoringError {
            switch error {
            case let .invalidField(_, field, requirement, got): throw .invalidField(file: file, field: field, requirement: requirement, got: got)
            default: throw error
            }
        } catch let DecodingError.keyNotFound(key, context) {
            let path = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            throw .invalidField(file: file, field: path, requirement: "present", got: "nothing")
        } catch let DecodingError.typeMismatch(type, context) {
            throw .invalidField(file: file, field: context.codingPath.map(\.stringValue).joined(separator: "."), requirement: "of type \(type)", got: "another type")
        } catch let DecodingError.valueNotFound(type, context) {
            throw .invalidField(file: file, field: context.codingPath.map(\.stringValue).joined(separator: "."), requirement: "a value of type \(type)", got: "null")
        } catch {
            throw .malformedFile(file: file, detail: "must be a model.json object; got \(error)")
        }
    }

    /// Reads `<folder>/model.json`, or the file itself when `path` names a file; errors name
    /// the path.
    public static func load(contentsOf path: String) throws(ScoringError) -> Model {
        var url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            url = url.appendingPathComponent("model.json")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .malformedFile(file: url.path, detail: "the model file must exist and be readable; got no such file (fit one with `risktier fit … --model-id ID`)")
        }
        return try load(data, file: url.path)
    }
}
