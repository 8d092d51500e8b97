import Foundation
import Lottery

/// File access for the draw commands: whole-file reads and all-or-nothing writes.
enum DrawFiles {
    static func read(_ path: String) throws(DrawError) -> Data {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .io(path: path, problem: "no such file")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .io(path: path, problem: "cannot be read (\(error.localizedDescription))")
        }
    }

    static func readBytes(_ path: String) throws(DrawError) -> [UInt8] { [UInt8](try read(path)) }

    static func path(_ directory: String, _ name: String) -> String {
        URL(fileURLWithPath: directory).appendingPathComponent(name).path
    }

    /// Writes every file or none: each goes to a temporary file in the target directory first,
    /// and only when all are written are they renamed into place.
    static func writeAll(_ files: [(name: String, data: Data)], to directory: String) throws(DrawError) {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .io(path: directory, problem: "cannot create the output directory (\(error.localizedDescription))")
        }
        var temporaries: [(temporary: String, final: String)] = []
        do {
            for (index, file) in files.enumerated() {
                let final = path(directory, file.name)
                let temporary = path(directory, ".\(file.name).partial-\(index)")
                try file.data.write(to: URL(fileURLWithPath: temporary))
                temporaries.append((temporary, final))
            }
        } catch {
            for entry in temporaries { try? manager.removeItem(atPath: entry.temporary) }
            throw .io(path: directory, problem: "cannot write (\(error.localizedDescription)); nothing was written")
        }
        for entry in temporaries where rename(entry.temporary, entry.final) != 0 {
            throw .io(path: entry.final, problem: "cannot move into place (errno \(errno))")
        }
    }
}
