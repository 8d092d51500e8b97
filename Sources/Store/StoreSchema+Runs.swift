import GRDB

extension StoreSchema {
    /// `v2-run-details`: what the stability rule and the run summary need from a stored run
    /// (the v1 tables keep only the published tier). Additive columns only.
    static func registerRunDetails(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-run-details") { db in
            try db.execute(sql: """
                ALTER TABLE model_runs ADD COLUMN model_sha256 TEXT NOT NULL DEFAULT '';
                ALTER TABLE model_runs ADD COLUMN tier_counts TEXT NOT NULL DEFAULT '';
                ALTER TABLE model_runs ADD COLUMN transitions INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE tier_assignments ADD COLUMN proposed_tier TEXT;
                ALTER TABLE tier_assignments ADD COLUMN previous_tier TEXT;
                ALTER TABLE tier_assignments ADD COLUMN pending_runs INTEGER;
                ALTER TABLE tier_assignments ADD COLUMN pending_tier TEXT;
                ALTER TABLE draws ADD COLUMN task_date TEXT;
                ALTER TABLE draws ADD COLUMN task_domain TEXT;
                """)
        }
    }

    /// `v3-scores-in-assignments`: a run's probability, points and model reasons move into its
    /// `tier_assignments` row and the `scores` table goes. Nothing read `scores`; writing a second
    /// row per firm (own key, own B-tree) was about a third of recording a month (perf, 10⁵
    /// firms). Rows stored before are carried over.
    static func registerScoresInAssignments(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-scores-in-assignments") { db in
            try db.execute(sql: """
                ALTER TABLE tier_assignments ADD COLUMN probability REAL;
                ALTER TABLE tier_assignments ADD COLUMN points INTEGER;
                ALTER TABLE tier_assignments ADD COLUMN model_reasons TEXT;
                UPDATE tier_assignments SET (probability, points, model_reasons) =
                    (SELECT s.probability, s.points, s.reasons FROM scores s
                     WHERE s.run_id = tier_assignments.run_id AND s.enterprise_id = tier_assignments.enterprise_id);
                DROP TABLE scores;
                """)
        }
    }

    /// `v4-compact-run-rows`: a run's per-firm rows move into `run_assignments`, keyed by an
    /// integer run number (`model_runs.run_no`) instead of the repeated run id text, with
    /// `reasons` NULL where it equals `model_reasons` (no override: about 70 % of firms); and
    /// `tier_history` is no longer stored: every one of its rows was a copy of an assignment row
    /// whose previous tier differs from its tier (cause: its overrides, or `model`). Recording a
    /// month at 10⁶ firms wrote 1 M assignment rows (178 MB) plus 0.9 M first-run history rows
    /// (62 MB); it was 41 % of the run's CPU time. `tier_assignments` and `tier_history` are
    /// views with the former columns, so SQL over them reads as before.
    ///
    /// Rows stored before are carried over: a firm's previous tier is made to agree with the
    /// stored history (a history row: its `from_tier`; none: no transition, so its tier — rows
    /// from before v2 had no previous tier), then the migration checks that the views give back
    /// every former row exactly and fails (leaving the store as it was) if not.
    static func registerCompactRuns(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-compact-run-rows") { db in
            try db.execute(sql: """
                ALTER TABLE model_runs ADD COLUMN run_no INTEGER;
                UPDATE model_runs SET run_no = (SELECT COUNT(*) FROM model_runs m
                    WHERE m.as_of < model_runs.as_of OR (m.as_of = model_runs.as_of AND m.run_id <= model_runs.run_id));
                CREATE UNIQUE INDEX model_runs_by_number ON model_runs(run_no);
                CREATE TABLE run_assignments (
                    run_no INTEGER NOT NULL,
                    enterprise_id TEXT NOT NULL,
                    model_tier TEXT,
                    tier TEXT,
                    override_code TEXT,
                    reasons TEXT,
                    drawable INTEGER NOT NULL,
                    proposed_tier TEXT,
                    previous_tier TEXT,
                    pending_runs INTEGER,
                    pending_tier TEXT,
                    probability REAL,
                    points INTEGER,
                    model_reasons TEXT,
                    PRIMARY KEY (run_no, enterprise_id)
                ) WITHOUT ROWID;
                INSERT INTO run_assignments
                    SELECT r.run_no, a.enterprise_id, a.model_tier, a.tier, a.override_code,
                           CASE WHEN a.reasons = a.model_reasons THEN NULL ELSE a.reasons END,
                           a.drawable, a.proposed_tier,
                           CASE WHEN h.enterprise_id IS NOT NULL THEN h.from_tier
                                WHEN a.previous_tier IS NOT a.tier THEN a.tier
                                ELSE a.previous_tier END,
                           a.pending_runs, a.pending_tier, a.probability, a.points, a.model_reasons
                    FROM tier_assignments a JOIN model_runs r ON r.run_id = a.run_id
                    LEFT JOIN tier_history h ON h.run_id = a.run_id AND h.enterprise_id = a.enterprise_id;
                ALTER TABLE tier_assignments RENAME TO tier_assignments_v3;
                ALTER TABLE tier_history RENAME TO tier_history_v3;
                CREATE VIEW tier_assignments AS
                    SELECT r.run_id, a.enterprise_id, a.model_tier, a.tier, a.override_code, COALESCE(a.reasons, a.model_reasons) AS reasons,
                           a.drawable, a.proposed_tier, a.previous_tier, a.pending_runs, a.pending_tier, a.probability, a.points, a.model_reasons
                    FROM run_assignments a JOIN model_runs r ON r.run_no = a.run_no;
                CREATE VIEW tier_history AS
                    SELECT a.enterprise_id, r.run_id, r.as_of, a.previous_tier AS from_tier, a.tier AS to_tier,
                           COALESCE(a.override_code, 'model') AS cause
                    FROM run_assignments a JOIN model_runs r ON r.run_no = a.run_no
                    WHERE a.previous_tier IS NOT a.tier;
                """)
            // Every former row back from the views (the previous tier excepted for rows from
            // before v2, which had none), and nothing more.
            let assignmentColumns = "run_id, enterprise_id, model_tier, tier, override_code, reasons, drawable, proposed_tier, pending_runs, pending_tier, probability, points, model_reasons"
            let historyColumns = "enterprise_id, run_id, as_of, from_tier, to_tier, cause"
            for (old, view, columns) in [("tier_assignments_v3", "tier_assignments", assignmentColumns), ("tier_history_v3", "tier_history", historyColumns)] {
                let differing = try Int.fetchOne(db, sql: """
                    SELECT (SELECT COUNT(*) FROM (SELECT \(columns) FROM \(old) EXCEPT SELECT \(columns) FROM \(view)))
                         + (SELECT COUNT(*) FROM (SELECT \(columns) FROM \(view) EXCEPT SELECT \(columns) FROM \(old)))
                    """) ?? 0
                guard differing == 0 else {
                    throw StoreError.corrupt(table: old, key: "*", message: "\(differing) stored rows cannot be carried over to `\(view)` (v4-compact-run-rows)")
                }
            }
            try db.execute(sql: "DROP TABLE tier_assignments_v3; DROP TABLE tier_history_v3")
        }
    }
}
