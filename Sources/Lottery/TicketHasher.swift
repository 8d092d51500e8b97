import Crypto

/// Computes `fraction(id)` tickets for one seed (DESIGN.md "Tickets").
///
/// `seed_hash` is the 64-character lowercase hex SHA-256 of the seed: exactly one SHA-256
/// block. We hash it once and copy that state for every id, so each ticket costs one
/// compression instead of two.
///
/// `@unchecked Sendable`: the stored `SHA256` state is never mutated after `init`; each
/// ticket copies it, and swift-crypto's copy-on-write sees the shared reference and copies
/// the context before updating, so concurrent readers never write the shared state.
public struct TicketHasher: @unchecked Sendable {
    /// Lowercase hex SHA-256 of the UTF-8 seed.
    public let seedHash: String
    private let afterSeedHash: SHA256

    public init(seed: String) {
        self.seedHash = TicketHasher.hex(SHA256.hash(data: Array(seed.utf8)))
        var state = SHA256()
        state.update(data: Array(seedHash.utf8))
        self.afterSeedHash = state
    }

    /// Lowercase hex of a digest.
    public static func hex(_ digest: SHA256Digest) -> String {
        let table = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(table[Int(byte >> 4)])
            out.append(table[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lowercase hex SHA-256 of some bytes (file digests in the manifest).
    public static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        hex(SHA256.hash(data: Array(bytes)))
    }

    /// The ticket of the id whose UTF-8 bytes are `id`.
    @inline(__always)
    public func ticket(_ id: UnsafeRawBufferPointer) -> Ticket {
        Ticket(digest: digest(id))
    }

    /// SHA-256 of `seed_hash + id` as an integer.
    @inline(__always)
    public func digest(_ id: UnsafeRawBufferPointer) -> Digest256 {
        var state = afterSeedHash
        state.update(bufferPointer: id)
        let digest = state.finalize()
        return digest.withUnsafeBytes { Digest256(bytes: $0) }
    }

    /// The ticket of a string id (tests, small rosters).
    public func ticket(_ id: String) -> Ticket {
        var bytes = Array(id.utf8)
        return bytes.withUnsafeMutableBytes { ticket(UnsafeRawBufferPointer($0)) }
    }

    /// The inspector ticket for an enterprise: `fraction(enterprise_id + ":" + inspector_id)`.
    public func ticket(enterprise: String, inspector: String) -> Ticket {
        ticket(enterprise + ":" + inspector)
    }
}
