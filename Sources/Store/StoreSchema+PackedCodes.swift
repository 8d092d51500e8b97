import Domain
import GRDB

extension StoreSchema {
    /// `v6-packed-run-codes`: a run row's three code lists (`override_code`, `reasons`,
    /// `model_reasons`) are stored as integers (`StoredCodes`: each code's number in 6 bits)
    /// instead of `;`-joined text, with the numbers in a new table `reason_codes` (number, code,
    /// kind, Chinese and English text); and `reasons` is NULL wherever it is the row's overrides
    /// then its model reasons, at most four (what TierAssigner builds: every row it writes).
    /// A run row at 10⁶ firms went from about 124 to 58 bytes: the model reasons' text alone was
    /// 50 of them. The run's write — SQLite's inserts, then the same bytes again into the WAL and
    /// from it into the database — was the single-threaded end of a monthly run; 10⁶ interleaved
    /// runs took 4.65 → 4.21 s (medians of 4, faster in each pair; Benchmarks/README.md "Monthly
    /// run", session 8).
    ///
    /// The views `tier_assignments` and `tier_history` give the lists back as text through
    /// `reason_codes`, so SQL over them reads exactly as before. Stored rows are carried over;
    /// the migration then checks that the views give back every former row exactly, and fails
    /// (leaving the store as it was) if not, or if a stored list holds a code RiskTier does not
    /// know.
    static func registerPackedRunCodes(_ migrator: inout DatabaseMigrator) {
        // `.immediate`: the deferred default ends with a foreign-key check of the whole store, 10 s
        // at 10⁶ firms (1 M page reads, strace); nothing here can break a foreign key.
        migrator.registerMigration("v6-packed-run-codes", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                DROP VIEW tier_assignments;
                DROP VIEW tier_history;
                ALTER TABLE run_assignments RENAME TO run_assignments_v5;
                CREATE TABLE reason_codes (
                    code_no INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    text_zh TEXT NOT NULL,
                    text_en TEXT NOT NULL
                );
                CREATE TABLE run_assignments (
                    run_no INTEGER NOT NULL,
                    enterprise_id TEXT NOT NULL,
                    model_tier TEXT,
                    tier TEXT,
                    override_code INTEGER,
                    reasons INTEGER,
                    drawable INTEGER NOT NULL,
                    proposed_tier TEXT,
                    previous_tier TEXT,
                    pending_runs INTEGER,
                    pending_tier TEXT,
                    probability REAL,
                    points INTEGER,
                    model_reasons INTEGER,
                    PRIMARY KEY (run_no, enterprise_id)
                ) WITHOUT ROWID;
                """)
            let code = try db.makeStatement(sql: "INSERT INTO reason_codes (code_no, code, kind, text_zh, text_en) VALUES (?, ?, ?, ?, ?)")
            for (number, reason) in StoredCodes.all {
                let kind: String
                switch reason {
                case .override: kind = "override"
                case .model: kind = "reason"
                }
                try code.execute(arguments: [number, reason.code, kind, reason.chineseText, reason.englishText])
            }
            try carryRunRows(db)
            try db.execute(sql: runViewsSQL)
            // Every former row back from the views, and nothing more (the former views' SQL over
            // the former table).
            let before = [
                ("tier_assignments", """
                    SELECT r.run_id, a.enterprise_id, a.model_tier, a.tier, a.override_code, COALESCE(a.reasons, a.model_reasons) AS reasons,
                           a.drawable, a.proposed_tier, a.previous_tier, a.pending_runs, a.pending_tier, a.probability, a.points, a.model_reasons
                    FROM run_assignments_v5 a JOIN model_runs r ON r.run_no = a.run_no
                    """),
                ("tier_history", """
                    SELECT a.enterprise_id, r.run_id, r.as_of, a.previous_tier AS from_tier, a.tier AS to_tier, COALESCE(a.override_code, 'model') AS cause
                    FROM run_assignments_v5 a JOIN model_runs r ON r.run_no = a.run_no
                    WHERE a.previous_tier IS NOT a.tier
                    """),
            ]
            for (view, former) in before {
                let differing = try Int.fetchOne(db, sql: """
                    SELECT (SELECT COUNT(*) FROM (\(former) EXCEPT SELECT * FROM \(view)))
                         + (SELECT COUNT(*) FROM (SELECT * FROM \(view) EXCEPT \(former)))
                    """) ?? 0
                guard differing == 0 else {
                    throw StoreError.corrupt(table: "run_assignments", key: "*", message: "\(differing) stored rows cannot be carried over to `\(view)` (v6-packed-run-codes)")
                }
            }
            try db.execute(sql: "DROP TABLE run_assignments_v5")
        }
    }

    /// The v5 rows into the v6 table, their lists packed.
    private static func carryRunRows(_ db: Database) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO run_assignments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM run_assignments_v5 ORDER BY run_no, enterprise_id")
        while let row = try rows.next() {
            let key = "run \(row[0] as Int? ?? 0), \(row[1] as String? ?? "?")"
            func packed(_ index: Int, _ column: String) throws -> Int? {
                guard let text = row[index] as String? else { return nil }
                var numbers: [Int] = []
                for code in text.split(separator: ";") {
                    guard let reason = try? AssignmentReason(code: String(code)) else {
                        throw StoreError.corrupt(table: "run_assignments", key: key, message: "`\(column)` holds an unknown code '\(code)'")
                    }
                    numbers.append(reason.storeNumber)
                }
                guard numbers.count <= StoredCodes.capacity else {
                    throw StoreError.corrupt(table: "run_assignments", key: key, message: "`\(column)` holds more than \(StoredCodes.capacity) codes")
                }
                return StoredCodes.pack(numbers)
            }
            let overrides = try packed(4, "override_code")
            let modelReasons = try packed(13, "model_reasons")
            // v5: NULL reasons were the model's.
            var reasons = try packed(5, "reasons") ?? modelReasons
            if reasons == StoredCodes.derivedReasons(overrides: overrides ?? 0, modelReasons: modelReasons ?? 0) { reasons = nil }
            var values = Array(row.databaseValues)
            values[4] = overrides.databaseValue
            values[5] = reasons.databaseValue
            values[13] = modelReasons.databaseValue
            try insert.execute(arguments: StatementArguments(values))
        }
    }

    /// The views of the run rows since v6: the lists as `;`-joined text (`all_reasons`: the
    /// stored reasons, or where NULL the derived ones).
    static var runViewsSQL: String {
        let overrides = StoredCodes.textSQL("a.override_code")
        let rows = "(SELECT a.*, COALESCE(a.reasons, \(StoredCodes.derivedReasonsSQL)) AS all_reasons FROM run_assignments a)"
        return """
            CREATE VIEW tier_assignments AS
                SELECT r.run_id, a.enterprise_id, a.model_tier, a.tier, \(overrides) AS override_code, \(StoredCodes.textSQL("a.all_reasons")) AS reasons,
                       a.drawable, a.proposed_tier, a.previous_tier, a.pending_runs, a.pending_tier, a.probability, a.points,
                       \(StoredCodes.textSQL("a.model_reasons")) AS model_reasons
                FROM \(rows) a JOIN model_runs r ON r.run_no = a.run_no;
            CREATE VIEW tier_history AS
                SELECT a.enterprise_id, r.run_id, r.as_of, a.previous_tier AS from_tier, a.tier AS to_tier,
                       COALESCE(\(overrides), 'model') AS cause
                FROM run_assignments a JOIN model_runs r ON r.run_no = a.run_no
                WHERE a.previous_tier IS NOT a.tier;
            """
    }
}
