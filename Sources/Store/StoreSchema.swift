import GRDB

/// Forward-only named migrations. Never edit a registered migration: add a new one.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-import") { db in
            // Dates are ISO `YYYY-MM-DD` text (they sort as dates); sets are `;`-joined sorted
            // tokens; money is integer fen; yes/no is 0/1. Every event keeps event_id,
            // enterprise_id, domain and recorded_on.
            try db.execute(sql: """
                CREATE TABLE enterprises (
                    enterprise_id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    domains TEXT NOT NULL,
                    district TEXT NOT NULL,
                    registered_on TEXT NOT NULL,
                    status TEXT NOT NULL,
                    status_changed_on TEXT,
                    bureau_id TEXT NOT NULL,
                    entity_type TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE uscc_exceptions (
                    enterprise_id TEXT PRIMARY KEY NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE inspectors (
                    inspector_id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    bureau_id TEXT NOT NULL,
                    district TEXT NOT NULL,
                    domains TEXT NOT NULL,
                    role TEXT NOT NULL,
                    cert_no TEXT,
                    cert_valid_until TEXT,
                    capacity INTEGER NOT NULL,
                    active INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE conflicts (
                    inspector_id TEXT NOT NULL REFERENCES inspectors(inspector_id),
                    enterprise_id TEXT NOT NULL REFERENCES enterprises(enterprise_id),
                    reason TEXT NOT NULL,
                    declared_on TEXT NOT NULL,
                    valid_until TEXT,
                    PRIMARY KEY (inspector_id, enterprise_id, reason, declared_on)
                ) WITHOUT ROWID;
                CREATE TABLE licences (
                    event_id TEXT PRIMARY KEY NOT NULL,
                    enterprise_id TEXT NOT NULL REFERENCES enterprises(enterprise_id),
                    domain TEXT NOT NULL,
                    recorded_on TEXT,
                    licence_id TEXT NOT NULL,
                    licence_type TEXT NOT NULL,
                    issued_on TEXT NOT NULL,
                    expires_on TEXT NOT NULL,
                    status TEXT NOT NULL,
                    status_changed_on TEXT
                );
                CREATE INDEX licences_by_enterprise ON licences(enterprise_id, issued_on);
                CREATE TABLE penalties (
                    event_id TEXT PRIMARY KEY NOT NULL,
                    enterprise_id TEXT NOT NULL REFERENCES enterprises(enterprise_id),
                    domain TEXT NOT NULL,
                    recorded_on TEXT,
                    decided_on TEXT NOT NULL,
                    decision_no TEXT NOT NULL,
                    procedure TEXT NOT NULL,
                    kinds TEXT NOT NULL,
                    fine_fen INTEGER NOT NULL,
                    confiscated_fen INTEGER NOT NULL,
                    heavy INTEGER NOT NULL,
                    publicity_ended_on TEXT,
                    severity INTEGER NOT NULL
                );
                CREATE INDEX penalties_by_enterprise ON penalties(enterprise_id, decided_on);
                CREATE TABLE sampling_tests (
                    event_id TEXT PRIMARY KEY NOT NULL,
                    enterprise_id TEXT NOT NULL REFERENCES enterprises(enterprise_id),
                    domain TEXT NOT NULL,
                    recorded_on TEXT,
                    sampled_on TEXT NOT NULL,
                    product_category TEXT NOT NULL,
                    stage TEXT NOT NULL,
                    result TEXT NOT NULL,
                    fail_class TEXT,
                    final INTEGER NOT NULL
                );
                CREATE INDEX sampling_tests_by_enterprise ON sampling_tests(enterprise_id, sampled_on);
                CREATE TABLE inspections (
                    event_id TEXT PRIMARY KEY NOT NULL,
                    enterprise_id TEXT NOT NULL REFERENCES enterprises(enterprise_id),
                    domain TEXT NOT NULL,
                    recorded_on TEXT,
                    inspected_on TEXT NOT NULL,
                    origin TEXT NOT NULL,
                    draw_id TEXT,
                    findings_count INTEGER NOT NULL,
                    max_severity TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    inspector_ids TEXT NOT NULL
                );
                CREATE INDEX inspections_by_enterprise ON inspections(enterprise_id, inspected_on);
                CREATE TABLE complaints (
                    event_id TEXT PRIMARY KEY NOT NULL,
                    enterprise_id TEXT NOT NULL REFERENCES enterprises(enterprise_id),
                    domain TEXT NOT NULL,
                    recorded_on TEXT,
                    received_on TEXT NOT NULL,
                    substantiated TEXT NOT NULL,
                    category TEXT NOT NULL
                );
                CREATE INDEX complaints_by_enterprise ON complaints(enterprise_id, received_on);
                CREATE TABLE list_entries (
                    event_id TEXT PRIMARY KEY NOT NULL,
                    enterprise_id TEXT NOT NULL REFERENCES enterprises(enterprise_id),
                    domain TEXT NOT NULL,
                    recorded_on TEXT,
                    list TEXT NOT NULL,
                    entered_on TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    exited_on TEXT,
                    exit_reason TEXT
                );
                CREATE INDEX list_entries_by_enterprise ON list_entries(enterprise_id, list, entered_on);
                """)
        }
        migrator.registerMigration("v1-runs") { db in
            // Filled by later stages (score, draw). A model run is one `risktier score` of a model
            // on an as-of date over a digest of its inputs.
            try db.execute(sql: """
                CREATE TABLE model_runs (
                    run_id TEXT PRIMARY KEY NOT NULL,
                    model_id TEXT NOT NULL,
                    as_of TEXT NOT NULL,
                    input_sha256 TEXT NOT NULL,
                    package_version TEXT NOT NULL,
                    UNIQUE (model_id, as_of, input_sha256)
                );
                CREATE TABLE scores (
                    run_id TEXT NOT NULL REFERENCES model_runs(run_id),
                    enterprise_id TEXT NOT NULL,
                    probability REAL NOT NULL,
                    points INTEGER NOT NULL,
                    reasons TEXT NOT NULL,
                    PRIMARY KEY (run_id, enterprise_id)
                ) WITHOUT ROWID;
                CREATE TABLE tier_assignments (
                    run_id TEXT NOT NULL REFERENCES model_runs(run_id),
                    enterprise_id TEXT NOT NULL,
                    model_tier TEXT,
                    tier TEXT,
                    override_code TEXT,
                    reasons TEXT NOT NULL,
                    drawable INTEGER NOT NULL,
                    PRIMARY KEY (run_id, enterprise_id)
                ) WITHOUT ROWID;
                CREATE TABLE tier_history (
                    enterprise_id TEXT NOT NULL,
                    run_id TEXT NOT NULL REFERENCES model_runs(run_id),
                    as_of TEXT NOT NULL,
                    from_tier TEXT,
                    to_tier TEXT,
                    cause TEXT NOT NULL,
                    PRIMARY KEY (enterprise_id, run_id)
                ) WITHOUT ROWID;
                CREATE TABLE manual_overrides (
                    override_id TEXT PRIMARY KEY NOT NULL,
                    enterprise_id TEXT NOT NULL,
                    tier TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    approver TEXT NOT NULL,
                    starts_on TEXT NOT NULL,
                    expires_on TEXT NOT NULL
                );
                CREATE TABLE draws (
                    draw_id TEXT PRIMARY KEY NOT NULL,
                    algorithm TEXT NOT NULL,
                    manifest_sha256 TEXT NOT NULL,
                    seed TEXT,
                    record_json TEXT
                );
                """)
        }
        registerRunDetails(&migrator)
        registerScoresInAssignments(&migrator)
        registerCompactRuns(&migrator)
        registerDropEventIndexes(&migrator)
        registerPackedRunCodes(&migrator)
        return migrator
    }

    /// Tables in dump order (`tier_assignments` and `tier_history` are views since v4; their
    /// rows are `run_assignments`' with the run's id and, since v6, the code lists as text;
    /// `reason_codes` since v6).
    static let tables = [
        "enterprises", "uscc_exceptions", "inspectors", "conflicts",
        "licences", "penalties", "sampling_tests", "inspections", "complaints", "list_entries",
        "model_runs", "tier_assignments", "tier_history", "manual_overrides", "draws", "reason_codes",
    ]
}
