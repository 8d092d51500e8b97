import CCryptoBoringSSL
import Crypto

/// Computes `fraction(id)` tickets for one seed (DESIGN.md "Tickets").
///
/// `seed_hash` is the 64-character lowercase hex SHA-256 of the seed: exactly one SHA-256
/// block. We hash it once and copy that state for every id, so each ticket costs one
/// compression instead of two.
///
/// The per-ticket hashing calls swift-crypto's BoringSSL (`CCryptoBoringSSL`, the module
/// behind `Crypto.SHA256`) on a stack `SHA256_CTX`: `Crypto.SHA256` allocates and frees a
/// context object per copy, which measured about 4× the cost of the compression itself
/// (perf, 10⁵-row draw). The seed hash and file digests use `Crypto.SHA256`; the tests
/// check both paths agree and match consistent-sampler digit for digit.
public struct TicketHasher: Sendable {
    /// Lowercase hex SHA-256 of the UTF-8 seed.
    public let seedHash: String
    private let afterSeedHash: SHA256_CTX
    /// The chaining value after the `seed_hash` block (`afterSeedHash.h`).
    private let midstate: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

    /// The longest id finished in one block: 64 − 1 (the 0x80 pad byte) − 8 (bit length).
    /// Credit codes (18 bytes) and `enterprise:inspector` (at most 18 + 1 + 32) always fit.
    static let oneBlockLimit = 55

    public init(seed: String) {
        self.seedHash = TicketHasher.hex(SHA256.hash(data: Array(seed.utf8)))
        var context = SHA256_CTX()
        CCryptoBoringSSL_SHA256_Init(&context)
        let hashBytes = Array(seedHash.utf8)
        hashBytes.withUnsafeBytes { _ = CCryptoBoringSSL_SHA256_Update(&context, $0.baseAddress, $0.count) }
        self.afterSeedHash = context
        self.midstate = context.h
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
        var context = afterSeedHash
        return TicketHasher.finish(&context, id)
    }

    /// The state after `seed_hash + prefix` (an enterprise id and `:`), to be finished with
    /// each inspector id.
    @inline(__always)
    func state(prefix: UnsafeRawBufferPointer) -> SHA256_CTX {
        var context = afterSeedHash
        _ = CCryptoBoringSSL_SHA256_Update(&context, prefix.baseAddress, prefix.count)
        return context
    }

    /// Appends `tail` to a copy of `context` and returns the digest.
    @inline(__always)
    static func finish(_ context: inout SHA256_CTX, _ tail: UnsafeRawBufferPointer) -> Digest256 {
        _ = CCryptoBoringSSL_SHA256_Update(&context, tail.baseAddress, tail.count)
        return withUnsafeTemporaryAllocation(byteCount: 32, alignment: 8) { out in
            _ = CCryptoBoringSSL_SHA256_Final(out.baseAddress!.assumingMemoryBound(to: UInt8.self), &context)
            return Digest256(bytes: UnsafeRawBufferPointer(out))
        }
    }

    /// `fraction(id)`'s 18-digit key (`Ticket.key`) without building a `Ticket`: the padded final
    /// block is laid out in `block` (64 scratch bytes) and compressed once from the midstate
    /// with BoringSSL's `SHA256_TransformBlocks` (SHA-NI on this machine), skipping the
    /// context copy, buffering and output byte-swapping of `SHA256_Update`/`Final` that
    /// `digest(_:)` goes through. Results are identical (TicketTests checks both against the
    /// package's digits); the speed figures are in Benchmarks/README.md, Lottery.
    @inline(__always)
    public func fractionKey(_ id: UnsafeRawBufferPointer, block: UnsafeMutableRawPointer) -> UInt64 {
        guard id.count <= TicketHasher.oneBlockLimit else { return digest(id).fractionKey }
        block.initializeMemory(as: UInt64.self, repeating: 0, count: 8)
        if let base = id.baseAddress { block.copyMemory(from: base, byteCount: id.count) }
        return finishBlock(block, length: id.count)
    }

    /// Pads `block` (message bytes already at 0..<length, zeros after them up to byte 56) and
    /// returns the key of `seed_hash + message`.
    @inline(__always)
    func finishBlock(_ block: UnsafeMutableRawPointer, length: Int) -> UInt64 {
        finishBlockDigest(block, length: length).fractionKey
    }

    /// As `finishBlock`, returning the digest.
    @inline(__always)
    func finishBlockDigest(_ block: UnsafeMutableRawPointer, length: Int) -> Digest256 {
        block.storeBytes(of: 0x80, toByteOffset: length, as: UInt8.self)
        block.storeBytes(of: (UInt64(64 + length) &* 8).bigEndian, toByteOffset: 56, as: UInt64.self)
        var state = midstate
        return withUnsafeMutableBytes(of: &state) { words in
            let h = words.baseAddress!.assumingMemoryBound(to: UInt32.self)
            CCryptoBoringSSL_SHA256_TransformBlocks(h, block.assumingMemoryBound(to: UInt8.self), 1)
            @inline(__always) func limb(_ i: Int) -> UInt64 { UInt64(h[2 * i]) << 32 | UInt64(h[2 * i + 1]) }
            return Digest256(limbs: (limb(0), limb(1), limb(2), limb(3)))
        }
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
