import Foundation

/// Debian's `chromium` run headless on a local file: a screenshot, the DOM after parsing and
/// layout (`--dump-dom`), and the console messages. Console messages are read from Chromium's
/// own log (`--enable-logging=stderr --v=0`), where every `console.*` call and every uncaught
/// exception is a line `…:CONSOLE:<line>] "<message>", source: <url> (<line>)` (the control
/// page in the tests proves the pattern is seen). Each run gets its own profile folder so
/// parallel runs never share state, and is killed after two minutes.
struct Chromium {
    let executable: URL

    /// `/usr/bin/chromium` (Debian), else `chromium` or `chromium-browser` on PATH; nil if none.
    static func find() -> Chromium? {
        var candidates = ["/usr/bin/chromium"]
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates += ["\(folder)/chromium", "\(folder)/chromium-browser"]
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { Chromium(executable: URL(fileURLWithPath: $0)) }
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Runs chromium with the common flags plus `extra`; returns stdout and the console lines.
    func run(_ page: URL, _ extra: [String]) throws -> (stdout: String, console: [String], stderr: String) {
        let profile = try Repository.temporaryDirectory("chromium-profile")
        defer { try? FileManager.default.removeItem(at: profile) }
        let arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                         "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0"] + extra + [page.absoluteString]
        let result = try Repository.run(executable, arguments, timeout: 120)
        guard result.status == 0 else {
            throw Failure(description: "chromium exited \(result.status): \(result.stderr.suffix(2000))")
        }
        let console = result.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") || $0.contains("CONSOLE(") }.map(String.init)
        return (result.stdout, console, result.stderr)
    }

    func screenshot(_ page: URL, to png: URL, width: Int, height: Int) throws -> [String] {
        try run(page, ["--hide-scrollbars", "--window-size=\(width),\(height)", "--screenshot=\(png.path)"]).console
    }

    func dumpDOM(_ page: URL) throws -> (dom: String, console: [String]) {
        let result = try run(page, ["--dump-dom"])
        return (result.stdout, result.console)
    }
}
