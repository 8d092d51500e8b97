/// The one error type of `Domain`: a value that breaks a rule of DOMAIN.md §4.
/// `description` reads "field 'x' must be …; got …"; readers prefix file and line.
public struct DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The CSV column the rule is about (snake_case, as in the files).
    public let field: String
    /// What the rule allows, completing "field 'x' must be …".
    public let requirement: String
    /// The offending value as written, or a description of it.
    public let got: String

    public init(field: String, requirement: String, got: String) {
        self.field = field
        self.requirement = requirement
        self.got = got
    }

    public var description: String { "field '\(field)' must be \(requirement); got '\(got)'" }
}
