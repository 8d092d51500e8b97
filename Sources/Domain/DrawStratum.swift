/// A stratum of a draw (`population.csv` column `stratum`): the supervision tier A–D unless
/// the plan names other strata. Ordered A, B, C, D first, then any other names bytewise,
/// the order DESIGN.md prescribes for `record.json`.
public struct DrawStratum: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The token as written in files: `[A-Za-z0-9_-]{1,32}`.
    public let name: String

    /// Accepts a token of 1–32 ASCII letters, digits, `_` or `-`; nil otherwise.
    public init?(_ name: some StringProtocol) {
        let bytes = Array(name.utf8)
        guard (1...32).contains(bytes.count), bytes.allSatisfy(DrawStratum.isTokenByte) else { return nil }
        self.name = String(name)
    }

    public init(tier: Tier) { self.name = tier.rawValue }

    /// The tier this stratum names, if it is one.
    public var tier: Tier? { Tier(rawValue: name) }

    public var description: String { name }

    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    public static func < (lhs: DrawStratum, rhs: DrawStratum) -> Bool {
        switch (lhs.tier, rhs.tier) {
        case let (l?, r?): return l < r
        case (.some, .none): return true
        case (.none, .some): return false
        case (.none, .none): return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
        }
    }
}
