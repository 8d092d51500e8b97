import Domain

/// The inspector roster and the declared conflicts of the city, and the team picker the
/// generator uses so that every generated inspection names known, qualified, certified,
/// active and unconflicted officers (DOMAIN.md §3.2 L3–L5).
struct InspectorPool {
    struct Member {
        let id: String
        let name: String
        let districtIndex: Int
        let domains: [SupervisionDomain]
        let role: InspectorRole
        let certNo: String?
        let certValidUntilDay: Int?
        let capacity: Int
        let active: Bool
    }

    let members: [Member]
    /// Active enforcement officers per (district, domain index).
    private let candidates: [[[Int]]]
    /// Active enforcement officers per domain index, city-wide (fallback).
    private let cityCandidates: [[Int]]
    /// (member index << 32 | enterprise ordinal) of every declared conflict.
    private(set) var conflictPairs: Set<UInt64> = []

    /// ~1 inspector per 40 enterprises, at least 30, spread over districts by size.
    init(enterpriseCount: Int, seed: UInt64, startDay: Int, extractDay: Int) {
        var random = SynthRandom(seed: seed, stream: 0xA11C_E000_0000_0001)
        let count = max(30, enterpriseCount / 40)
        let weights = CityCatalogue.districts.map(\.weight)
        // Qualification shares: food is everybody's job; special equipment needs its own
        // qualification (DOMAIN.md §3.2 L4), so few hold it.
        let qualification: [Double] = [0.85, 0.30, 0.30, 0.30, 0.15, 0.25]
        var members: [Member] = []
        members.reserveCapacity(count)
        let width = max(5, String(count).count)
        for index in 0..<count {
            // The first officers (up to 7 × 6) cycle through every (district, domain) pair once
            // (7 and 6 are coprime), so that even the smallest city can staff a team anywhere.
            let districtIndex: Int
            var domains: [SupervisionDomain]
            let seeded = index < CityCatalogue.districts.count * CityCatalogue.domains.count
            if seeded {
                districtIndex = index % CityCatalogue.districts.count
                let domainIndex = index % CityCatalogue.domains.count
                domains = [CityCatalogue.domains[domainIndex]]
                if domainIndex != 0 { domains.append(.food) }
            } else {
                districtIndex = random.pick(weights: weights)
                domains = []
                for (domainIndex, share) in qualification.enumerated() where random.bernoulli(share) {
                    domains.append(CityCatalogue.domains[domainIndex])
                }
                if domains.isEmpty { domains = [.food] }
            }
            domains.sort()
            let role: InspectorRole = !seeded && random.bernoulli(0.06) ? .expert : .enforcement
            var certNo: String? = nil
            var certValidUntil: Int? = nil
            if role == .enforcement {
                certNo = "\(CityCatalogue.districts[districtIndex].code)\(Self.pad(index, 6))"
                // 8 % of certificates lapsed at some point of the period; the rest run 1–5
                // years past the extract date (certificates are renewed every few years).
                if !seeded && random.bernoulli(0.08) {
                    certValidUntil = random.int(in: startDay...extractDay)
                } else {
                    certValidUntil = extractDay + random.int(in: 365...(5 * 365))
                }
            }
            let active = seeded || !random.bernoulli(0.05)
            let surname = random.element(CityCatalogue.inspectorSurnames)
            let given = random.element(CityCatalogue.inspectorGivenNames) + (random.bernoulli(0.6) ? random.element(CityCatalogue.inspectorGivenNames) : "")
            members.append(Member(id: "WX" + Self.pad(index + 1, width), name: surname + given, districtIndex: districtIndex,
                                  domains: domains, role: role, certNo: certNo, certValidUntilDay: certValidUntil,
                                  capacity: random.int(in: 5...40), active: active))
        }
        self.members = members
        var candidates = Array(repeating: Array(repeating: [Int](), count: CityCatalogue.domains.count), count: CityCatalogue.districts.count)
        var cityCandidates = Array(repeating: [Int](), count: CityCatalogue.domains.count)
        for (index, member) in members.enumerated() where member.active && member.role == .enforcement {
            for domain in member.domains {
                let domainIndex = CityCatalogue.domains.firstIndex(of: domain)!
                candidates[member.districtIndex][domainIndex].append(index)
                cityCandidates[domainIndex].append(index)
            }
        }
        self.candidates = candidates
        self.cityCandidates = cityCandidates
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// Declared conflicts: each inspector declares relations with about 1 % of its district's
    /// enterprises, capped at 40 (a person has only so many relatives and former employers;
    /// without the cap a 10⁶-firm province would carry 3·10⁷ rows). Returns rows sorted by
    /// (inspector_id, enterprise_id).
    mutating func makeConflicts(enterpriseCodes: [String], districtOrdinals: [[Int]], seed: UInt64,
                                startDay: Int, extractDay: Int) -> [String] {
        var random = SynthRandom(seed: seed, stream: 0xC0F1_1C70_0000_0002)
        let reasons: [(ConflictReason, Double)] = [(.kinship, 0.35), (.formerEmployment, 0.30), (.financialInterest, 0.10),
                                                   (.enterpriseRequest, 0.15), (.other, 0.10)]
        var rows: [String] = []
        for (index, member) in members.enumerated() {
            let pool = districtOrdinals[member.districtIndex]
            guard !pool.isEmpty else { continue }
            let mean = min(40.0, 0.01 * Double(pool.count))
            let count = min(pool.count, random.poisson(mean))
            var chosen = Set<Int>()
            while chosen.count < count { chosen.insert(random.element(pool)) }
            for ordinal in chosen.sorted() {
                conflictPairs.insert(UInt64(index) << 32 | UInt64(ordinal))
                let reason = reasons[random.pick(weights: reasons.map(\.1))].0
                let declared = random.int(in: (startDay - 730)...extractDay)
                // Most declarations are open-ended; some were time-limited (a former employer
                // for a few years) and may already have lapsed by the extract date.
                let validUntil = random.bernoulli(0.35) ? declared + random.int(in: 365...(4 * 365)) : nil
                rows.append([member.id, enterpriseCodes[ordinal], reason.rawValue, CivilDate(daysSinceEpoch: declared).description,
                             validUntil.map { CivilDate(daysSinceEpoch: $0).description } ?? ""].joined(separator: ","))
            }
        }
        return rows
    }

    /// A team of `size` distinct officers for an inspection on `day` of enterprise `ordinal` in
    /// `districtIndex`: active enforcement officers qualified for `domain`, certificate valid on
    /// `day`, no declared conflict. Same district first, then city-wide; nil if impossible.
    func team(size: Int, domain: SupervisionDomain, districtIndex: Int, ordinal: Int, day: Int,
              random: inout SynthRandom) -> [String]? {
        let domainIndex = CityCatalogue.domains.firstIndex(of: domain)!
        for pool in [candidates[districtIndex][domainIndex], cityCandidates[domainIndex]] where pool.count >= size {
            var chosen: [Int] = []
            // Rejection sampling: cheap because most officers qualify; a bounded number of
            // tries keeps the cost O(1) per inspection, then the next pool is tried.
            for _ in 0..<(8 * size + 16) where chosen.count < size {
                let candidate = random.element(pool)
                guard !chosen.contains(candidate), eligible(candidate, ordinal: ordinal, day: day) else { continue }
                chosen.append(candidate)
            }
            if chosen.count == size { return chosen.map { members[$0].id }.sorted() }
        }
        return nil
    }

    private func eligible(_ index: Int, ordinal: Int, day: Int) -> Bool {
        guard let until = members[index].certValidUntilDay, until >= day else { return false }
        return !conflictPairs.contains(UInt64(index) << 32 | UInt64(ordinal))
    }

    /// inspectors.csv rows, sorted by inspector_id.
    func rows() -> [String] {
        members.map { member in
            [member.id, member.name, "WXAMR-" + CityCatalogue.districts[member.districtIndex].code,
             CityCatalogue.districts[member.districtIndex].code,
             member.domains.map(\.rawValue).joined(separator: ";"), member.role.rawValue, member.certNo ?? "",
             member.certValidUntilDay.map { CivilDate(daysSinceEpoch: $0).description } ?? "",
             String(member.capacity), member.active ? "yes" : "no"].joined(separator: ",")
        }
    }
}
