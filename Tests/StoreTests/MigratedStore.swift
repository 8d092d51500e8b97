import Foundation
@testable import Store
import GRDB

/// A store file migrated only up to an older migration and filled with rows in that schema: the
/// starting point of every migration test. The caller removes `directory`.
enum MigratedStore {
    static func make(upTo migration: String, sql: String) throws -> (directory: URL, path: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("risktier-\(migration)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("s.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: migration)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
        return (directory, path)
    }
}
