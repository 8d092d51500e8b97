import Domain

/// How a run row stores its code lists (`override_code`, `reasons`, `model_reasons` of
/// `run_assignments`, since `v6-packed-run-codes`): one integer, each code's store number in
/// 6 bits, the list's first code in the lowest bits, 0 ending the list (so the empty list is 0).
/// The numbers are the `code_no` of the store's `reason_codes` table, which the views
/// `tier_assignments` and `tier_history` use to give the lists back as `;`-joined text.
///
/// The numbers are fixed here, once and for all: a stored list means the same in every later
/// version. A new code takes the next free number (and a migration adds its `reason_codes` row);
/// a number is never reused or renumbered.
public enum StoredCodes {
    /// Bits per code; 63 numbers.
    static let bits = 6
    static let mask = (1 << bits) - 1
    /// The most codes one integer holds (60 bits of 63: SQLite integers are signed 64-bit).
    public static let capacity = 10

    /// Every code by store number (index 0 unused).
    static let byNumber: [AssignmentReason?] = {
        var table = [AssignmentReason?](repeating: nil, count: mask + 1)
        for code in OverrideCode.allCases { table[code.storeNumber] = .override(code) }
        for code in ReasonCode.allCases { table[code.storeNumber] = .model(code) }
        return table
    }()

    /// Every code with its number, in number order (the rows of `reason_codes`).
    static var all: [(number: Int, reason: AssignmentReason)] {
        byNumber.enumerated().compactMap { number, reason in reason.map { (number, $0) } }
    }

    /// The list packed (at most `capacity` codes; TierAssigner makes at most 5 overrides and 4
    /// reasons).
    @inline(__always)
    static func pack<S: Sequence>(_ numbers: S) -> Int where S.Element == Int {
        var packed = 0, shift = 0
        for number in numbers {
            precondition(shift < capacity * bits, "more than \(capacity) codes in one stored list")
            packed |= number << shift
            shift += bits
        }
        return packed
    }

    @inline(__always)
    static func pack<S: Sequence>(_ codes: S) -> Int where S.Element: StoredCode { pack(codes.lazy.map(\.storeNumber)) }

    /// The stored `reasons` a row leaves NULL: its overrides, then its model reasons, at most 4
    /// — what TierAssigner builds.
    static func derivedReasons(overrides: Int, modelReasons: Int) -> Int {
        var count = 0
        while count < capacity, overrides >> (count * bits) != 0 { count += 1 }
        return (overrides | modelReasons << (count * bits)) & ((1 << (4 * bits)) - 1)
    }

    /// `derivedReasons` in SQL, of the row `a`'s `override_code` and `model_reasons` (either
    /// NULL: no codes); a fifth override or more leaves no room for model reasons.
    static let derivedReasonsSQL: String = {
        let overrides = "COALESCE(a.override_code, 0)"
        let count = "CASE WHEN \(overrides) = 0 THEN 0 WHEN \(overrides) >> \(bits) = 0 THEN 1 WHEN \(overrides) >> \(2 * bits) = 0 THEN 2 "
            + "WHEN \(overrides) >> \(3 * bits) = 0 THEN 3 ELSE 4 END"
        return "((\(overrides) | (COALESCE(a.model_reasons, 0) << (\(bits) * (\(count))))) & \((1 << (4 * bits)) - 1))"
    }()

    /// A stored list back as codes (inline: the previous run's million rows are read so); nil
    /// when a number is not a code or the list is longer than a list holds (a store changed
    /// outside RiskTier, or written by a newer version).
    static func unpack(_ packed: Int) -> CodeList<AssignmentReason>? {
        guard packed >= 0 else { return nil }
        var codes = CodeList<AssignmentReason>()
        var rest = packed
        while rest != 0 {
            guard codes.count < capacity, let code = byNumber[rest & mask] else { return nil }
            codes.append(code)
            rest >>= bits
        }
        return codes
    }

    /// SQL giving a packed list back as `;`-joined codes (NULL stays NULL, 0 is ''), by
    /// `reason_codes`; a number with no row there shows as `#n`. Nested so that a row looks up
    /// only the codes it holds.
    static func textSQL(_ packed: String) -> String {
        func code(_ slot: Int) -> String {
            let number = "((\(packed) >> \(slot * bits)) & \(mask))"
            return "COALESCE((SELECT code FROM reason_codes WHERE code_no = \(number)), '#' || \(number))"
        }
        func rest(from slot: Int) -> String {
            guard slot < capacity else { return "''" }
            return "CASE WHEN (\(packed) >> \(slot * bits)) = 0 THEN '' ELSE ';' || \(code(slot)) || \(rest(from: slot + 1)) END"
        }
        return "CASE WHEN \(packed) IS NULL THEN NULL WHEN \(packed) = 0 THEN '' ELSE \(code(0)) || \(rest(from: 1)) END"
    }
}

/// A code with a store number.
protocol StoredCode {
    var storeNumber: Int { get }
}

extension OverrideCode: StoredCode {
    /// Its number in stored code lists (`StoredCodes`): fixed forever.
    var storeNumber: Int {
        switch self {
        case .inactive: 1
        case .seriousListD: 2
        case .abnormalMinC: 3
        case .heavyPenaltyMinC: 4
        case .newNoHistoryB: 5
        case .manual: 6
        }
    }
}

extension ReasonCode: StoredCode {
    /// Its number in stored code lists (`StoredCodes`): fixed forever.
    var storeNumber: Int {
        switch self {
        case .penalties12m: 7
        case .penalties36m: 8
        case .heavyPenalties: 9
        case .penaltyFines: 10
        case .recentPenalty: 11
        case .samplingExposure: 12
        case .samplingFails: 13
        case .samplingSafetyFail: 14
        case .inspectionExposure: 15
        case .seriousInspections: 16
        case .inspectionFindings: 17
        case .complaints: 18
        case .abnormalHistory: 19
        case .seriousListExit: 20
        case .entityAge: 21
        case .newEntity: 22
        case .domain: 23
        case .entityType: 24
        case .licenceLapsed: 25
        case .notInspected: 26
        }
    }
}

extension AssignmentReason: StoredCode {
    var storeNumber: Int {
        switch self {
        case let .override(code): code.storeNumber
        case let .model(code): code.storeNumber
        }
    }
}
