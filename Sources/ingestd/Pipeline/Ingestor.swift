import Archive
import Foundation
import Normalizer

/// Turns one article into archive writes: fingerprints, candidate lookup, verification,
/// cluster placement, and a single-transaction record of it all.
///
/// Guarantees: an exact text already archived only gains provenance; a new text is
/// compared exactly (not by estimate) with every candidate its LSH bands or passage
/// fingerprints bring up; it joins the earliest cluster whose canonical it matches,
/// else the earliest cluster of a member it matches, and never links two clusters, so
/// clusters do not snowball through chains.
struct Ingestor {
    static let normalizerVersion = "normalizer/1"

    let store: ArchiveStore
    let settings: DuplicateSettings
    private let judge: DuplicateJudge

    init(store: ArchiveStore, settings: DuplicateSettings) {
        self.store = store
        self.settings = settings
        self.judge = DuplicateJudge(settings: settings)
    }

    /// Archives `article` as seen through `sighting`; an article without text settles the
    /// entry, so later runs do not fetch it again.
    func archive(_ article: Article, sighting: Sighting) throws(ArchiveError) -> IngestOutcomeKind {
        guard let outcome = try ingest(article, sighting: sighting) else {
            try store.settleEntry(sourceID: sighting.sourceID, entryKey: sighting.entryKey, url: sighting.url,
                                  title: sighting.entryTitle, published: sighting.entryPublished)
            return .empty
        }
        switch outcome {
        case let .added(_, _, joined): return .added(joinedCluster: joined)
        case .seenAgain: return .seenAgain
        }
    }

    /// Archives `article` as seen through `sighting`; nil when the article has no text.
    func ingest(_ article: Article, sighting: Sighting) throws(ArchiveError) -> IngestOutcome? {
        let text = article.text
        guard !text.isEmpty else { return nil }
        let analyzed = AnalyzedText(text, shingleWords: settings.shingleWords)
        let prints = Fingerprints(of: analyzed, settings: settings)
        if let existing = try store.documentID(contentHash: prints.contentHash) {
            return try store.record(sighting.ingest(.existing(documentID: existing)))
        }
        let (relations, cluster) = try match(analyzed, prints, in: store)
        let document = DocumentInput(
            contentHash: prints.contentHash, text: text, title: article.title, published: article.published,
            language: article.language, siteName: article.siteName, canonicalURL: article.canonicalURL,
            wordCount: analyzed.tokens.count, signature: prints.signature, bandKeys: prints.bandKeys,
            passageHashes: prints.passages, normalizerVersion: Self.normalizerVersion)
        return try store.record(sighting.ingest(.new(document, relations: relations, cluster: cluster)))
    }

    /// The same decision, for a document being replayed by `clusters rebuild`.
    func rebuildDecision(text: String, in index: some CandidateIndex) throws(ArchiveError) -> RebuildDecision {
        let analyzed = AnalyzedText(text, shingleWords: settings.shingleWords)
        let prints = Fingerprints(of: analyzed, settings: settings)
        let (relations, cluster) = try match(analyzed, prints, in: index)
        return RebuildDecision(signature: prints.signature, bandKeys: prints.bandKeys, passageHashes: prints.passages,
                               relations: relations, cluster: cluster)
    }

    /// Finds the candidates in `index`, judges each exactly, and places the document.
    private func match(_ analyzed: AnalyzedText, _ prints: Fingerprints,
                       in index: some CandidateIndex) throws(ArchiveError) -> ([RelationInput], ClusterChoice) {
        let common = try index.commonPassages(prints.passages, clusterLimit: settings.commonFingerprintClusters)
        let candidates = try index.candidates(bandKeys: prints.bandKeys, passageHashes: prints.passages,
                                              common: common, minSharedPassages: settings.passageMinCount)
        var matches: [(Candidate, DuplicateEvidence)] = []
        for candidate in candidates {
            let evidence = judge.compare(analyzed, AnalyzedText(candidate.text, shingleWords: settings.shingleWords),
                                         isCommon: { common.contains($0) })
            if evidence.kind != nil { matches.append((candidate, evidence)) }
        }
        let relations = matches.map { candidate, evidence in
            RelationInput(otherID: candidate.documentID, kind: evidence.kind!.rawValue, jaccard: evidence.jaccard,
                          containment: evidence.containment, passagesJSON: Self.json(evidence.passages))
        }
        return (relations, placement(matches))
    }

    private func placement(_ matches: [(Candidate, DuplicateEvidence)]) -> ClusterChoice {
        let canonical = matches.filter { $0.0.isCanonical }
        let pool = canonical.isEmpty ? matches : canonical
        guard let best = pool.min(by: { ($0.0.clusterID, $0.0.documentID) < ($1.0.clusterID, $1.0.documentID) }) else {
            return .ownCluster
        }
        let strongest = matches.filter { $0.0.clusterID == best.0.clusterID }.compactMap(\.1.kind).max()!
        return .join(clusterID: best.0.clusterID, relation: strongest.rawValue)
    }

    private static func json(_ passages: [SharedPassage]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(passages), as: UTF8.self)) ?? "[]"
    }
}
