import Archive
import Foundation
import Normalizer

/// Normalizes captured bytes and archives the article: the step feeds and file imports share.
struct PageArchiver {
    let normalizer: Normalizer
    let ingestor: Ingestor

    /// Archives the page; throws a message naming the URL when the bytes are unusable.
    func archive(_ sighting: Sighting) throws -> IngestOutcomeKind {
        let capture = sighting.capture
        let article: Article
        do {
            article = try normalizer.article(bytes: capture.body, contentType: capture.contentType, url: capture.finalURL)
        } catch {
            throw CommandFailure(.dataError, "\(capture.finalURL): \(error)")
        }
        return try ingestor.archive(article, sighting: sighting)
    }
}
