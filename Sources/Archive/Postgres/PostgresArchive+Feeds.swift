import Foundation

/// Feeds on PostgreSQL (`FeedStore`), with leases: a worker claims the due feeds no other
/// worker holds (`FOR UPDATE SKIP LOCKED`), each until it records how the fetch ended or
/// until its lease runs out, so several `ingestd run` processes share the feeds without
/// fetching one twice, and a worker that dies leaves its feeds to the next.
extension PostgresArchive {
    private static let feedColumns = """
        id, url, kind, title, etag, last_modified, last_body_sha256, last_fetched_at, last_status, error_count,
        last_error, next_fetch_at, interval_seconds, parked_reason, url_from_web
        """

    private static func feedState(_ r: PostgresConnection.Row) -> FeedState {
        FeedState(sourceID: r.int(0)!, url: r.text(1)!, kind: r.text(2)!, title: r.text(3), etag: r.text(4),
                  lastModified: r.text(5), lastBodySHA256: r.text(6), lastFetchedAt: r.date(7), lastStatus: r.int(8).map(Int.init),
                  errorCount: Int(r.int(9) ?? 0), lastError: r.text(10), nextFetchAt: r.date(11), intervalSeconds: r.double(12),
                  parkedReason: r.text(13), urlFromWeb: r.bool(14) ?? false)
    }

    public func isRemovedFeed(url: String) throws(ArchiveError) -> Bool {
        try !db.query("""
            SELECT 1 FROM sources WHERE removed_at IS NOT NULL
              AND (url = $1 OR id IN (SELECT source_id FROM source_aliases WHERE url = $1))
            """, [.text(url)]).isEmpty
    }

    public func feeds() throws(ArchiveError) -> [FeedState] {
        try db.query("SELECT \(Self.feedColumns) FROM sources WHERE kind = 'feed' AND removed_at IS NULL ORDER BY id")
            .map(Self.feedState)
    }

    public var sharesFeeds: Bool { true }

    public func claimDueFeeds(at time: Date, leaseSeconds: Double, limit: Int) throws(ArchiveError) -> [FeedState] {
        try db.query("""
            UPDATE sources SET lease_until = now() + make_interval(secs => $2) WHERE id IN (
                SELECT id FROM sources WHERE kind = 'feed' AND removed_at IS NULL AND parked_reason IS NULL
                  AND (next_fetch_at IS NULL OR next_fetch_at <= $1) AND (lease_until IS NULL OR lease_until < now())
                ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
            RETURNING \(Self.feedColumns)
            """, [.date(time), .double(leaseSeconds), .int(Int64(limit))]).map(Self.feedState).sorted { $0.sourceID < $1.sourceID }
    }

    public func recordFeed(sourceID: Int64, _ result: FeedResult, at time: Date) throws(ArchiveError) {
        switch result {
        case let .success(status, title, etag, lastModified, bodySHA256, interval, next):
            try db.execute("""
                UPDATE sources SET title = COALESCE($1, title), last_status = $2, etag = COALESCE($3, etag),
                    last_modified = COALESCE($4, last_modified), last_body_sha256 = COALESCE($5, last_body_sha256),
                    interval_seconds = COALESCE($6, interval_seconds), last_fetched_at = $7, next_fetch_at = $8,
                    error_count = 0, last_error = NULL, lease_until = NULL
                WHERE id = $9
                """, [optional(title), .int(Int64(status)), optional(etag), optional(lastModified),
                      optional(bodySHA256), interval.map(PostgresConnection.Value.double) ?? .null, .date(time), .date(next),
                      .int(sourceID)])
        case let .failure(status, error, next, park):
            try db.execute("""
                UPDATE sources SET last_status = $1, last_fetched_at = $2, error_count = error_count + 1, last_error = $3,
                    next_fetch_at = $4, parked_reason = COALESCE($5, parked_reason), lease_until = NULL
                WHERE id = $6
                """, [status.map { .int(Int64($0)) } ?? .null, .date(time), .text(error), .date(next), optional(park),
                      .int(sourceID)])
        }
    }

    public func moveSource(sourceID: Int64, to url: String, fromWeb: Bool) throws(ArchiveError) -> Bool {
        do {
            return try db.transaction {
                guard try db.query("SELECT 1 FROM sources WHERE url = $1", [.text(url)]).isEmpty else { return false }
                try db.execute("""
                    INSERT INTO source_aliases SELECT url, id FROM sources WHERE id = $1
                    ON CONFLICT (url) DO UPDATE SET source_id = excluded.source_id
                    """, [.int(sourceID)])
                try db.execute("DELETE FROM source_aliases WHERE url = $1", [.text(url)])
                try db.execute("UPDATE sources SET url = $1, url_from_web = url_from_web OR $2 WHERE id = $3",
                               [.text(url), .bool(fromWeb), .int(sourceID)])
                return true
            }
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw .database("\(label): \(error)")
        }
    }

    public func isEntryKnown(sourceID: Int64, entryKey: String, url: String?) throws(ArchiveError) -> Bool {
        try !db.query("""
            SELECT 1 FROM entries WHERE source_id = $1 AND (entry_key = $2 OR ($3::text IS NOT NULL AND url = $3)) LIMIT 1
            """, [.int(sourceID), .text(entryKey), optional(url)]).isEmpty
    }

    public func recordEntryFailure(sourceID: Int64, entryKey: String, error: String) throws(ArchiveError) -> Int {
        let rows = try db.query("""
            INSERT INTO entry_failures VALUES ($1, $2, 1, $3, now())
            ON CONFLICT (source_id, entry_key) DO UPDATE SET failures = entry_failures.failures + 1,
                last_error = excluded.last_error, last_failed_at = excluded.last_failed_at
            RETURNING failures
            """, [.int(sourceID), .text(entryKey), .text(error)])
        return Int(rows.first?.int(0) ?? 1)
    }

    public func keepFeedCapture(sourceID: Int64, _ capture: CaptureInput) throws(ArchiveError) {
        try atomically {
            let captureID = try upsertCapture(capture)
            try db.execute("INSERT INTO feed_captures VALUES ($1, $2) ON CONFLICT DO NOTHING", [.int(sourceID), .int(captureID)])
        }
    }

    public func robotsTxt(host: String, freshSince: Date) throws(ArchiveError) -> (status: Int, body: Data)? {
        try db.query("SELECT status, body FROM robots_txt WHERE host = $1 AND fetched_at >= $2", [.text(host), .date(freshSince)])
            .first.map { (Int($0.int(0)!), $0.bytes(1) ?? Data()) }
    }

    public func saveRobotsTxt(host: String, status: Int, body: Data, at time: Date) throws(ArchiveError) {
        try db.execute("""
            INSERT INTO robots_txt VALUES ($1, $2, $3, $4)
            ON CONFLICT (host) DO UPDATE SET status = excluded.status, body = excluded.body, fetched_at = excluded.fetched_at
            """, [.text(host), .int(Int64(status)), .bytes(body), .date(time)])
    }
}

extension PostgresArchive {
    /// Books the next start of a request to `host` for this worker, `delay` seconds after
    /// the last one any worker booked (or now, when that is past), and returns how many
    /// seconds from now it is. So requests to one host start at least `delay` apart
    /// however many workers fetch at once. Times are the server's, so workers' clocks may differ.
    public func bookHostTurn(host: String, delay: Double) throws(ArchiveError) -> Double {
        let rows = try db.query("""
            INSERT INTO host_turns VALUES ($1, clock_timestamp() + make_interval(secs => $2))
            ON CONFLICT (host) DO UPDATE
                SET next_start = greatest(host_turns.next_start, clock_timestamp()) + make_interval(secs => $2)
            RETURNING extract(epoch FROM next_start - make_interval(secs => $2) - clock_timestamp())::float8
            """, [.text(host), .double(delay)])
        return max(rows.first?.double(0) ?? 0, 0)
    }
}

extension PostgresArchive: FeedList {
    public func addFeed(url: String, title: String?, fromWeb: Bool) throws(ArchiveError) -> Int64 {
        let id = try ensureSource(url: url, kind: "feed")
        try db.execute("""
            UPDATE sources SET url_from_web = $2, title = COALESCE(title, $3),
                removed_at = CASE WHEN removed_at IS NOT NULL OR parked_reason IS NOT NULL THEN NULL ELSE removed_at END,
                next_fetch_at = CASE WHEN removed_at IS NOT NULL OR parked_reason IS NOT NULL THEN NULL ELSE next_fetch_at END,
                error_count = CASE WHEN removed_at IS NOT NULL OR parked_reason IS NOT NULL THEN 0 ELSE error_count END,
                parked_reason = NULL
            WHERE id = $1
            """, [.int(id), .bool(fromWeb), optional(title)])
        return id
    }

    public func removeFeed(url: String) throws(ArchiveError) -> Bool {
        try !db.query("UPDATE sources SET removed_at = now() WHERE url = $1 AND kind = 'feed' AND removed_at IS NULL RETURNING id",
                      [.text(url)]).isEmpty
    }
}
