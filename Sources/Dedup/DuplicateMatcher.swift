import Archive
import Foundation
import Normalizer

/// Decides where a new text belongs: finds its candidates in a `PostingSource` (by the
/// rules of `CandidateSearch`), judges each exactly, and places it. Every command that
/// decides duplicates (`dedup`, `import`, `run`, `clusters rebuild`) decides through it.
///
/// Guarantees: every candidate that the LSH bands or the passage fingerprints bring up is
/// compared exactly (not by estimate), except the other members of a cluster whose
/// canonical the text is a syndicated copy of: none of them can relate more strongly (an
/// equal text is an exact copy, found before any search), and placement only asks which
/// canonicals match. The text joins the earliest cluster whose canonical it matches, else
/// the earliest cluster of a member it matches, with its strongest relation to that
/// cluster, and never links two clusters, so clusters do not snowball through chains.
public struct DuplicateMatcher: Sendable {
    public let settings: DuplicateSettings
    private let judge: DuplicateJudge

    public init(settings: DuplicateSettings) {
        self.settings = settings
        self.judge = DuplicateJudge(settings: settings)
    }

    /// The whole decision for stored document `id`, replayed by `clusters rebuild`: fresh
    /// fingerprints, its relations to earlier documents, and its cluster. `search` must be
    /// a replaying one (`CandidateSearch.init(settings:replaying:)`).
    public func rebuildDecision(text: String, of id: Int64, in index: some PostingSource,
                                search: CandidateSearch) throws(ArchiveError) -> RebuildDecision {
        let analyzed = AnalyzedText(text, shingleWords: settings.shingleWords)
        let prints = Fingerprints(of: analyzed, settings: settings)
        // (A replayed document is stored, so it has a window time; were it gone, it counts as seen now.)
        let time = try index.windowTime(of: id) ?? IndexWindow.time(published: nil, seen: Date())
        let (relations, cluster, _, _) = try match(analyzed, prints, time: time, in: index, search: search)
        return RebuildDecision(bandKeys: prints.bandKeys, passageHashes: prints.passages,
                               relations: relations, cluster: cluster)
    }

    /// Finds the candidates in `index`, judges each exactly, and places the document; also
    /// names the candidate whose text is nearest (see `CandidateMatches`) and gives the
    /// document's own comparison data when candidates made it (see `matches`).
    public func match(_ analyzed: AnalyzedText, _ prints: Fingerprints, time: Double, in index: some PostingSource,
                      search: CandidateSearch, prepared cache: RecentByID<ComparableText>? = nil)
        throws(ArchiveError) -> (relations: [RelationInput], cluster: ClusterChoice, nearest: Int64?, prepared: ComparableText?) {
        let found = try matches(analyzed, prints, time: time, in: index, search: search, prepared: cache)
        let relations = found.related.map { candidate, evidence in
            RelationInput(otherID: candidate.documentID, kind: evidence.kind!.rawValue, jaccard: evidence.jaccard,
                          containment: evidence.containment, passagesJSON: Self.json(evidence))
        }
        return (relations, placement(found.related), found.nearest?.documentID, found.prepared)
    }

    /// The candidates in `index` that the judge relates to the document (of window time
    /// `time`, `IndexWindow.time`), with the evidence, and the nearest one. Candidates found
    /// in `prepared` are not read again, and the ones read are added to it; the document's
    /// own comparison data comes back in the result (when some candidate needed it), for
    /// the caller to store once its id is known.
    public func matches(_ analyzed: AnalyzedText, _ prints: Fingerprints, time: Double, in index: some PostingSource,
                        search: CandidateSearch, prepared cache: RecentByID<ComparableText>? = nil)
        throws(ArchiveError) -> CandidateMatches {
        let (candidates, common) = try search.find(bandKeys: prints.bandKeys, passages: prints.passages, time: time, in: index)
        var found = CandidateMatches()
        guard !candidates.isEmpty else { return found }
        let own = judge.prepare(analyzed)
        // Asked for each fingerprint inside each shared run: a binary search of a few keys,
        // not a Set's hashing.
        let commonKeys = common.sorted()
        func compare(_ candidate: Candidate) throws(ArchiveError) -> DuplicateEvidence {
            let other: ComparableText
            if let known = cache?[candidate.documentID] {
                other = known
            } else {
                other = judge.prepare(AnalyzedText(try candidate.text(), shingleWords: settings.shingleWords))
                cache?[candidate.documentID] = other
            }
            let evidence = judge.compare(own, other, isCommon: { commonKeys.sortedContains($0) })
            found.add(candidate, evidence)
            return evidence
        }
        // Canonicals first: a cluster whose canonical the text copies is settled, its other
        // members are not compared (see the type's guarantees).
        var settled: [Int64] = []
        for candidate in candidates where candidate.isCanonical {
            if let kind = try compare(candidate).kind, kind >= .syndicated { settled.append(candidate.clusterID) }
        }
        for candidate in candidates where !candidate.isCanonical && !settled.contains(candidate.clusterID) {
            _ = try compare(candidate)
        }
        found.related.sort { $0.0.documentID < $1.0.documentID }
        found.prepared = own
        return found
    }

    /// Where the matches place the document: see the type's guarantees.
    public func placement(_ matches: [(Candidate, DuplicateEvidence)]) -> ClusterChoice {
        let canonical = matches.filter { $0.0.isCanonical }
        let pool = canonical.isEmpty ? matches : canonical
        guard let best = pool.min(by: { ($0.0.clusterID, $0.0.documentID) < ($1.0.clusterID, $1.0.documentID) }) else {
            return .ownCluster
        }
        let strongest = matches.filter { $0.0.clusterID == best.0.clusterID }.compactMap(\.1.kind).max()!
        return .join(clusterID: best.0.clusterID, relation: strongest.rawValue)
    }

    /// The evidence as stored: every shared run with its place in both texts and its length,
    /// but not its words (the judge leaves them out). Both texts are archived, so
    /// `ClusterView` reads the words back from the document's own text; a syndicated copy's
    /// runs span most of it.
    private static func json(_ evidence: DuplicateEvidence) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(evidence.passages), as: UTF8.self)) ?? "[]"
    }
}
