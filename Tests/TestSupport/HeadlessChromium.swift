import Foundation

/// Debian's Chromium, headless, for tests that look at a page as a browser draws it: a
/// screenshot, and the DOM after loading. Each call is a fresh browser with a throwaway
/// profile, no sandbox (tests run as root), no GPU, and no way out to the network (every
/// host name resolves to nothing), killed if it takes over two minutes.
///
/// `make test` installs Chromium (scripts/install-deps.sh); where it is missing,
/// `unavailable` says why and the browser tests do not run.
public enum HeadlessChromium {
    static let binary = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    public static let unavailable: String? = binary == nil ? "Chromium is not installed (no /usr/bin/chromium); make test installs it" : nil

    /// Draws `page` in a `width`×`height` window and writes it as PNG to `png`.
    public static func screenshot(of page: URL, to png: URL, width: Int, height: Int) throws {
        _ = try run(["--window-size=\(width),\(height)", "--screenshot=\(png.path)", page.absoluteString])
        guard FileManager.default.fileExists(atPath: png.path) else { throw TestFailure("Chromium wrote no screenshot of \(page.path)") }
    }

    /// The DOM of `page` once loaded, serialized.
    public static func dom(of page: URL) throws -> String {
        try run(["--dump-dom", page.absoluteString])
    }

    private static func run(_ arguments: [String]) throws -> String {
        guard let binary else { throw TestFailure(unavailable!) }
        let profile = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                             "--no-first-run", "--disable-extensions", "--user-data-dir=\(profile.path)",
                             "--host-resolver-rules=MAP * ~NOTFOUND"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        guard process.terminationStatus == 0 else { throw TestFailure("Chromium \(arguments) exited with \(process.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }
}
