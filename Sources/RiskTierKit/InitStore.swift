import Store

/// `risktier init`: creates the store or applies pending migrations.
public enum InitStore {
    /// Returns one line per migration applied now, or a line saying the store is up to date.
    public static func run(storePath: String) throws -> String {
        let (store, applied) = try Store.create(path: storePath)
        let all = try store.appliedMigrations()
        if applied.isEmpty { return "\(storePath): up to date (migrations: \(all.joined(separator: ", ")))" }
        return "\(storePath): applied \(applied.joined(separator: ", "))"
    }
}
