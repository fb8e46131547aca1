import ArgumentParser
import Archive

/// `ingestd verify`: every stored byte checked against its hash, and the database's own checks.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every stored text and capture against its SHA-256, and the database's integrity.",
        discussion: """
            Decompresses every document text and raw capture, hashes it again and compares it with the \
            stored SHA-256, then runs SQLite's integrity_check and foreign_key_check. Prints each problem \
            naming the document or capture, and exits 65 when there is any. Safe while a run writes.

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        try CommandFailure.reporting {
            let (counts, problems) = try archive.openReadOnly().verify()
            if json {
                struct Report: Encodable {
                    var checked: ArchiveStore.VerifyCounts
                    var problems: [IntegrityProblem]
                }
                try JSONOutput.print(Report(checked: counts, problems: problems))
            } else {
                for p in problems { print(p.description) }
                let restored = counts.capturesWithoutBody > 0 ? " (\(counts.capturesWithoutBody) restored from an export without their raw body)" : ""
                print("verify: \(counts.documents) documents and \(counts.captures) captures checked\(restored), \(problems.count) problems")
            }
            if !problems.isEmpty {
                throw CommandFailure(.dataError, "\(archive.path): \(problems.count) problems; first: \(problems[0].description)")
            }
        }
    }
}
