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
}
