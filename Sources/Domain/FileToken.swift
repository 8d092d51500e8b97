/// A closed set whose cases are written in files as their raw-value tokens.
public protocol FileToken: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

extension FileToken {
    /// The accepted tokens in declaration order, for "must be one of …" messages.
    public static var allowedTokens: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

extension SupervisionDomain: FileToken {}
