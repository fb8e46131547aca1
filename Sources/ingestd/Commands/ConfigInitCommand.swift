import ArgumentParser
import Foundation

/// `ingestd config init [FILE]`: writes an annotated starter config that `config check` passes.
struct ConfigInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write an annotated starter config.",
        discussion: """
            FILE defaults to $INGESTD_CONFIG, else ~/.config/ingestd/ingestd.yaml; its folder is created. \
            An existing file is kept unless --force. Every setting is optional: ingestd runs with no config \
            at all, and config/ingestd.example.yaml lists them all with their defaults.

            Example: ingestd config init && ingestd feeds add https://example.org/rss.xml && ingestd run

            \(ExitStatus.help)
            """)

    @Argument(help: "Where to write it.") var file: String?
    @Flag(help: "Replace an existing file.") var force = false

    static let starter = """
        # ingestd configuration, written by `ingestd config init`. Every setting is optional; the full
        # list, with defaults, is config/ingestd.example.yaml. Check this file with `ingestd config check`.

        # Where the archive lives: a file (relative to this config) or a postgres:// URL. Without it:
        # --archive, $INGESTD_ARCHIVE, else archive.sqlite in the XDG data folder.
        # archive:
        #   url: archive.sqlite

        # Feeds to follow. `ingestd feeds add URL` adds more without editing this file.
        feeds: []
        #  - url: https://example.org/rss.xml
        #    name: Example News

        fetch:
          # Minutes between two fetches of a feed after a success (longer when the feed asks).
          interval_minutes: 15
          # Seconds between two requests to one host.
          per_host_delay_seconds: 1
          # Fetch article pages only where the site's robots.txt allows.
          obey_robots: true

        """

    func run() throws {
        try CommandFailure.reporting {
            let path = try ConfigOptions.parse(file.map { ["--config", $0] } ?? []).path
            let url = URL(fileURLWithPath: path)
            if FileManager.default.fileExists(atPath: path), !force {
                throw CommandFailure(.cannotCreate, "\(path) exists; kept (pass --force to replace it)")
            }
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(Self.starter.utf8).write(to: url, options: .atomic)
            } catch {
                throw CommandFailure(.cannotCreate, "\(path): \(error.localizedDescription)")
            }
            print("wrote \(path)")
        }
    }
}
