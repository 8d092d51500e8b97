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
}
