/// One entry of an enterprise's reason list: an override that applied, or a model reason.
/// Encoded as its code string (`O_…` or `R_…`).
public enum AssignmentReason: Hashable, Sendable, Codable, CustomStringConvertible {
    case override(OverrideCode)
    case model(ReasonCode)

    public var code: String {
        switch self {
        case let .override(code): return code.rawValue
        case let .model(code): return code.rawValue
        }
    }

    public var chineseText: String {
        switch self {
        case let .override(code): return code.chineseText
        case let .model(code): return code.chineseText
        }
    }

    public var englishText: String {
        switch self {
        case let .override(code): return code.englishText
        case let .model(code): return code.englishText
        }
    }

    public var description: String { code }

    public init(code: String) throws(DomainError) {
        if let value = OverrideCode(rawValue: code) {
            self = .override(value)
        } else if let value = ReasonCode(rawValue: code) {
            self = .model(value)
        } else {
            throw DomainError(field: "reason", requirement: "an O_ or R_ code of OverrideCode or ReasonCode", got: code)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = try AssignmentReason(code: try container.decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
