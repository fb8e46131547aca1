import Foundation

/// The PostgreSQL archive's tables, made by named migrations applied in order, each in its
/// own transaction and recorded in `ingestd_migrations`, as the SQLite archive's are.
///
/// Guarantees: a database with a migration this version does not know is refused, never
/// changed; two processes opening a new database at once apply each migration once (an
/// advisory lock is held while migrating). Texts and captures are the same zlib blobs as in
/// SQLite (`ZlibCodec`), so `verify` re-hashes them alike; index keys are one row per
/// (kind, key, document), read in document order.
enum PostgresSchema {
    static let migrations: [(name: String, sql: String)] = [
        ("pg-v1-initial", """
            CREATE TABLE archive_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE sources (
                id BIGSERIAL PRIMARY KEY, url TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
                created_at TIMESTAMPTZ NOT NULL DEFAULT now());
            CREATE TABLE captures (
                id BIGSERIAL PRIMARY KEY, requested_url TEXT, final_url TEXT NOT NULL, status INTEGER NOT NULL,
                content_type TEXT, etag TEXT, last_modified TEXT, headers TEXT NOT NULL, fetched_at TIMESTAMPTZ NOT NULL,
                body_sha256 TEXT NOT NULL, body_size BIGINT NOT NULL, body BYTEA NOT NULL,
                request_head BYTEA, response_head BYTEA, wire_body BYTEA, wire_body_size BIGINT,
                UNIQUE (final_url, body_sha256));
            CREATE SEQUENCE document_ids;
            CREATE TABLE documents (
                id BIGINT PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE, title TEXT, published TIMESTAMPTZ,
                language TEXT, site_name TEXT, canonical_url TEXT, text BYTEA NOT NULL, text_size BIGINT NOT NULL,
                word_count INTEGER NOT NULL, cluster_id BIGINT NOT NULL, relation TEXT NOT NULL,
                first_seen_at TIMESTAMPTZ NOT NULL, normalizer_version TEXT NOT NULL);
            CREATE INDEX documents_by_cluster ON documents (cluster_id);
            CREATE TABLE clusters (
                id BIGINT PRIMARY KEY, canonical_document_id BIGINT NOT NULL UNIQUE REFERENCES documents,
                created_at TIMESTAMPTZ NOT NULL);
            ALTER TABLE documents ADD FOREIGN KEY (cluster_id) REFERENCES clusters DEFERRABLE INITIALLY DEFERRED;
            CREATE TABLE relations (
                document_id BIGINT NOT NULL REFERENCES documents, other_id BIGINT NOT NULL REFERENCES documents,
                kind TEXT NOT NULL, jaccard DOUBLE PRECISION NOT NULL, containment DOUBLE PRECISION NOT NULL,
                passages TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (document_id, other_id));
            CREATE TABLE sightings (
                id BIGSERIAL PRIMARY KEY, document_id BIGINT NOT NULL REFERENCES documents,
                source_id BIGINT NOT NULL REFERENCES sources, capture_id BIGINT NOT NULL REFERENCES captures,
                entry_key TEXT NOT NULL, url TEXT NOT NULL, seen_at TIMESTAMPTZ NOT NULL,
                UNIQUE (document_id, source_id, capture_id, entry_key));
            CREATE INDEX sightings_by_document ON sightings (document_id);
            CREATE TABLE entries (
                source_id BIGINT NOT NULL REFERENCES sources, entry_key TEXT NOT NULL, url TEXT, title TEXT,
                published TIMESTAMPTZ, first_seen_at TIMESTAMPTZ NOT NULL, document_id BIGINT REFERENCES documents,
                PRIMARY KEY (source_id, entry_key));
            CREATE TABLE postings (
                kind SMALLINT NOT NULL, key BIGINT NOT NULL, document_id BIGINT NOT NULL REFERENCES documents,
                PRIMARY KEY (kind, key, document_id));
            CREATE TABLE host_blocks (
                host TEXT NOT NULL, hash BIGINT NOT NULL, pages INTEGER NOT NULL, last_url TEXT NOT NULL,
                PRIMARY KEY (host, hash));
            """),
        ("pg-v2-feeds", """
            ALTER TABLE sources ADD COLUMN title TEXT, ADD COLUMN etag TEXT, ADD COLUMN last_modified TEXT,
                ADD COLUMN last_body_sha256 TEXT, ADD COLUMN last_fetched_at TIMESTAMPTZ, ADD COLUMN last_status INTEGER,
                ADD COLUMN error_count INTEGER NOT NULL DEFAULT 0, ADD COLUMN last_error TEXT, ADD COLUMN next_fetch_at TIMESTAMPTZ,
                ADD COLUMN interval_seconds DOUBLE PRECISION, ADD COLUMN parked_reason TEXT,
                ADD COLUMN url_from_web BOOLEAN NOT NULL DEFAULT FALSE, ADD COLUMN removed_at TIMESTAMPTZ,
                ADD COLUMN lease_until TIMESTAMPTZ;
            CREATE TABLE source_aliases (url TEXT PRIMARY KEY, source_id BIGINT NOT NULL REFERENCES sources);
            CREATE TABLE entry_failures (
                source_id BIGINT NOT NULL REFERENCES sources, entry_key TEXT NOT NULL, failures INTEGER NOT NULL,
                last_error TEXT NOT NULL, last_failed_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (source_id, entry_key));
            CREATE INDEX entries_by_url ON entries (source_id, url);
            CREATE TABLE robots_txt (host TEXT PRIMARY KEY, status INTEGER NOT NULL, body BYTEA NOT NULL, fetched_at TIMESTAMPTZ NOT NULL);
            CREATE TABLE feed_captures (
                source_id BIGINT NOT NULL REFERENCES sources, capture_id BIGINT NOT NULL REFERENCES captures,
                PRIMARY KEY (source_id, capture_id));
            """),
        ("pg-v3-host-turns", """
            CREATE TABLE host_turns (host TEXT PRIMARY KEY, next_start TIMESTAMPTZ NOT NULL);
            """),
        // Documents archived before it get no search vector (their texts are zlib blobs, which
        // SQL cannot read); only archives made during development of this version had any.
        ("pg-v4-search", """
            ALTER TABLE documents ADD COLUMN search tsvector;
            CREATE INDEX documents_search ON documents USING GIN (search);
            """),
        // A capture restored from a JSONL export has its facts and hash but no body.
        ("pg-v5-restored-captures", """
            ALTER TABLE captures ADD COLUMN body_kept BOOLEAN NOT NULL DEFAULT TRUE;
            """),
        // The duplicate index's time window (`PostingSource`: a document's window time).
        ("pg-v6-window-time", """
            CREATE INDEX documents_window_time ON documents ((\(PostgresArchive.windowTimeSQL)));
            """),
    ]

    /// Brings the database up to date, or (for tests of upgrades) up to the migration `last`;
    /// see the type's guarantees.
    static func migrate(_ db: PostgresConnection, upTo last: String? = nil) throws(ArchiveError) {
        // Any fixed number will do, as long as only ingestd's migrations take it.
        try db.execute("SELECT pg_advisory_lock(7431001)")
        defer { try? db.execute("SELECT pg_advisory_unlock(7431001)") }
        try db.execute("CREATE TABLE IF NOT EXISTS ingestd_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)")
        let applied = Set(try db.query("SELECT name FROM ingestd_migrations").compactMap { $0.text(0) })
        let known = Set(migrations.map(\.name))
        let unknown = applied.subtracting(known).sorted()
        guard unknown.isEmpty else { throw .newerSchema(path: db.label, unknown: unknown) }
        let end = last.flatMap { name in migrations.firstIndex { $0.name == name } }.map { $0 + 1 } ?? migrations.count
        for migration in migrations[..<end] where !applied.contains(migration.name) {
            do {
                try db.transaction {
                    try db.execute(migration.sql)
                    try db.execute("INSERT INTO ingestd_migrations VALUES ($1, now())", [.text(migration.name)])
                }
            } catch let error as ArchiveError {
                throw error
            } catch {
                throw .database("\(db.label): migration \(migration.name): \(error)")
            }
        }
    }
}
