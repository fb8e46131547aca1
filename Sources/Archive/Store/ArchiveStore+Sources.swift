import Foundation
import GRDB

extension ArchiveStore {
    /// The id of the source with this URL, created with `kind` ("feed", "import") if new.
    public func ensureSource(url: String, kind: String) throws(ArchiveError) -> Int64 {
        try write { db in try Self.ensureSource(url: url, kind: kind, db) }
    }

    static func ensureSource(url: String, kind: String, _ db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM sources WHERE url = ?"), arguments: [url]) { return id }
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT source_id FROM source_aliases WHERE url = ?"), arguments: [url]) { return id }
        try db.execute(sql: "INSERT INTO sources (kind, url, created_at) VALUES (?, ?, ?)", arguments: [kind, url, Date()])
        return db.lastInsertedRowID
    }

    public func feedState(sourceID: Int64) throws(ArchiveError) -> FeedState {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sources WHERE id = ?", arguments: [sourceID]) else {
                throw ArchiveError.notFound("source \(sourceID)")
            }
            return Self.feedState(row)
        }
    }

    /// Feed sources not removed, in the order they were added; with `dueAt`, only those
    /// not parked whose next fetch is due by then.
    public func feeds(dueAt time: Date? = nil) throws(ArchiveError) -> [FeedState] {
        try read { db in
            var sql = "SELECT * FROM sources WHERE kind = 'feed' AND removed_at IS NULL"
            var arguments: StatementArguments = []
            if let time {
                sql += " AND parked_reason IS NULL AND (next_fetch_at IS NULL OR next_fetch_at <= ?)"
                arguments = [time]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map(Self.feedState)
        }
    }

    static func feedState(_ row: Row) -> FeedState {
        FeedState(sourceID: row["id"], url: row["url"], kind: row["kind"], title: row["title"], etag: row["etag"],
                  lastModified: row["last_modified"], lastBodySHA256: row["last_body_sha256"],
                  lastFetchedAt: row["last_fetched_at"], lastStatus: row["last_status"], errorCount: row["error_count"],
                  lastError: row["last_error"], nextFetchAt: row["next_fetch_at"], intervalSeconds: row["interval_seconds"],
                  parkedReason: row["parked_reason"], urlFromWeb: row["url_from_web"])
    }

    /// Adds a feed, or brings back one that was removed or parked (due at once, errors cleared).
    /// `title` fills in a title the feed has not given yet.
    /// `fromWeb`: the URL was found on a page rather than given (see `FeedState.urlFromWeb`);
    /// adding a URL as given makes it the operator's again.
    public func addFeed(url: String, title: String? = nil, fromWeb: Bool = false) throws(ArchiveError) -> Int64 {
        try write { db in
            let id = try Self.ensureSource(url: url, kind: "feed", db)
            try db.execute(sql: "UPDATE sources SET url_from_web = ? WHERE id = ?", arguments: [fromWeb, id])
            try db.execute(sql: "UPDATE sources SET title = COALESCE(title, ?) WHERE id = ?", arguments: [title, id])
            try db.execute(sql: """
                UPDATE sources SET removed_at = NULL, parked_reason = NULL, next_fetch_at = NULL, error_count = 0
                WHERE id = ? AND (removed_at IS NOT NULL OR parked_reason IS NOT NULL)
                """, arguments: [id])
            return id
        }
    }

    /// Stops fetching a feed; its documents and their provenance stay. False if unknown.
    public func removeFeed(url: String) throws(ArchiveError) -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE sources SET removed_at = ? WHERE url = ? AND kind = 'feed' AND removed_at IS NULL",
                           arguments: [Date(), url])
            return db.changesCount > 0
        }
    }

    /// Records how a fetch of a feed ended. A success resets the error count; a failure
    /// raises it and may park the feed. Call a success only after every entry of that body
    /// is archived, so a crash mid-pass makes the next run fetch the feed in full again
    /// instead of trusting a 304.
    public func recordFeed(sourceID: Int64, _ result: FeedResult, at time: Date) throws(ArchiveError) {
        try write { db in
            switch result {
            case let .success(status, title, etag, lastModified, bodySHA256, interval, next):
                try db.execute(sql: """
                    UPDATE sources SET title = COALESCE(?, title), last_status = ?, etag = COALESCE(?, etag),
                        last_modified = COALESCE(?, last_modified), last_body_sha256 = COALESCE(?, last_body_sha256),
                        interval_seconds = COALESCE(?, interval_seconds), last_fetched_at = ?, next_fetch_at = ?,
                        error_count = 0, last_error = NULL
                    WHERE id = ?
                    """, arguments: [title, status, etag, lastModified, bodySHA256, interval, time, next, sourceID])
            case let .failure(status, error, next, park):
                try db.execute(sql: """
                    UPDATE sources SET last_status = ?, last_fetched_at = ?, error_count = error_count + 1,
                        last_error = ?, next_fetch_at = ?, parked_reason = COALESCE(?, parked_reason)
                    WHERE id = ?
                    """, arguments: [status, time, error, next, park, sourceID])
            }
        }
    }

    /// Archives a body of a feed as one of its captures (once: the same URL and body hash is
    /// the same capture).
    public func keepFeedCapture(sourceID: Int64, _ capture: CaptureInput) throws(ArchiveError) {
        try write { db in
            let captureID = try Self.upsertCapture(capture, base: nil, db)
            try db.execute(sql: "INSERT OR IGNORE INTO feed_captures (source_id, capture_id) VALUES (?, ?)",
                           arguments: [sourceID, captureID])
        }
    }

    /// A feed's new address after a permanent redirect; the old one stays an alias of the
    /// same source. False (and nothing changed) when another source already has that URL.
    /// `fromWeb`: the new URL is on another host than the one the operator gave, so it is
    /// now the web's (see `FeedState.urlFromWeb`); a move on the same host keeps the origin.
    public func moveSource(sourceID: Int64, to url: String, fromWeb: Bool) throws(ArchiveError) -> Bool {
        try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM sources WHERE url = ?", arguments: [url]) ?? false { return false }
            try db.execute(sql: "INSERT OR REPLACE INTO source_aliases (url, source_id) SELECT url, id FROM sources WHERE id = ?",
                           arguments: [sourceID])
            try db.execute(sql: "DELETE FROM source_aliases WHERE url = ?", arguments: [url])
            try db.execute(sql: "UPDATE sources SET url = ?, url_from_web = MAX(url_from_web, ?) WHERE id = ?",
                           arguments: [url, fromWeb, sourceID])
            return true
        }
    }

    /// Whether the feed with this URL (or once with this URL) was removed with `feeds remove`.
    public func isRemovedFeed(url: String) throws(ArchiveError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: """
                SELECT 1 FROM sources WHERE removed_at IS NOT NULL AND (url = ?
                    OR id IN (SELECT source_id FROM source_aliases WHERE url = ?))
                """, arguments: [url, url]) ?? false
        }
    }

    /// True when this feed entry was archived (or settled) by an earlier run, found by its
    /// key or, when a feed changed its GUIDs, by its link.
    public func isEntryKnown(sourceID: Int64, entryKey: String, url: String?) throws(ArchiveError) -> Bool {
        try read { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM entries WHERE source_id = ? AND entry_key = ?",
                                 arguments: [sourceID, entryKey]) ?? false { return true }
            guard let url else { return false }
            return try Bool.fetchOne(db, sql: "SELECT 1 FROM entries WHERE source_id = ? AND url = ?",
                                     arguments: [sourceID, url]) ?? false
        }
    }

    /// Settles an entry that yields no document (an empty or non-article page, or one
    /// robots.txt disallows), so later runs do not fetch it again.
    public func settleEntry(sourceID: Int64, entryKey: String, url: String?, title: String?, published: Date?) throws(ArchiveError) {
        try write { db in
            try Self.insertEntry(sourceID, entryKey, url: url, title: title, published: published, documentID: nil, db)
        }
    }

    /// Counts one more transient failure of an entry's page and returns how many there
    /// have been, this one included.
    public func recordEntryFailure(sourceID: Int64, entryKey: String, error: String) throws(ArchiveError) -> Int {
        try write { db in
            try db.execute(sql: """
                INSERT INTO entry_failures (source_id, entry_key, failures, last_error, last_failed_at) VALUES (?, ?, 1, ?, ?)
                ON CONFLICT (source_id, entry_key) DO UPDATE SET failures = failures + 1, last_error = excluded.last_error,
                    last_failed_at = excluded.last_failed_at
                """, arguments: [sourceID, entryKey, error, Date()])
            return try Int.fetchOne(db, sql: "SELECT failures FROM entry_failures WHERE source_id = ? AND entry_key = ?",
                                    arguments: [sourceID, entryKey]) ?? 1
        }
    }
}
