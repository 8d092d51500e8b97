import Domain

/// An enterprise's selection in one recorded draw; key of the inclusion probabilities.
public struct DrawMembership: Hashable, Sendable {
    public let drawId: String
    public let enterpriseId: CreditCode

    public init(drawId: String, enterpriseId: CreditCode) {
        self.drawId = drawId
        self.enterpriseId = enterpriseId
    }
}
