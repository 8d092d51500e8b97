import Domain
import Foundation
import Lottery

/// The draw workflow behind `risktier draw freeze|run|verify` (DESIGN.md "risktier-draw/1").
/// Every step computes all outputs first and writes them all-or-nothing.
public enum DrawWorkflow {
    /// Shortest seed accepted without `--allow-short-seed`: 20 characters, the package's
    /// "20-digit string obtained by rolling 20 decimal dice".
    public static let minimumSeedLength = 20

    public struct FreezeSummary: Sendable {
        /// What planners publish before the seed exists.
        public let manifestSHA256: String
        public let population: Int
        public let roster: Int
        public let conflicts: Int
    }

    /// `draw freeze` from already-frozen CSV inputs: re-canonicalises population, roster and
    /// conflicts (sorted, validated; enterprise ids as unified social credit codes), writes
    /// them with `manifest.json` (and `names.csv` when given) to `outputDirectory`. With
    /// `previousRecordPath`, every officer of each team in that record gets a
    /// `prior_inspection` conflict row for the enterprise (L5: not the team that last
    /// inspected it); rows already present are not repeated. A plan with `cross_district`
    /// adds the L6 rows (`CrossDistrictRule`).
    public static func freeze(planPath: String, populationPath: String, rosterPath: String, conflictsPath: String,
                              namesPath: String?, previousRecordPath: String? = nil, outputDirectory: String) throws(DrawError) -> FreezeSummary {
        let plan = try DrawPlanFile.read(try DrawFiles.read(planPath), file: planPath)
        do {
            let population = try FrozenPopulation.canonicalising(try DrawFiles.readBytes(populationPath), file: populationPath,
                                                                  allowedStrata: Set(plan.strata))
            let roster = try FrozenRoster.canonicalising(try DrawFiles.readBytes(rosterPath), file: rosterPath)
            var conflicts = try FrozenConflicts.canonicalising(try DrawFiles.readBytes(conflictsPath), file: conflictsPath)
            var added: [ConflictRow] = []
            if let previousRecordPath {
                let previous = try DrawRecordFile.read(try DrawFiles.read(previousRecordPath), file: previousRecordPath)
                for selection in previous.selections {
                    for member in selection.team {
                        added.append(ConflictRow(inspectorID: member.inspectorID, enterpriseID: selection.enterpriseID, reason: "prior_inspection"))
                    }
                }
            }
            if plan.task?.crossDistrict == true { added += CrossDistrictRule.rows(population: population, roster: roster) }
            if !added.isEmpty {
                conflicts = try FrozenConflicts(frozen: FrozenConflicts.render(Array(Set(conflicts.rows).union(added))))
            }
            var names: Data? = nil
            if let namesPath { names = DrawNames.render(try DrawNames.read(try DrawFiles.read(namesPath), file: namesPath)) }
            return try write(plan: plan, population: population, roster: roster, conflicts: conflicts, names: names, to: outputDirectory)
        } catch let error as LotteryError {
            throw .invalid(error)
        } catch let error as DrawError {
            throw error
        } catch {
            throw .usage("\(error)")
        }
    }

    /// Writes the canonical frozen directory for values already built (the store path and tests).
    public static func write(plan: DrawPlan, population: FrozenPopulation, roster: FrozenRoster, conflicts: FrozenConflicts,
                             names: Data?, to outputDirectory: String) throws(DrawError) -> FreezeSummary {
        let manifest = DrawManifest(plan: plan, fileDigests: [
            FrozenPopulation.fileName: TicketHasher.sha256Hex(population.bytes),
            FrozenRoster.fileName: TicketHasher.sha256Hex(roster.bytes),
            FrozenConflicts.fileName: TicketHasher.sha256Hex(conflicts.bytes),
        ])
        let manifestBytes = manifest.canonicalJSON
        var files: [(name: String, data: Data)] = [
            (FrozenPopulation.fileName, Data(population.bytes)),
            (FrozenRoster.fileName, Data(roster.bytes)),
            (FrozenConflicts.fileName, Data(conflicts.bytes)),
            (DrawManifest.fileName, Data(manifestBytes)),
        ]
        if let names { files.append((DrawNames.fileName, names)) }
        try DrawFiles.writeAll(files, to: outputDirectory)
        return FreezeSummary(manifestSHA256: TicketHasher.sha256Hex(manifestBytes), population: population.count,
                             roster: roster.members.count, conflicts: conflicts.rows.count)
    }

    /// Reads and cross-checks a frozen directory (digests, strata). Any problem is an error.
    public static func load(frozenDirectory: String) throws(DrawError) -> FrozenDraw {
        let manifestPath = DrawFiles.path(frozenDirectory, DrawManifest.fileName)
        let manifestData = try DrawFiles.read(manifestPath)
        let manifest = try DrawManifestFile.read(manifestData, file: manifestPath)
        do {
            let population = try FrozenPopulation(frozen: try DrawFiles.readBytes(DrawFiles.path(frozenDirectory, FrozenPopulation.fileName)))
            let roster = try FrozenRoster(frozen: try DrawFiles.readBytes(DrawFiles.path(frozenDirectory, FrozenRoster.fileName)))
            let conflicts = try FrozenConflicts(frozen: try DrawFiles.readBytes(DrawFiles.path(frozenDirectory, FrozenConflicts.fileName)))
            return try FrozenDraw(manifest: manifest, manifestBytes: [UInt8](manifestData), population: population,
                                  roster: roster, conflicts: conflicts)
        } catch let error as LotteryError {
            throw .invalid(error)
        } catch let error as DrawError {
            throw error
        } catch {
            throw .usage("\(error)")
        }
    }

    public struct RunSummary: Sendable {
        public let record: DrawRecord
        /// Lines for stderr: unassigned enterprises, missing names.
        public let notes: [String]
    }

    /// Checks a seed: non-empty, and at least 20 characters (Unicode scalars, as Python's
    /// `len`) unless `allowShort`.
    public static func checkSeed(_ seed: String, allowShort: Bool) throws(DrawError) {
        guard !seed.isEmpty else { throw .usage("`--seed` must be a non-empty string published after the freeze; got ''") }
        let length = seed.unicodeScalars.count
        guard allowShort || length >= minimumSeedLength else {
            throw .usage("`--seed` must be at least \(minimumSeedLength) characters (e.g. 20 dice digits or a lottery result); got \(length) ('\(seed)'); pass --allow-short-seed to accept it")
        }
    }

    /// `draw run`: the record, `selections.csv` and `notice.html`.
    public static func run(frozenDirectory: String, seed: String, allowShortSeed: Bool, namesPath: String?,
                           outputDirectory: String) throws(DrawError) -> RunSummary {
        try checkSeed(seed, allowShort: allowShortSeed)
        let frozen = try load(frozenDirectory: frozenDirectory)
        var names: [String: String] = [:]
        var notes: [String] = []
        let defaultNames = DrawFiles.path(frozenDirectory, DrawNames.fileName)
        if let path = namesPath ?? (FileManager.default.fileExists(atPath: defaultNames) ? defaultNames : nil) {
            names = try DrawNames.read(try DrawFiles.read(path), file: path)
        } else {
            notes.append("note: no names.csv in \(frozenDirectory) and no --names: the notice shows credit codes and inspector ids only")
        }
        let (record, rows) = frozen.drawWithRows(seed: seed)
        if !record.unassigned.isEmpty {
            notes.append("warning: \(record.unassigned.count) of \(record.selections.count) selected enterprises have no full team (listed as unassigned with the reason in record.json and notice.html)")
        }
        try DrawFiles.writeAll([
            ("record.json", DrawRecordFile.bytes(record)),
            ("selections.csv", selectionsCSV(record, rows: rows, frozen: frozen)),
            ("notice.html", Data(DrawNotice.html(record: record, frozen: frozen, names: names).utf8)),
        ], to: outputDirectory)
        return RunSummary(record: record, notes: notes)
    }

    /// `selections.csv`: `rank,enterprise_id,stratum,domain,ticket,team,status`, team `;`-joined.
    /// Fast path of `verify` for a record in our canonical bytes: take the seed from its
    /// fixed header, redraw, and confirm when the record we would publish is byte-identical to
    /// the one given (which implies every field matches). Anything else — another writer's
    /// formatting, an escaped seed, any difference — returns nil and the caller parses the
    /// record and names the first mismatch. Parsing a 10⁶-population record with
    /// JSONSerialization cost more than the draw itself (perf, `draw verify` at 10⁶).
    static func verifyCanonical(frozenDirectory: String, recordData: Data) throws(DrawError) -> VerifyOutcome? {
        let prefix = Array("{\n  \"algorithm\": \"\(DrawRecord.algorithmIdentifier)\",\n  \"manifest_sha256\": \"".utf8)
        let bytes = [UInt8](recordData)
        guard bytes.count > prefix.count + 64, bytes.starts(with: prefix) else { return nil }
        let seedOpen = Array("\",\n  \"seed\": \"".utf8)
        let afterDigest = prefix.count + 64
        guard bytes[afterDigest...].starts(with: seedOpen) else { return nil }
        let seedStart = afterDigest + seedOpen.count
        guard let seedEnd = bytes[seedStart...].firstIndex(of: UInt8(ascii: "\"")),
              !bytes[seedStart..<seedEnd].contains(UInt8(ascii: "\\")) else { return nil }
        let seed = String(decoding: bytes[seedStart..<seedEnd], as: UTF8.self)
        let frozen: FrozenDraw
        do { frozen = try load(frozenDirectory: frozenDirectory) } catch { return nil }
        let record = frozen.draw(seed: seed)
        guard DrawRecordFile.bytes(record).elementsEqual(bytes) else { return nil }
        let assigned = record.selections.count - record.unassigned.count
        return .confirmed("verified: \(record.selections.count) selections (\(assigned) with teams, \(record.unassigned.count) unassigned) match \(DrawRecord.algorithmIdentifier) on manifest \(frozen.manifestSHA256) with seed '\(seed)'")
    }

    /// `rows`: each selection's population row, in rank order (`FrozenDraw.drawWithRows`).
    static func selectionsCSV(_ record: DrawRecord, rows: [Int], frozen: FrozenDraw) -> Data {
        var out = Array("rank,enterprise_id,stratum,domain,ticket,team,status\n".utf8)
        out.reserveCapacity(out.count + record.selections.count * 80)
        for (selection, row) in zip(record.selections, rows) {
            let domain = frozen.population.domain(row).rawValue
            out += String(selection.rank).utf8
            for field in [selection.enterpriseID, selection.stratum.name, domain, selection.ticket] {
                out.append(UInt8(ascii: ","))
                out += field.utf8
            }
            out.append(UInt8(ascii: ","))
            for (index, member) in selection.team.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ";")) }
                out += member.inspectorID.utf8
            }
            out += (selection.team.isEmpty ? ",unassigned\n" : ",assigned\n").utf8
        }
        return Data(out)
    }

    public enum VerifyOutcome: Sendable {
        case confirmed(String)
        case mismatch(DrawMismatch)
    }

    /// `draw verify`: recomputes from the frozen files and the record's seed. Changed bytes in
    /// any frozen file are a mismatch (the manifest's digest or a file's digest).
    public static func verify(frozenDirectory: String, recordPath: String) throws(DrawError) -> VerifyOutcome {
        let recordData = try DrawFiles.read(recordPath)
        if let confirmed = try verifyCanonical(frozenDirectory: frozenDirectory, recordData: recordData) { return confirmed }
        let record = try DrawRecordFile.read(recordData, file: recordPath)
        let manifestPath = DrawFiles.path(frozenDirectory, DrawManifest.fileName)
        let manifestData = try DrawFiles.read(manifestPath)
        let manifestDigest = TicketHasher.sha256Hex(manifestData)
        if record.manifestSHA256 != manifestDigest {
            return .mismatch(DrawMismatch(location: "manifest.json", published: "manifest_sha256 \(record.manifestSHA256)",
                                          recomputed: "\(manifestDigest) from \(manifestPath)"))
        }
        let manifest = try DrawManifestFile.read(manifestData, file: manifestPath)
        for name in [FrozenPopulation.fileName, FrozenRoster.fileName, FrozenConflicts.fileName] {
            let digest = TicketHasher.sha256Hex(try DrawFiles.read(DrawFiles.path(frozenDirectory, name)))
            if digest != manifest.fileDigests[name] {
                return .mismatch(DrawMismatch(location: name, published: "SHA-256 \(manifest.fileDigests[name] ?? "") in manifest.json",
                                              recomputed: "\(digest) (the file changed after freezing)"))
            }
        }
        let frozen = try load(frozenDirectory: frozenDirectory)
        if let mismatch = frozen.verify(record) { return .mismatch(mismatch) }
        let assigned = record.selections.count - record.unassigned.count
        return .confirmed("verified: \(record.selections.count) selections (\(assigned) with teams, \(record.unassigned.count) unassigned) match \(DrawRecord.algorithmIdentifier) on manifest \(manifestDigest) with seed '\(record.seed)'")
    }
}
