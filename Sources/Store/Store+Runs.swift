import Domain
import GRDB

extension Store {
    /// Re-scoring a month replaces that month's run (scores, assignments, history) in one
    /// transaction; a month before a later stored run is refused (the later run's stability
    /// and history were computed from the old one).
    public func recordRun(_ stored: StoredRun, assignments: [TierAssignment], drawable: (TierAssignment) -> Bool,
                          cause: (TierAssignment) -> String) throws(StoreError) {
        try run {
            try pool.write { db in
                let asOf = stored.asOf.description
                if let later = try String.fetchOne(db, sql: "SELECT as_of FROM model_runs WHERE as_of > ? ORDER BY as_of DESC LIMIT 1", arguments: [asOf]) {
                    throw StoreError.refused(message: "`--as-of` must not precede the newest stored run (as of \(later)): runs go forward month by month; got \(asOf)")
                }
                for table in ["tier_history", "tier_assignments", "scores"] {
                    try db.execute(sql: "DELETE FROM \(table) WHERE run_id IN (SELECT run_id FROM model_runs WHERE as_of = ?)", arguments: [asOf])
                }
                try db.execute(sql: "DELETE FROM model_runs WHERE as_of = ?", arguments: [asOf])
                try db.execute(sql: """
                    INSERT INTO model_runs (run_id, model_id, as_of, input_sha256, package_version, model_sha256, tier_counts, transitions)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [stored.runId, stored.modelId, asOf, stored.inputSHA256, stored.packageVersion, stored.modelSHA256, stored.tierCounts, stored.transitions])
                let score = try db.makeStatement(sql: "INSERT INTO scores (run_id, enterprise_id, probability, points, reasons) VALUES (?, ?, ?, ?, ?)")
                let tier = try db.makeStatement(sql: """
                    INSERT INTO tier_assignments (run_id, enterprise_id, model_tier, tier, override_code, reasons, drawable,
                                                  proposed_tier, previous_tier, pending_runs, pending_tier)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let history = try db.makeStatement(sql: "INSERT INTO tier_history (enterprise_id, run_id, as_of, from_tier, to_tier, cause) VALUES (?, ?, ?, ?, ?, ?)")
                for a in assignments {
                    let id = a.enterpriseId.value
                    if let s = a.score {
                        try score.execute(arguments: [stored.runId, id, s.probability, Int(s.points.rounded()), s.reasons.map(\.rawValue).joined(separator: ";")])
                    }
                    try tier.execute(arguments: [stored.runId, id, a.score?.modelTier.rawValue, a.tier?.rawValue,
                                                 a.overrides.isEmpty ? nil : a.overrides.map(\.rawValue).joined(separator: ";"),
                                                 a.reasons.map(\.code).joined(separator: ";"), drawable(a),
                                                 a.proposedTier?.rawValue, a.previousTier?.rawValue, a.pendingImprovement?.runs, a.pendingImprovement?.tier.rawValue])
                    if a.isTransition {
                        try history.execute(arguments: [id, stored.runId, asOf, a.previousTier?.rawValue, a.tier?.rawValue, cause(a)])
                    }
                }
            }
        }
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

    /// A stored run's assignments, by enterprise id: published tier, pending improvement and
    /// whether the enterprise may be drawn.
    public func assignments(ofRun runId: String) throws(StoreError) -> [StoredAssignment] {
        try run {
            try pool.read { db in
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT enterprise_id, model_tier, tier, pending_runs, pending_tier, drawable, override_code
                    FROM tier_assignments WHERE run_id = ? ORDER BY enterprise_id
                    """, arguments: [runId])
                var result: [StoredAssignment] = []
                while let row = try rows.next() {
                    let id: String = row[0]
                    func tier(_ index: Int) throws -> Tier? {
                        try (row[index] as String?).map { try Decode.raw($0, Tier.self, table: "tier_assignments", key: id) }
                    }
                    var pending: PendingImprovement?
                    if let pendingTier = try tier(4), let runs = row[3] as Int? { pending = PendingImprovement(runs: runs, tier: pendingTier) }
                    let overrides = try ((row[6] as String?) ?? "").split(separator: ";").map {
                        try Decode.raw(String($0), OverrideCode.self, table: "tier_assignments", key: id)
                    }
                    result.append(StoredAssignment(enterpriseId: CreditCode(unchecked: id), modelTier: try tier(1), tier: try tier(2),
                                                   pendingImprovement: pending, drawable: row[5], overrides: overrides))
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
                    return (CreditCode(unchecked: id), try (row[1] as String?).map { try Decode.raw($0, Tier.self, table: "tier_history", key: id) },
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
                        try ManualOverride(enterpriseId: CreditCode(unchecked: row[1]), tier: try Decode.raw(row[2], Tier.self, table: t, key: key),
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

    /// Every imported row (the ten import tables, rows by primary key) as `|`-joined text, for
    /// the run's input digest. Streams: memory does not grow with the store.
    ///
    /// A value renders as `NULL`, an integer or a double in decimal, text as `<UTF-8 length>:<text>`
    /// (length-prefixed, so no separator inside a text is ambiguous), a blob as `x<hex>`.
    /// NOTE: not `DatabaseValue.description`, which escapes every string through
    /// `debugDescription`: measured at 44 % of `risktier score`'s CPU at 10⁵ firms (perf).
    public func forEachImportedRow(_ body: (String) -> Void) throws(StoreError) {
        try run {
            try pool.read { db in
                var line = ""
                for table in StoreSchema.tables.prefix(10) {
                    body("## \(table)")
                    let order = try db.primaryKey(table).columns.map { "\"\($0)\"" }.joined(separator: ", ")
                    let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY \(order)")
                    while let row = try rows.next() {
                        line.removeAll(keepingCapacity: true)
                        for index in 0..<row.count {
                            if index > 0 { line += "|" }
                            switch (row[index] as DatabaseValue).storage {
                            case .null: line += "NULL"
                            case let .int64(value): line += String(value)
                            case let .double(value): line += "\(value)"
                            case let .string(text):
                                line += String(text.utf8.count)
                                line += ":"
                                line += text
                            case let .blob(data): line += "x" + data.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
                            }
                        }
                        body(line)
                    }
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
