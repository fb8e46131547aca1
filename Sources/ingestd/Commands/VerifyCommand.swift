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
            naming the document or capture, and exits 65 when there is any. Safe while a run writes; \
            writes nothing.

            An archive damaged at page level (a disk error, a truncated copy) cannot be read as a whole: \
            --salvage then reads documents and captures one by one, and names the ids it could not read \
            and those whose bytes are damaged.

            Example: ingestd verify --salvage

            \(ExitStatus.help)
            """)

    @OptionGroup var archive: ArchiveOptions
    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Read a damaged archive row by row and name what cannot be read.") var salvage = false

    func run() throws {
        try CommandFailure.reporting {
            if salvage { return try runSalvage() }
            let counts: ArchiveStore.VerifyCounts, problems: [IntegrityProblem]
            do {
                (counts, problems) = archive.isPostgres ? try archive.openPostgres().verify() : try archive.openReadOnly().verify()
            } catch let failure as CommandFailure where failure.message.contains("malformed") {
                throw CommandFailure(.dataError, "\(failure.message): the archive is damaged at page level; "
                                     + "`ingestd verify --salvage` reads what it can and names the rest")
            } catch let error as ArchiveError where error.description.contains("malformed") {
                throw CommandFailure(.dataError, "\(archive.path): \(error.description): the archive is damaged at page level; "
                                     + "`ingestd verify --salvage` reads what it can and names the rest")
            }
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
                throw CommandFailure(.dataError, "\(archive.label): \(problems.count) problems; first: \(problems[0].description)")
            }
        }
    }

    private func runSalvage() throws {
        let store: ArchiveStore
        do { store = try ArchiveStore.openForSalvage(path: archive.path) } catch {
            throw CommandFailure(.ioError, error.description)
        }
        let report = store.salvage()
        if json { try JSONOutput.print(report) } else { printSalvage(report) }
        if !report.isClean { throw CommandFailure(.dataError, "\(archive.path): damaged; the ids named could not be read whole") }
    }

    private func printSalvage(_ report: ArchiveStore.SalvageReport) {
        for table in report.tables {
            if let failure = table.failure { print("\(table.name): \(failure)") }
            for range in table.unreadable {
                print("\(table.name) \(range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)-\(range.upperBound)"): unreadable")
            }
            for id in table.damaged { print("\(table.name) \(id): damaged (does not decompress or hash to its SHA-256)") }
            let unreadable = table.unreadable.reduce(0) { $0 + $1.count }
            print("salvage: \(table.name): \(table.sound) sound, \(table.damaged.count) damaged, \(unreadable) unreadable")
        }
    }
}
