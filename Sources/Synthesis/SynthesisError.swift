/// The one error type of `Synthesis`: a city specification that cannot be generated.
public struct SynthesisError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let requirement: String
    public let got: String

    public init(field: String, requirement: String, got: String) {
        self.field = field
        self.requirement = requirement
        self.got = got
    }

    public var description: String { "`\(field)` must be \(requirement); got \(got)" }
}
