import Domain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Known enterprises and their domains, for the cross-file rules of an import, and which
/// enterprises file defined each code (the "unique within enterprises.csv" rule): one 16-byte
/// slot per code (12 bytes of packed code, the domain mask, the file's mark) in one
/// open-addressing table with linear probing, at most three quarters full.
///
/// Why not `[PackedCreditCode: UInt8]` plus a `Set<PackedCreditCode>` per enterprises file, as
/// before: every enterprise row probed both (two SipHash-1-3 hashes and about three cache misses
/// each, keys, values and the occupancy bitmap living apart), and every event row probed the
/// dictionary once. Those probes were ≈ 32 % of the reading thread's samples while it read the
/// 10⁶-firm city's enterprises.csv (where the reader is the import's critical path) and the
/// largest single symbol over the whole import (4.5 % of all samples, `perf record -F 500`).
/// Here one probe is one multiply-xorshift hash and, mostly, one cache line.
/// Measured in Benchmarks/README.md "Import", session 5.
///
/// The hash is not keyed: a file crafted so that many valid codes collide would slow its own
/// import (probes grow), never change its result.
public struct EnterpriseIndex: Sendable, ExpressibleByDictionaryLiteral {
    private struct Slot: Sendable {
        var high: UInt64 = 0
        var low: UInt32 = 0
        var mask: UInt8 = 0
        var occupied = false
        /// The `fileMark` of the enterprises file that last defined the code; 0: none of this import.
        var file: UInt16 = 0
    }

    /// The slots, in memory of their own: 2 MiB-aligned and advised as transparent huge pages,
    /// so that a probe of a table of tens of MB costs a cache miss and no TLB miss (a probe is
    /// at a random place by design; with 4 KiB pages nearly every one was a TLB miss too, and a
    /// nested-paging walk under KVM is the dearer of the two). Copied on write.
    private final class Storage: @unchecked Sendable {
        // NOTE: @unchecked because the buffer is only written through a uniquely referenced
        // Storage (EnterpriseIndex copies it first otherwise).
        let slots: UnsafeMutableBufferPointer<Slot>

        init(count: Int) {
            let bytes = count * MemoryLayout<Slot>.stride
            let hugePage = 2 << 20
            // Small tables (tests, a handful of codes) need no huge page, only cache-line slots.
            let alignment = bytes >= hugePage ? hugePage : 64
            var raw: UnsafeMutableRawPointer?
            guard posix_memalign(&raw, alignment, bytes) == 0, let raw else { fatalError("EnterpriseIndex: out of memory (\(bytes) bytes)") }
            #if os(Linux)
            if bytes >= hugePage { _ = madvise(raw, bytes, 14 /* MADV_HUGEPAGE */) }
            #endif
            let typed = raw.bindMemory(to: Slot.self, capacity: count)
            typed.initialize(repeating: Slot(), count: count)
            slots = UnsafeMutableBufferPointer(start: typed, count: count)
        }

        func copy() -> Storage {
            let copy = Storage(count: slots.count)
            _ = copy.slots.update(fromContentsOf: slots)
            return copy
        }

        deinit { free(slots.baseAddress) }
    }

    private var storage = Storage(count: 16)
    private var slots: UnsafeMutableBufferPointer<Slot> { storage.slots }
    public private(set) var count = 0
    private var lastFileMark: UInt16 = 0

    public init() {}

    public init(dictionaryLiteral elements: (CreditCode, Set<SupervisionDomain>)...) {
        for (code, domains) in elements { self[code] = domains }
    }

    public init(_ dictionary: [CreditCode: Set<SupervisionDomain>]) {
        for (code, domains) in dictionary { self[code] = domains }
    }

    /// Room for `capacity` codes without growing.
    public mutating func reserveCapacity(_ capacity: Int) {
        makeUnique()
        if Self.slotCount(for: capacity) > slots.count { rehash(to: Self.slotCount(for: capacity)) }
    }

    public subscript(code: CreditCode) -> Set<SupervisionDomain>? {
        get { mask(PackedCreditCode(code)).map(Self.domains(mask:)) }
        set {
            let key = PackedCreditCode(code)
            makeUnique()
            if let newValue {
                let index = insertionSlot(key)
                slots[index].mask = Self.mask(newValue)
            } else {
                remove(key)
            }
        }
    }

    /// The domain mask of the code spelt exactly by `bytes`, if known.
    func mask(bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard let key = PackedCreditCode(bytes: bytes) else { return nil }
        return mask(key)
    }

    func mask(_ code: CreditCode) -> UInt8? { mask(PackedCreditCode(code)) }

    /// A mark for one enterprises file, distinct from every earlier one of this index.
    mutating func newFileMark() -> UInt16 {
        precondition(lastFileMark < UInt16.max, "more than 65,534 enterprises files in one import")
        lastFileMark += 1
        return lastFileMark
    }

    /// Records that the file marked `file` defines `code` (adding the code, with no domains yet,
    /// if it is new); false if that same file defined it before.
    mutating func claim(_ code: CreditCode, file: UInt16) -> Bool {
        makeUnique()
        let index = insertionSlot(PackedCreditCode(code))
        if slots[index].file == file { return false }
        slots[index].file = file
        return true
    }

    /// The domain bits are `EnterpriseProfile`'s (one definition for the importer and the
    /// feature pass).
    @inline(__always)
    static func bit(_ domain: SupervisionDomain) -> UInt8 { EnterpriseProfile.bit(domain) }

    static func mask(_ domains: Set<SupervisionDomain>) -> UInt8 { EnterpriseProfile.mask(domains) }

    static func domains(mask: UInt8) -> Set<SupervisionDomain> {
        Set(SupervisionDomain.allCases.filter { mask & bit($0) != 0 })
    }

    // MARK: - The table

    /// The smallest power of two that holds `count` at a load of at most ¾. Four slots share a
    /// cache line, so the short runs of linear probing at that load cost little, and a smaller
    /// table keeps more of itself in cache (the 10⁶-firm import's table is 32 MiB instead of 64).
    private static func slotCount(for count: Int) -> Int {
        var slots = 16
        while 3 * slots < 4 * count { slots *= 2 }
        return slots
    }

    @inline(__always)
    private static func hash(_ key: PackedCreditCode) -> Int {
        // The packed bits of a code's first characters barely vary (prefix, district); a
        // multiply-xorshift spreads the low characters' bits over the whole word.
        var h = key.high &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.low) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return Int(truncatingIfNeeded: h)
    }

    /// The slot holding `key`, or nil.
    @inline(__always)
    private func find(_ key: PackedCreditCode) -> Int? {
        let slots = self.slots
        let wrap = slots.count - 1
        var index = Self.hash(key) & wrap
        while slots[index].occupied {
            if slots[index].high == key.high && slots[index].low == key.low { return index }
            index = (index + 1) & wrap
        }
        return nil
    }

    /// Makes the storage this value's own before a write.
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    private func mask(_ key: PackedCreditCode) -> UInt8? {
        find(key).map { slots[$0].mask }
    }

    /// The slot of `key`, added (no domains, no file) if it is new.
    private mutating func insertionSlot(_ key: PackedCreditCode) -> Int {
        if let index = find(key) { return index }
        if 4 * (count + 1) > 3 * slots.count { rehash(to: slots.count * 2) }
        let index = emptySlot(for: key)
        slots[index] = Slot(high: key.high, low: key.low, mask: 0, occupied: true, file: 0)
        count += 1
        return index
    }

    private func emptySlot(for key: PackedCreditCode) -> Int {
        let wrap = slots.count - 1
        var index = Self.hash(key) & wrap
        while slots[index].occupied { index = (index + 1) & wrap }
        return index
    }

    private mutating func rehash(to newCount: Int) {
        let old = storage
        storage = Storage(count: newCount)
        for slot in old.slots where slot.occupied {
            slots[emptySlot(for: PackedCreditCode(high: slot.high, low: slot.low))] = slot
        }
    }

    /// Linear-probing deletion by backward shift: later slots of the same run move up, so no
    /// tombstones are needed.
    private mutating func remove(_ key: PackedCreditCode) {
        guard var hole = find(key) else { return }
        let wrap = slots.count - 1
        var index = (hole + 1) & wrap
        while slots[index].occupied {
            let home = Self.hash(PackedCreditCode(high: slots[index].high, low: slots[index].low)) & wrap
            // The slot may fill the hole unless its home lies cyclically in (hole, index].
            let homeAfterHole = hole <= index ? (home > hole && home <= index) : (home > hole || home <= index)
            if !homeAfterHole {
                slots[hole] = slots[index]
                hole = index
            }
            index = (index + 1) & wrap
        }
        slots[hole] = Slot()
        count -= 1
    }
}
