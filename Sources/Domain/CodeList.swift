/// A code that fits a `CodeList`: a distinct number below 64 per code.
public protocol CompactCode: Hashable, Sendable {
    /// 0..<64, distinct per code (not a stored format: stores number codes their own way).
    var compactOrdinal: Int { get }
    /// The code of an ordinal `compactOrdinal` gives (switches, not a static array: each use
    /// of a static went through `swift_once`).
    init(compactOrdinal: Int)
}

/// A short list of codes held inline — up to `capacity` codes of 6 bits in one 64-bit word, the
/// count in its low 4 bits — for the per-firm lists of a run (a firm's overrides, its model
/// reasons, its reasons). As arrays each was a heap object per firm: allocated, retained and
/// released with every copy of an assignment; at 10⁶ firms the reference counting, allocation
/// and fresh pages for them were about a fifth of the scoring thread (perf). Equal lists have
/// equal words, so `==` and hashing are the word's. (`@inlinable`: unspecialized, the generic
/// subscript alone was 54 M instructions of a 10⁵ run, callgrind.)
public struct CodeList<Code: CompactCode>: RandomAccessCollection, Hashable, Sendable, ExpressibleByArrayLiteral, CustomStringConvertible {
    /// The most codes a list holds (TierAssigner makes at most 5 overrides and 4 reasons).
    public static var capacity: Int { 10 }

    @usableFromInline var word: UInt64 = 0

    @inlinable public init() {}

    @inlinable public init<S: Sequence>(_ codes: S) where S.Element == Code {
        for code in codes { append(code) }
    }

    @inlinable public init(arrayLiteral codes: Code...) {
        self.init(codes)
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { Int(word & 0xF) }

    @inlinable public subscript(position: Int) -> Code {
        precondition(position >= 0 && position < endIndex, "CodeList index out of range")
        return Code(compactOrdinal: Int(truncatingIfNeeded: (word >> (4 + 6 * UInt64(position))) & 0x3F))
    }

    @inlinable public mutating func append(_ code: Code) {
        let count = endIndex
        precondition(count < Self.capacity, "a CodeList holds at most \(Self.capacity) codes")
        let ordinal = code.compactOrdinal
        precondition((0..<64).contains(ordinal), "a compact ordinal is below 64")
        word |= UInt64(ordinal) << (4 + 6 * UInt64(count))
        word += 1
    }

    public var description: String { Array(self).description }
}

/// Encoded as the array of its codes (the same JSON as `[Code]`).
extension CodeList: Codable where Code: Codable {
    public init(from decoder: Decoder) throws {
        let codes = try [Code](from: decoder)
        guard codes.count <= Self.capacity else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "at most \(Self.capacity) codes"))
        }
        self.init(codes)
    }

    public func encode(to encoder: Encoder) throws {
        try Array(self).encode(to: encoder)
    }
}

extension OverrideCode: CompactCode {
    @inlinable public var compactOrdinal: Int {
        switch self {
        case .inactive: 0
        case .seriousListD: 1
        case .abnormalMinC: 2
        case .heavyPenaltyMinC: 3
        case .newNoHistoryB: 4
        case .manual: 5
        }
    }

    @inlinable public init(compactOrdinal: Int) {
        switch compactOrdinal {
        case 0: self = .inactive
        case 1: self = .seriousListD
        case 2: self = .abnormalMinC
        case 3: self = .heavyPenaltyMinC
        case 4: self = .newNoHistoryB
        case 5: self = .manual
        default: preconditionFailure("no OverrideCode has the compact ordinal \(compactOrdinal)")
        }
    }
}

extension ReasonCode: CompactCode {
    @inlinable public var compactOrdinal: Int {
        switch self {
        case .penalties12m: 0
        case .penalties36m: 1
        case .heavyPenalties: 2
        case .penaltyFines: 3
        case .recentPenalty: 4
        case .samplingExposure: 5
        case .samplingFails: 6
        case .samplingSafetyFail: 7
        case .inspectionExposure: 8
        case .seriousInspections: 9
        case .inspectionFindings: 10
        case .complaints: 11
        case .abnormalHistory: 12
        case .seriousListExit: 13
        case .entityAge: 14
        case .newEntity: 15
        case .domain: 16
        case .entityType: 17
        case .licenceLapsed: 18
        case .notInspected: 19
        }
    }

    @inlinable public init(compactOrdinal: Int) {
        switch compactOrdinal {
        case 0: self = .penalties12m
        case 1: self = .penalties36m
        case 2: self = .heavyPenalties
        case 3: self = .penaltyFines
        case 4: self = .recentPenalty
        case 5: self = .samplingExposure
        case 6: self = .samplingFails
        case 7: self = .samplingSafetyFail
        case 8: self = .inspectionExposure
        case 9: self = .seriousInspections
        case 10: self = .inspectionFindings
        case 11: self = .complaints
        case 12: self = .abnormalHistory
        case 13: self = .seriousListExit
        case 14: self = .entityAge
        case 15: self = .newEntity
        case 16: self = .domain
        case 17: self = .entityType
        case 18: self = .licenceLapsed
        case 19: self = .notInspected
        default: preconditionFailure("no ReasonCode has the compact ordinal \(compactOrdinal)")
        }
    }
}

extension AssignmentReason: CompactCode {
    /// Overrides 0…, model reasons 32….
    @inlinable public var compactOrdinal: Int {
        switch self {
        case let .override(code): code.compactOrdinal
        case let .model(code): 32 + code.compactOrdinal
        }
    }

    @inlinable public init(compactOrdinal: Int) {
        self = compactOrdinal < 32 ? .override(OverrideCode(compactOrdinal: compactOrdinal)) : .model(ReasonCode(compactOrdinal: compactOrdinal - 32))
    }
}
