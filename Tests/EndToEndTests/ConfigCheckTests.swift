import Foundation
import Testing
import TestSupport

/// `ingestd config check` and `config init`: what is wrong with a config, where, and a start
/// that works.
struct ConfigCheckTests {
    /// Ten ways to get a config wrong, each named with the line and column of what is wrong.
    @Test(arguments: [
        ("feeds: []\nfetchh:\n  retries: 2\n", "2:1", "unknown setting \"fetchh\" in top level"),
        ("fetch:\n  retries: 2\n  retrys: 3\n", "3:3", "unknown setting \"retrys\" in section fetch"),
        ("fetch:\n  retries: many\n", "2:12", "fetch.retries should be"),
        ("fetch:\n  interval_minutes: 5\n  max_body_bytes: 0\n", "3:19", "fetch.max_body_bytes must be at least 1"),
        ("fetch:\n  allow_networks: [10.0.0.0/33]\n", "2:19", "10.0.0.0/33\" is not an address"),
        ("feeds:\n  - https://news.example/rss\n", "2:5", "feeds[0] must be a mapping with a url"),
        ("feeds:\n  - url: https://news.example/rss\n    titel: News\n", "3:5", "unknown setting \"titel\" in section feeds[]"),
        ("feeds:\n  - url: https://news.example/rss\n  - url: gopher://news.example/1\n", "3:10", "feeds[1].url: gopher://news.example/1"),
        ("normalizer:\n  max_parse_seconds: 0\n", "2:22", "max_parse_seconds above 0"),
        ("fetch:\n\tretries: 2\n", "2:1", "not valid YAML"),
    ])
    func aMalformedConfigIsNamedWithItsLineAndColumn(yaml: String, position: String, reason: String) throws {
        let folder = try TestPaths.temporaryFolder()
        let file = folder.appendingPathComponent("ingestd.yaml")
        try Data(yaml.utf8).write(to: file)
        let check = try IngestdProcess.run(["config", "check", file.path])
        #expect(check.status == 78, "\(check.stdout)")
        #expect(check.stderr.contains("config \(file.path):\(position): "), "\(check.stderr)")
        #expect(check.stderr.contains(reason), "\(check.stderr)")
        let run = try IngestdProcess.run(["run", "--config", file.path, "--archive", folder.appendingPathComponent("a.sqlite").path])
        #expect(run.status == 78 && run.stderr.contains(":\(position): "), "every command names the place: \(run.stderr)")
    }

    /// `config init` writes a starter that `config check` passes and keeps a file it finds;
    /// with no config at all, `feeds add` then `run` works on defaults; HOME and XDG are honoured.
    @Test func aStarterConfigAndNoConfigAtAllBothWork() throws {
        let home = try TestPaths.temporaryFolder()
        let site = try FetchSite()
        try site.feed("a", items: [("g1", "news/one.html")])
        let env = ["HOME": home.path, "XDG_CONFIG_HOME": "", "XDG_DATA_HOME": "", "INGESTD_CONFIG": "", "INGESTD_ARCHIVE": ""]
        // No config: the archive goes to $HOME/.local/share/ingestd, feeds live in it.
        let add = try IngestdProcess.run(["feeds", "add", "--no-check", site.server.url("feeds/a.rss")], environment: env)
        #expect(add.status == 0, "\(add.stderr)")
        let archive = home.appendingPathComponent(".local/share/ingestd/archive.sqlite").path
        #expect(FileManager.default.fileExists(atPath: archive))
        let run = try IngestdProcess.run(["run"], environment: env)
        #expect(run.status == 0 && run.stdout.contains("1 feeds"), "\(run.stdout) \(run.stderr)")
        // A starter config, in $XDG_CONFIG_HOME when it is set.
        let xdg = home.appendingPathComponent("xdg-config")
        let initialized = try IngestdProcess.run(["config", "init"], environment: env.merging(["XDG_CONFIG_HOME": xdg.path]) { $1 })
        let written = xdg.appendingPathComponent("ingestd/ingestd.yaml").path
        #expect(initialized.status == 0 && FileManager.default.fileExists(atPath: written), "\(initialized.stderr)")
        let check = try IngestdProcess.run(["config", "check", written])
        #expect(check.status == 0 && check.stdout.contains("ok"), "\(check.stderr)")
        let again = try IngestdProcess.run(["config", "init", written])
        #expect(again.status == 73 && again.stderr.contains("exists"), "\(again.stderr)")
        let empty = home.appendingPathComponent("empty.yaml")
        try Data("# nothing set\n".utf8).write(to: empty)
        #expect(try IngestdProcess.run(["config", "check", empty.path]).status == 0, "an empty config means the defaults")
    }
}
