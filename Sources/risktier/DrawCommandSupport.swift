import ArgumentParser
import RiskTierKit

/// Runs a draw workflow step, printing a `DrawError` on stderr with the exit code it calls
/// for: 2 for usage problems, 1 for bad or unreadable files.
func runDrawStep<T>(_ body: () throws(DrawError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        printError("error: \(error.description)")
        if case .usage = error { throw ExitCode(2) }
        throw ExitCode(1)
    }
}

func printError(_ text: String) {
    var standardError = StandardError()
    print(text, to: &standardError)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandleStandardError.write(string)
    }
}
