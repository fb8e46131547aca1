import ArgumentParser
import Foundation

/// The exit codes of every command, following sysexits(3) so cron wrappers can tell them apart.
/// 64 (usage) comes from ArgumentParser itself when the command line does not parse.
enum ExitStatus: Int32 {
    case ok = 0
    case partial = 1          // the pass finished, but some feeds, entries or files failed
    case dataError = 65       // an input (file, feed, page) could not be used
    case noInput = 66         // an input path or archive object does not exist
    case cannotCreate = 73    // the archive or an output file cannot be created
    case ioError = 74         // reading or writing failed (disk full, permissions)
    case locked = 75          // another ingestd run holds the archive lock
    case config = 78          // the config file is missing or invalid

    /// The one line every command's help ends with.
    static let help = "Exit codes: see 'ingestd help exit-codes'."

    /// The table `ingestd help exit-codes` prints (and the README repeats).
    static let table = """
        0   ok: the work is done (for `run`: the pass completed, even when some feeds failed; they are \
        logged and counted)
        1   finished, but some inputs failed (`import`, `extract`, `feeds parse`; `run --strict`)
        64  usage error: the command line does not parse
        65  an input (file, feed, page, query) cannot be used
        66  an input path or archive object does not exist
        73  the archive or an output file cannot be created
        74  I/O error: reading or writing failed (disk full, permissions, an unreachable server)
        75  the archive is locked by another run (cron: try again next time)
        78  the config file is missing or invalid
        """
}

/// A command that could not do its work: what to tell the user and how to exit.
struct CommandFailure: Error, CustomStringConvertible {
    var status: ExitStatus
    var message: String

    init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    var description: String { message }

    /// Runs a command body, turning any failure into a message on stderr and an exit code.
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as CommandFailure {
            Console.fail(failure.message)
            throw ExitCode(failure.status.rawValue)
        } catch let error as ExitCode {
            throw error
        } catch {
            Console.fail("\(error)")
            throw ExitCode(ExitStatus.ioError.rawValue)
        }
    }
}
