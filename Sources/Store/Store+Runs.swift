import Domain
import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

extension Store {
    /// Re-scoring a month replaces that month's run (scores, assignments, history) in one
    /// transaction; a month before a later stored run is refused (the later run's stability
    /// and history were computed from the old one).
    /// `beforeCommit` runs once every row is written, inside the transaction: false rolls the
    /// run back (the caller's other outputs failed) and throws `StoreError.refused`.
    /// The run's transitions are not written separately: the `tier_history` view derives them
    /// from the assignment rows (previous tier ≠ tier; cause: the overrides `;`-joined, else
    /// `model`).
    public func recordRun(_ stored: StoredRun, assignments: [TierAssignment], drawable: (TierAssignment) -> Bool,
                          beforeCommit: () -> Bool = { true }) throws(StoreError) {
        var chunk: [TierAssignment]? = assignments
        try recordRun(asOf: stored.asOf, chunks: { defer { chunk = nil }; return chunk }, run: { stored }, drawable: drawable, beforeCommit: beforeCommit)
    }

    /// `recordRun` with the assignments arriving in chunks while they are computed, so that the
    /// store's write (one transaction) runs beside the scoring: `chunks` returns the next chunk
    /// (enterprise id order throughout) or nil at the end; `run` then gives the run's row (its
    /// digest and counts are known only once every firm is scored), or nil when the producer
    /// failed: the run is rolled back and `StoreError.refused` thrown.
    public func recordRun(asOf date: CivilDate, chunks: () -> [TierAssignment]?, run stored: () -> StoredRun?, drawable: (TierAssignment) -> Bool,
                          beforeCommit: () -> Bool = { true }) throws(StoreError) {
        try run {
            // A 4 MiB page cache for the run's write (SQLite's default is 2 MiB). It was 64 MiB
            // when each firm had two rows in two B-trees; with one row per firm, appended in key
            // order, the large cache only cost memory and page faults, and the write now runs
            // beside the scoring, whose feature table is still alive: at 10⁶ firms 64 MiB gave
            // 679 MiB peak RSS and 16 CPU-s, 4 MiB 615 MiB and 12–14 CPU-s (16 MiB in between;
            // single runs on a loaded machine). Durability settings are unchanged.
            // Foreign-key checks are off for it as well: every row written references the run row
            // inserted in the same transaction (a B-tree search per row saved).
            try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA cache_size = -4096; PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA cache_size = -2000; PRAGMA foreign_keys = ON") }
                try db.inTransaction {
                    try recordRun(db, asOf: date, chunks: chunks, run: stored, drawable: drawable)
                    guard beforeCommit() else {
                        throw StoreError.refused(message: "the run was not recorded: its output files could not be written")
                    }
                    return .commit
                }
            }
        }
    }

    private func recordRun(_ db: Database, asOf date: CivilDate, chunks: () -> [TierAssignment]?, run stored: () -> StoredRun?,
                           drawable: (TierAssignment) -> Bool) throws {
        let asOf = date.description
        if let later = try String.fetchOne(db, sql: "SELECT as_of FROM model_runs WHERE as_of > ? ORDER BY as_of DESC LIMIT 1", arguments: [asOf]) {
            throw StoreError.refused(message: "`--as-of` must not precede the newest stored run (as of \(later)): runs go forward month by month; got \(asOf)")
        }
        // (v4: the assignments live in `run_assignments`, keyed by the run's number; the
        // history is a view of them.) Runs are numbered in order; re-scoring the newest month
        // gets that month's number again (it is the largest), so the store's bytes repeat.
        try db.execute(sql: "DELETE FROM run_assignments WHERE run_no IN (SELECT run_no FROM model_runs WHERE as_of = ?)", arguments: [asOf])
        try db.execute(sql: "DELETE FROM model_runs WHERE as_of = ?", arguments: [asOf])
        let runNumber = (try Int.fetchOne(db, sql: "SELECT MAX(run_no) FROM model_runs") ?? 0) + 1
        // Rows go in groups of `groupSize` per statement (`INSERT … VALUES (…), (…), …`): one
        // step, reset and statement set-up per group instead of per firm. With one row per
        // statement those were about half of the store's write at 10⁶ firms, the run's critical
        // path (Benchmarks/README.md "Monthly run", session 6). The last firms, fewer than a
        // group, take the one-row statement. The same rows in the same order either way.
        // `OR FAIL`, not the default ABORT: a statement that writes several rows and may abort
        // must undo its own rows on a failure, so SQLite gave every group a statement journal
        // (a temporary file beside the WAL) holding the pages it changed — 4.0 GB written to
        // /var/tmp at 10⁶ firms with 64 KiB pages (`strace`), the kernel copy of it ≈ 10 % of
        // the store thread. A failure here aborts the whole run's transaction anyway, so the
        // statement's own rows need no undoing of their own.
        let groupSize = 32
        func insertStatement(rows: Int) throws -> Statement {
            let marks = Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
            return try db.makeStatement(sql: """
                INSERT OR FAIL INTO run_assignments (run_no, enterprise_id, model_tier, tier, override_code, reasons, drawable,
                                                     proposed_tier, previous_tier, pending_runs, pending_tier, probability, points, model_reasons)
                VALUES \(marks)
                """)
        }
        let group = try insertStatement(rows: groupSize)
        let single = try insertStatement(rows: 1)
        // Bound with sqlite3_bind_* (RawInsert) rather than a StatementArguments array per row,
        // text through one arena bound SQLITE_STATIC (BindArena: the statement binds every
        // parameter before each step; a group's text is far below its capacity).
        let arena = BindArena()
        // The code lists are stored packed (v6, `StoredCodes`): no text per list; `reasons`
        // NULL where it is the overrides then the model reasons (every row TierAssigner makes).
        func bind(_ a: TierAssignment, _ row: inout RawInsert) {
            let overrides = StoredCodes.pack(a.overrides)
            let modelReasons = a.score.map { StoredCodes.pack($0.reasons) }
            let reasons = StoredCodes.pack(a.reasons)
            row.int(runNumber)
            row.text(a.enterpriseId)
            row.tier(a.score?.modelTier)
            row.tier(a.tier)
            if a.overrides.isEmpty { row.null() } else { row.int(overrides) }
            if reasons == StoredCodes.derivedReasons(overrides: overrides, modelReasons: modelReasons ?? 0) { row.null() } else { row.int(reasons) }
            row.bool(drawable(a))
            row.tier(a.proposedTier)
            row.tier(a.previousTier)
            row.int(a.pendingImprovement?.runs)
            row.tier(a.pendingImprovement?.tier)
            if let s = a.score {
                row.double(s.probability)
                row.int(Int(s.points.rounded()))
            } else {
                row.null()
                row.null()
            }
            row.int(modelReasons)
        }
        func insert(_ statement: Statement, _ rows: ArraySlice<TierAssignment>) throws {
            var raw = RawInsert(statement, arena: arena)
            for a in rows { bind(a, &raw) }
            guard raw.step() else {
                throw StoreError.database(message: "cannot record the run (\(statement.sql)): \(String(cString: sqlite3_errmsg(db.sqliteConnection)))")
            }
        }
        // Firms left over from the previous chunk, fewer than a group.
        var pending: [TierAssignment] = []
        while let chunk = chunks() {
            var rest = chunk[...]
            if !pending.isEmpty {
                let fill = rest.prefix(groupSize - pending.count)
                pending.append(contentsOf: fill)
                rest = rest.dropFirst(fill.count)
                guard pending.count == groupSize else { continue }
                try insert(group, pending[...])
                pending.removeAll(keepingCapacity: true)
            }
            while rest.count >= groupSize {
                try insert(group, rest.prefix(groupSize))
                rest = rest.dropFirst(groupSize)
            }
            pending.append(contentsOf: rest)
        }
        for a in pending { try insert(single, [a]) }
        // The run's row last (its counts and digest are known only now; foreign keys are off).
        guard let stored = stored() else {
            throw StoreError.refused(message: "the run was not recorded: scoring it failed")
        }
        guard stored.asOf == date else {
            throw StoreError.refused(message: "the run was not recorded: its as-of date \(stored.asOf) is not \(date)")
        }
        try db.execute(sql: """
            INSERT INTO model_runs (run_id, model_id, as_of, input_sha256, package_version, model_sha256, tier_counts, transitions, run_no)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [stored.runId, stored.modelId, asOf, stored.inputSHA256, stored.packageVersion, stored.modelSHA256, stored.tierCounts, stored.transitions, runNumber])
    }

    /// The newest stored run strictly before `date` (nil: the newest of all).
    public func latestRun(before date: CivilDate? = nil) throws(StoreError) -> StoredRun? {
        try run {
            try pool.read { db in
                let sql = "SELECT run_id, model_id, as_of, input_sha256, package_version, model_sha256, tier_counts, transitions FROM model_runs"
                let row: Row?
                if let date {
                    row = try Row.fetchOne(db, sql: sql + " WHERE as_of < ? ORDER BY as_of DESC LIMIT 1", arguments: [date.description])
                } else {
                    row = try Row.fetchOne(db, sql: sql + " ORDER BY as_of DESC LIMIT 1")
                }
                guard let row else { return nil }
                let runId: String = row[0]
                return StoredRun(runId: runId, modelId: row[1], asOf: try Decode.date(row[2], table: "model_runs", key: runId), inputSHA256: row[3],
                                 packageVersion: row[4], modelSHA256: row[5], tierCounts: row[6], transitions: row[7])
            }
        }
    }

    /// A stored run's assignments, by enterprise id: published tier, pending improvement,
    /// whether the enterprise may be drawn, and its score.
    public func assignments(ofRun runId: String) throws(StoreError) -> [StoredAssignment] {
        try run {
            try pool.read { db in
                // The table itself, not the view: its packed overrides need no text (v6).
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT enterprise_id, model_tier, tier, pending_runs, pending_tier, drawable, override_code, probability, points
                    FROM run_assignments WHERE run_no = (SELECT run_no FROM model_runs WHERE run_id = ?) ORDER BY enterprise_id
                    """, arguments: [runId])
                var result: [StoredAssignment] = []
                while let row = try rows.next() {
                    let id: String = row[0]
                    func tier(_ index: Int) throws -> Tier? {
                        try (row[index] as String?).map { try Decode.raw($0, Tier.self, table: "run_assignments", key: id) }
                    }
                    var pending: PendingImprovement?
                    if let pendingTier = try tier(4), let runs = row[3] as Int? { pending = PendingImprovement(runs: runs, tier: pendingTier) }
                    var overrides = CodeList<OverrideCode>()
                    if let packed = row[6] as Int? {
                        guard let codes = StoredCodes.unpack(packed) else {
                            throw StoreError.corrupt(table: "run_assignments", key: id, message: "`override_code` \(packed) is not a list of known codes")
                        }
                        for code in codes {
                            guard case let .override(value) = code else {
                                throw StoreError.corrupt(table: "run_assignments", key: id, message: "`override_code` holds the reason \(code.code)")
                            }
                            overrides.append(value)
                        }
                    }
                    result.append(StoredAssignment(enterpriseId: try Decode.code(id, table: "run_assignments", key: id), modelTier: try tier(1), tier: try tier(2),
                                                   pendingImprovement: pending, drawable: row[5], overrides: overrides,
                                                   probability: row[7], points: row[8]))
                }
                return result
            }
        }
    }

    /// The transitions stored for a run: (enterprise, from, to, cause), by enterprise id.
    public func history(ofRun runId: String) throws(StoreError) -> [(enterpriseId: CreditCode, from: Tier?, to: Tier?, cause: String)] {
        try run {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT enterprise_id, from_tier, to_tier, cause FROM tier_history WHERE run_id = ? ORDER BY enterprise_id", arguments: [runId]).map { row in
                    let id: String = row[0]
                    return (try Decode.code(id, table: "tier_history", key: id), try (row[1] as String?).map { try Decode.raw($0, Tier.self, table: "tier_history", key: id) },
                            try (row[2] as String?).map { try Decode.raw($0, Tier.self, table: "tier_history", key: id) }, row[3] as String)
                }
            }
        }
    }

    /// Adds an analyst override (O_MANUAL); returns its id `MO-000001`, … (sequential, so that
    /// the audit trail reads in the order of entry). Overrides are never updated or deleted:
    /// ending one early is a new override.
    @discardableResult
    public func addManualOverride(_ value: ManualOverride) throws(StoreError) -> String {
        try run {
            try pool.write { db in
                let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM manual_overrides") ?? 0
                let id = "MO-" + String(repeating: "0", count: max(0, 6 - String(count + 1).count)) + String(count + 1)
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM enterprises WHERE enterprise_id = ?", arguments: [value.enterpriseId.value]) != nil else {
                    throw StoreError.refused(message: "`--enterprise` must be an enterprise in the store; got \(value.enterpriseId.value)")
                }
                try db.execute(sql: """
                    INSERT INTO manual_overrides (override_id, enterprise_id, tier, reason, approver, starts_on, expires_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, value.enterpriseId.value, value.tier.rawValue, value.reason, value.approver,
                                     value.startsOn.description, value.expiresOn.description])
                return id
            }
        }
    }

    /// Every manual override, by id.
    public func manualOverrides() throws(StoreError) -> [ManualOverride] {
        try run {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT override_id, enterprise_id, tier, reason, approver, starts_on, expires_on FROM manual_overrides ORDER BY override_id").map { row in
                    let key: String = row[0]
                    let t = "manual_overrides"
                    return try Decode.wrap(t, key) {
                        try ManualOverride(enterpriseId: try Decode.code(row[1], table: t, key: key), tier: try Decode.raw(row[2], Tier.self, table: t, key: key),
                                           reason: row[3], approver: row[4], startsOn: try Decode.date(row[5], table: t, key: key),
                                           expiresOn: try Decode.date(row[6], table: t, key: key))
                    }
                }
            }
        }
    }

    /// Stores a draw's record (replacing one with the same id).
    public func recordDraw(drawId: String, taskDate: CivilDate, domain: SupervisionDomain, algorithm: String, manifestSHA256: String,
                           seed: String, recordJSON: String) throws(StoreError) {
        try run {
            try pool.write { db in
                try db.execute(sql: "DELETE FROM draws WHERE draw_id = ?", arguments: [drawId])
                try db.execute(sql: """
                    INSERT INTO draws (draw_id, algorithm, manifest_sha256, seed, record_json, task_date, task_domain) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [drawId, algorithm, manifestSHA256, seed, recordJSON, taskDate.description, domain.rawValue])
            }
        }
    }

    /// Stored draws other than `excluding` whose task date is before `date`, newest first:
    /// (id, task date, domain, record JSON).
    public func draws(before date: CivilDate, excluding: String?) throws(StoreError) -> [(drawId: String, taskDate: CivilDate, domain: SupervisionDomain, recordJSON: String)] {
        try run {
            try pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT draw_id, task_date, task_domain, record_json FROM draws
                    WHERE task_date IS NOT NULL AND task_date < ? AND draw_id != ? AND record_json IS NOT NULL
                    ORDER BY task_date DESC, rowid DESC
                    """, arguments: [date.description, excluding ?? ""]).map { row in
                    let key: String = row[0]
                    return (key, try Decode.date(row[1], table: "draws", key: key), try Decode.token(row[2], SupervisionDomain.self, table: "draws", key: key), row[3] as String)
                }
            }
        }
    }
}

extension Decode {
    /// A stored token of a string enum that is not an import-file token (tiers, override codes).
    static func raw<T: RawRepresentable>(_ text: String, _ type: T.Type, table: String, key: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: text) else { throw StoreError.corrupt(table: table, key: key, message: "bad token '\(text)'") }
        return value
    }
}
