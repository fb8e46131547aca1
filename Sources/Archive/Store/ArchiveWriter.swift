import Foundation

/// What the ingest pipeline needs from the archive to place and store a text: candidate
/// index data (`PostingSource`), exact-copy lookup, the writes of one sighting, and the
/// per-host paragraph counts that site templates are learned from.
///
/// `ArchiveStore` answers each call in its own transaction (a cron run, where a crash
/// loses at most the page being written); `WriteSession` answers inside one transaction
/// spanning many texts (bulk imports and rebuilds).
public protocol ArchiveWriter: PostingSource {
    func documentID(contentHash: String) throws(ArchiveError) -> Int64?
    @discardableResult func record(_ ingest: Ingest) throws(ArchiveError) -> IngestOutcome
    func settleEntry(sourceID: Int64, entryKey: String, url: String?, title: String?, published: Date?) throws(ArchiveError)
    /// The paragraph hashes seen on at least `minPages` pages of `host`.
    func hostTemplateBlocks(host: String, minPages: Int) throws(ArchiveError) -> Set<UInt64>
    /// Counts a page's short paragraphs for its host.
    func recordHostBlocks(host: String, url: String, hashes: [UInt64]) throws(ArchiveError)
    /// Runs `body` (matching a text against the archive, then recording it) so that no
    /// other writer records anything in between: else two copies of one story written at
    /// once could each match nothing and both become canonicals. Where one writer holds
    /// the archive (SQLite's lock file, a `WriteSession`) that is already so.
    func matchingAlone<T>(_ body: () throws -> T) throws -> T
}

extension ArchiveWriter {
    public func matchingAlone<T>(_ body: () throws -> T) throws -> T { try body() }
}

extension ArchiveStore: ArchiveWriter {}
