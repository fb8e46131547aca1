import Archive
import Dedup
import Foundation
import Normalizer

/// Turns one article into archive writes: fingerprints, duplicate matching (see
/// `DuplicateMatcher`), and one atomic record of it all.
///
/// Guarantees: an exact text already archived only gains provenance; everything a new
/// text brings (document, capture, sighting, relations, cluster, index keys) commits together.
struct Ingestor {
    /// 2: the streaming extractor with readability-style scoring, language detection and site templates.
    static let normalizerVersion = "normalizer/2"

    /// The archive itself (a transaction per text) or a `WriteSession` (one for many).
    let writer: any ArchiveWriter
    let matcher: DuplicateMatcher
    /// The comparison data of documents judged lately, so that a wire original is not read
    /// and tokenized again for each of its copies; only for a writer whose documents'
    /// texts cannot change while it lives (one transaction).
    var comparisons: RecentByID<ComparableText>? = nil
    /// The candidate rules, with what they remember between texts (see `CandidateSearch`).
    let search: CandidateSearch

    init(writer: any ArchiveWriter, matcher: DuplicateMatcher, comparisons: RecentByID<ComparableText>? = nil) {
        self.writer = writer
        self.matcher = matcher
        self.comparisons = comparisons
        search = CandidateSearch(settings: matcher.settings)
    }

    var settings: DuplicateSettings { matcher.settings }

    /// Archives `article` as seen through `sighting`; an article without text settles the
    /// entry, so later runs do not fetch it again. `analysis` and `prepared`, when given,
    /// are its text's and its capture's (made beforehand, on another thread); else they are
    /// made here.
    func archive(_ article: Article, sighting: Sighting, analysis: ArticleAnalysis? = nil,
                 prepared: PreparedBlobs? = nil) throws(ArchiveError) -> IngestOutcomeKind {
        guard let (outcome, relation) = try ingest(article, sighting: sighting, analysis: analysis, prepared: prepared) else {
            try writer.settleEntry(sourceID: sighting.sourceID, entryKey: sighting.entryKey, url: sighting.url,
                                   title: sighting.entryTitle, published: sighting.entryPublished)
            return .empty
        }
        switch outcome {
        case let .added(_, _, joined): return .added(relation: joined ? relation : RunSummary.canonical)
        case .seenAgain: return .seenAgain
        }
    }

    /// Archives `article` as seen through `sighting`, with the relation it was placed by;
    /// nil when the article has no text.
    private func ingest(_ article: Article, sighting: Sighting, analysis: ArticleAnalysis?,
                        prepared: PreparedBlobs?) throws(ArchiveError) -> (IngestOutcome, String)? {
        let text = article.text
        guard !text.isEmpty else { return nil }
        let analysis = analysis ?? ArticleAnalysis(text, settings: settings)
        do {
            return try writer.matchingAlone { try place(article, analysis, sighting: sighting, prepared: prepared) }
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw .database("\(error)")
        }
    }

    /// Matches the analysed text against the archive and records it where it belongs.
    private func place(_ article: Article, _ analysis: ArticleAnalysis, sighting: Sighting,
                       prepared: PreparedBlobs?) throws(ArchiveError) -> (IngestOutcome, String) {
        let text = article.text
        let analyzed = analysis.analyzed, prints = analysis.prints
        if let existing = try writer.documentID(contentHash: analysis.contentHash) {
            return (try writer.record(sighting.ingest(.existing(documentID: existing))), DuplicateKind.exact.rawValue)
        }
        // The document's first sighting is this capture's: its window time as the archive will give it back.
        let time = IndexWindow.time(published: article.published, seen: sighting.capture.fetchedAt)
        let (relations, cluster, nearest, comparable) = try matcher.match(analyzed, prints, time: time, in: writer, search: search,
                                                                          prepared: comparisons)
        let document = DocumentInput(
            contentHash: analysis.contentHash, text: text, title: article.title, published: article.published,
            language: article.language, siteName: article.siteName, canonicalURL: article.canonicalURL,
            wordCount: analyzed.tokens.count, bandKeys: prints.bandKeys,
            passageHashes: prints.passages, normalizerVersion: Self.normalizerVersion, nearestID: nearest, prepared: prepared)
        let outcome = try writer.record(sighting.ingest(.new(document, relations: relations, cluster: cluster)))
        if case let .added(id, _, _) = outcome, let comparable { comparisons?[id] = comparable }
        let strongest = relations.compactMap { DuplicateKind(rawValue: $0.kind) }.max()
        return (outcome, strongest?.rawValue ?? RunSummary.canonical)
    }
}
