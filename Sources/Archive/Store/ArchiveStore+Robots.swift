import Foundation
import GRDB

extension ArchiveStore {
    /// A host's robots.txt as last stored (status and body), if fetched since `freshSince`.
    public func robotsTxt(host: String, freshSince: Date) throws(ArchiveError) -> (status: Int, body: Data)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT status, body FROM robots_txt WHERE host = ? AND fetched_at >= ?",
                             arguments: [host, freshSince]).map { ($0["status"], $0["body"]) }
        }
    }

    public func saveRobotsTxt(host: String, status: Int, body: Data, at time: Date) throws(ArchiveError) {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO robots_txt (host, status, body, fetched_at) VALUES (?, ?, ?, ?)",
                           arguments: [host, status, body, time])
        }
    }
}
