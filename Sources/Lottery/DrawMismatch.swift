import Domain

/// The first difference between a published record and the recomputed one (`draw verify`).
public struct DrawMismatch: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where, as a JSON path (`selections[3].team[1].inspector_id`) or a file name.
    public let location: String
    public let published: String
    public let recomputed: String

    public init(location: String, published: String, recomputed: String) {
        self.location = location
        self.published = published
        self.recomputed = recomputed
    }

    public var description: String {
        "\(location): the record says \(published), recomputing gives \(recomputed)"
    }
}

extension FrozenDraw {
    /// Recomputes the draw with the record's seed and returns the first mismatch, or nil.
    /// The record's `manifest_sha256` is checked first (a record for another manifest).
    public func verify(_ published: DrawRecord) -> DrawMismatch? {
        if published.algorithm != DrawRecord.algorithmIdentifier {
            return DrawMismatch(location: "algorithm", published: published.algorithm, recomputed: DrawRecord.algorithmIdentifier)
        }
        if published.manifestSHA256 != manifestSHA256 {
            return DrawMismatch(location: "manifest_sha256", published: published.manifestSHA256,
                                recomputed: "\(manifestSHA256) (SHA-256 of manifest.json)")
        }
        return DrawMismatch.first(published: published, recomputed: draw(seed: published.seed))
    }
}

extension DrawMismatch {
    /// Field-by-field comparison in record order.
    public static func first(published p: DrawRecord, recomputed r: DrawRecord) -> DrawMismatch? {
        func check(_ location: String, _ a: String, _ b: String) -> DrawMismatch? {
            a == b ? nil : DrawMismatch(location: location, published: a, recomputed: b)
        }
        if let m = check("algorithm", p.algorithm, r.algorithm) ?? check("manifest_sha256", p.manifestSHA256, r.manifestSHA256)
            ?? check("seed", p.seed, r.seed) { return m }
        if let m = check("strata (count)", String(p.strata.count), String(r.strata.count)) { return m }
        for (index, (a, b)) in zip(p.strata, r.strata).enumerated() {
            let at = "strata[\(index)]"
            if let m = check("\(at).stratum", a.stratum.name, b.stratum.name) ?? check("\(at).population", String(a.population), String(b.population))
                ?? check("\(at).rate_bp", String(a.rateBasisPoints), String(b.rateBasisPoints))
                ?? check("\(at).sample_size", String(a.sampleSize), String(b.sampleSize)) { return m }
        }
        for (index, (a, b)) in zip(p.selections, r.selections).enumerated() {
            let at = "selections[\(index)] (rank \(index + 1))"
            if let m = check("\(at).rank", String(a.rank), String(b.rank)) ?? check("\(at).enterprise_id", a.enterpriseID, b.enterpriseID)
                ?? check("\(at).stratum", a.stratum.name, b.stratum.name) ?? check("\(at).ticket", a.ticket, b.ticket) { return m }
            let teamA = a.team.map(\.inspectorID).joined(separator: ", "), teamB = b.team.map(\.inspectorID).joined(separator: ", ")
            if let m = check("\(at).team of \(a.enterpriseID)", "[\(teamA)]", "[\(teamB)]") { return m }
            for (k, (x, y)) in zip(a.team, b.team).enumerated() {
                if let m = check("\(at).team[\(k)].ticket", x.ticket, y.ticket) { return m }
            }
        }
        if let m = check("selections (count)", String(p.selections.count), String(r.selections.count)) { return m }
        for (index, (a, b)) in zip(p.unassigned, r.unassigned).enumerated() {
            if let m = check("unassigned[\(index)].enterprise_id", a.enterpriseID, b.enterpriseID)
                ?? check("unassigned[\(index)].reason", a.reason, b.reason) { return m }
        }
        return check("unassigned (count)", String(p.unassigned.count), String(r.unassigned.count))
    }
}
