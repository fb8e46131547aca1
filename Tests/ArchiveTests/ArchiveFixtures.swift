import Archive
import Foundation
import TestSupport

/// Builders for archive inputs, so each test states only what matters to it.
enum ArchiveFixtures {
    static func store() throws -> ArchiveStore {
        try ArchiveStore(path: try TestPaths.temporaryFolder().appendingPathComponent("archive.sqlite").path)
    }

    static func capture(_ url: String, body: String) -> CaptureInput {
        CaptureInput(requestedURL: url, finalURL: url, status: 200, contentType: "text/html", etag: "\"e1\"",
                     lastModified: nil, headers: [["Content-Type", "text/html"]], fetchedAt: Date(), body: Data(body.utf8))
    }

    static func document(_ text: String, bands: [UInt64] = [1, 2], passages: [UInt64] = [10, 11, 12]) -> DocumentInput {
        DocumentInput(contentHash: String(text.hashValue), text: text, title: "T: \(text.prefix(10))", published: nil,
                      language: "en", siteName: nil, canonicalURL: nil, wordCount: text.split(separator: " ").count,
                      bandKeys: bands, passageHashes: passages, normalizerVersion: "test")
    }

    static func ingest(_ store: ArchiveStore, source: Int64, url: String, content: Ingest.Content) throws -> IngestOutcome {
        try store.record(Ingest(sourceID: source, entryKey: url, url: url, capture: capture(url, body: "<p>\(url)</p>"), content: content))
    }
}
