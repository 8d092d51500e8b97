import Synthesis
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams each `CityFile` into a temporary file in the output directory through a 1 MiB
/// stdio buffer, and renames all of them into place only when generation finished: on error
/// the directory keeps no partial output.
struct SynthFileSink: CityRowSink {
    private var handles: [CityFile: UnsafeMutablePointer<FILE>] = [:]
    private(set) var failure: SynthOutputError?
    let directory: String
    private let suffix: String

    init(directory: String) throws(SynthOutputError) {
        self.directory = directory
        // The temporary name carries the process id so two runs into one directory do not collide.
        suffix = ".tmp-\(getpid())"
        var isDirectory = stat()
        if stat(directory, &isDirectory) != 0 {
            guard mkdir(directory, 0o755) == 0 else {
                throw SynthOutputError(path: directory, message: "cannot create the output directory: \(String(cString: strerror(errno)))")
            }
        } else if (isDirectory.st_mode & S_IFMT) != S_IFDIR {
            throw SynthOutputError(path: directory, message: "exists and is not a directory; choose another --out")
        }
        for file in CityFile.allCases {
            let path = temporaryPath(file)
            guard let handle = fopen(path, "wb") else {
                let reason = String(cString: strerror(errno))
                discard()
                throw SynthOutputError(path: path, message: "cannot create: \(reason)")
            }
            setvbuf(handle, nil, _IOFBF, 1 << 20)
            handles[file] = handle
            write(file.header, to: handle)
        }
    }

    private func temporaryPath(_ file: CityFile) -> String { "\(directory)/\(file.fileName)\(suffix)" }

    private mutating func write(_ row: String, to handle: UnsafeMutablePointer<FILE>) {
        var line = row
        line.append("\n")
        let written = line.withUTF8 { fwrite($0.baseAddress, 1, $0.count, handle) }
        if written != line.utf8.count, failure == nil {
            failure = SynthOutputError(path: directory, message: "write failed: \(String(cString: strerror(errno)))")
        }
    }

    mutating func append(_ row: String, to file: CityFile) {
        write(row, to: handles[file]!)
    }

    /// Closes every file and renames it into place, or removes all of them on any failure.
    mutating func commit() throws(SynthOutputError) {
        for file in CityFile.allCases {
            if let handle = handles[file], fclose(handle) != 0, failure == nil {
                failure = SynthOutputError(path: temporaryPath(file), message: "close failed: \(String(cString: strerror(errno)))")
            }
        }
        handles = [:]
        if let failure {
            discard()
            throw failure
        }
        for file in CityFile.allCases {
            guard rename(temporaryPath(file), "\(directory)/\(file.fileName)") == 0 else {
                let reason = String(cString: strerror(errno))
                discard()
                throw SynthOutputError(path: "\(directory)/\(file.fileName)", message: "rename failed: \(reason)")
            }
        }
    }

    /// Removes the temporary files (after an error).
    mutating func discard() {
        for (_, handle) in handles { fclose(handle) }
        handles = [:]
        for file in CityFile.allCases { unlink(temporaryPath(file)) }
    }
}
