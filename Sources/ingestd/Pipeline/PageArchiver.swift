import Archive
import Foundation
import Normalizer

/// Normalizes captured bytes, removes the host's learned template and archives the article:
/// the step feeds and file imports share.
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
        return try ingestor.archive(withoutHostTemplate(article, url: capture.finalURL), sighting: sighting)
    }

    /// Removes the template learned from earlier pages of the URL's host, then counts this
    /// page's short paragraphs towards that template.
    private func withoutHostTemplate(_ article: Article, url: String) throws -> Article {
        guard let host = URL(string: url)?.host?.lowercased(), !host.isEmpty else { return article }
        let settings = normalizer.settings
        let writer = ingestor.writer
        let template = HostTemplate(blockHashes: try writer.hostTemplateBlocks(host: host, minPages: settings.templateMinPages),
                                    maxWords: settings.templateMaxWords)
        try writer.recordHostBlocks(host: host, url: url,
                                    hashes: HostTemplate.candidateBlocks(of: article, maxWords: settings.templateMaxWords))
        return template.removing(from: article)
    }
}
