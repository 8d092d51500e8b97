import Foundation

/// A file's header names, looked up by the column names the readers spell as literals.
///
/// Why not `[String]` and `==`: every field of every row is found by name, and String
/// comparison (`_stringCompareWithSmolCheck`) was ≈ 4 % of the reading thread's samples in `perf`
/// of an import (Benchmarks/README.md "Import"). A `StaticString` is its UTF-8 bytes in the
/// binary: comparing lengths and then bytes needs no String machinery. Immutable (`let` only),
/// so reads carry no exclusivity checks.
final class ColumnNames: @unchecked Sendable {
    // NOTE: @unchecked because the storage is written only in `init`.
    private let bytes: UnsafeMutablePointer<UInt8>
    private let offsets: [Int]
    private let lengths: [Int]

    init(_ names: [String]) {
        var offsets: [Int] = []
        var lengths: [Int] = []
        var all: [UInt8] = []
        for name in names {
            offsets.append(all.count)
            lengths.append(name.utf8.count)
            all += Array(name.utf8)
        }
        bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(all.count, 1))
        bytes.initialize(from: all, count: all.count)
        self.offsets = offsets
        self.lengths = lengths
    }

    deinit { bytes.deallocate() }

    /// The position of the column named `field` (exact bytes), or nil.
    @inline(__always)
    func index(of field: StaticString) -> Int? {
        let count = field.utf8CodeUnitCount
        for index in lengths.indices where lengths[index] == count
            && memcmp(bytes + offsets[index], field.utf8Start, count) == 0 {
            return index
        }
        return nil
    }
}
