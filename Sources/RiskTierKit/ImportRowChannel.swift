import Foundation
import Ingest
import Store

/// Hands validated rows from the reading thread to the writing thread of `ImportRun`, in batches,
/// holding at most 16 batches (a few MB): memory stays bounded whatever the file sizes. The
/// reader closes the channel after the last file. 16 rather than the channel's default 4 lets
/// either thread run ahead through the other's stalls (a WAL spill, a file switch): interleaved
/// 10⁶ imports 14.23 / 13.99 / 10.64 s → 14.12 / 12.09 / 10.09 s, +2 MiB peak
/// (Benchmarks/README.md "Import", session 5).
///
/// Why two threads: `perf` of the single-threaded import (Benchmarks/README.md "Import") showed
/// SQLite's own insert work alone about as large as all of `sqlite3 .import`, with parsing and
/// validation on top; on two cores the reader validates the next rows while SQLite inserts.
final class ImportRowChannel: BoundedChannel<ImportRowChannel.Item>, @unchecked Sendable {
    // NOTE: @unchecked: the state is the base class's, guarded by its lock.

    /// Rows of the file at `fileIndex` (in apply order), rendered for the store, each with its
    /// line. The reading thread renders them so that the writing thread, the import's critical
    /// path, only binds and steps (`RenderedRows`).
    struct Batch {
        var fileIndex: Int
        var rows: RenderedRows
    }

    enum Item {
        case batch(Batch)
        /// The reader failed: the writer rethrows it after the rows before it.
        case failure(any Error)
    }

    static let batchSize = 2048

    init() { super.init(depth: 16) }
}

/// The reading side of `ImportRun`: every file in apply order, validated with one
/// `ImportContext`, on its own thread.
final class ImportReaderThread: @unchecked Sendable {
    // NOTE: @unchecked because the readers and the context are touched only by the thread
    // between `start()` and `finished.wait()`, and only by the caller after it.
    private let readers: [ImportFileReader]
    private var context: ImportContext
    private let channel: ImportRowChannel
    private let finished = DispatchSemaphore(value: 0)

    init(readers: [ImportFileReader], context: ImportContext, channel: ImportRowChannel) {
        self.readers = readers
        self.context = context
        self.channel = channel
    }

    func start() {
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Blocks until the thread has returned.
    func join() { finished.wait() }

    private func run() {
        // A local, uniquely referenced context: no copy on write and no dynamic exclusivity
        // check of a class property per row.
        var context = self.context
        self.context = ImportContext(extractDate: nil)
        do {
            for (index, reader) in readers.enumerated() {
                var rows = RenderedRows(reservingRows: ImportRowChannel.batchSize)
                while let (line, row) = try reader.next(context: &context) {
                    switch row {
                    case let .usccException(code): rows.appendUSCCException(code, line: line)
                    case let .enterprise(enterprise): rows.append(enterprise, line: line)
                    case let .inspector(inspector): rows.append(inspector, line: line)
                    case let .event(event): rows.append(event, line: line)
                    case let .conflict(conflict): rows.append(conflict, line: line)
                    }
                    if rows.count == ImportRowChannel.batchSize {
                        guard channel.send(.batch(.init(fileIndex: index, rows: rows))) else { return }
                        // A new buffer: the channel holds the full one (no copy on write).
                        rows = RenderedRows(reservingRows: ImportRowChannel.batchSize)
                    }
                }
                if !rows.isEmpty {
                    guard channel.send(.batch(.init(fileIndex: index, rows: rows))) else { return }
                }
            }
            channel.close()
        } catch {
            channel.send(.failure(error))
            channel.close()
        }
    }
}
