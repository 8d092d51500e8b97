/// Why `risktier synth` could not write its output directory.
public struct SynthOutputError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    public var description: String { "\(path): \(message)" }
}
