/// Columns every event file has (DOMAIN.md §4).
public struct EventHeader: Hashable, Sendable, Codable {
    /// Source-unique id, `[A-Za-z0-9._:-]{1,64}`.
    public let eventId: String
    public let enterpriseId: CreditCode
    /// Must be one of the enterprise's domains (checked where enterprises are known).
    public let domain: SupervisionDomain
    /// When the source system stored the event; back-tests use it to avoid look-ahead.
    public let recordedOn: CivilDate?

    public init(eventId: String, enterpriseId: CreditCode, domain: SupervisionDomain, recordedOn: CivilDate?) throws(DomainError) {
        guard EventHeader.isValidEventId(eventId) else {
            throw DomainError(field: "event_id", requirement: "1 to 64 characters from A-Z a-z 0-9 . _ : -", got: eventId)
        }
        self.eventId = eventId
        self.enterpriseId = enterpriseId
        self.domain = domain
        self.recordedOn = recordedOn
    }

    public static func isValidEventId(_ text: String) -> Bool {
        let bytes = text.utf8
        guard (1...64).contains(bytes.count) else { return false }
        return bytes.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b == UInt8(ascii: "-")
        }
    }
}
