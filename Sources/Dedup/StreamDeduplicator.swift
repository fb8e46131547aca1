import Foundation
import Archive
import Normalizer

/// Deduplicates a stream of normalized texts in memory, in arrival order, with the one
/// engine (`DuplicateMatcher` over a `MemoryIndex`, by the rules of `CandidateSearch`):
/// what `ingestd dedup` runs. The archive decides the same stream alike (the store
/// contract suite checks it).
///
/// Guarantees: a text equal to one already seen joins that document (`exact`); any other
/// text becomes a new document, placed by `DuplicateMatcher.placement`. Texts are not kept
/// beyond the last `recentTexts`: older ones are asked of `textOf`, which must give back
/// exactly the text that was added under that document id.
public final class StreamDeduplicator {
    /// Where one text went.
    public struct Decision: Sendable, Equatable {
        /// Its document: a new one, or the earlier one with exactly this text.
        public var documentID: Int64
        /// Its cluster: the id of the cluster's first document.
        public var clusterID: Int64
        /// `canonical` for a new cluster's first document, `exact` for a text seen before,
        /// else the strongest relation to the cluster (`DuplicateKind`). As placed: an older
        /// member that arrives later takes over as canonical (`MemoryIndex.relation(of:)`
        /// and `canonical(ofCluster:)` give the final state).
        public var relation: String
    }

    public let settings: DuplicateSettings
    private let matcher: DuplicateMatcher
    private let search: CandidateSearch
    public let index: MemoryIndex
    private let recent: RecentByID<String>
    /// Comparison data of the documents judged lately: a wire original is prepared once
    /// for all of its copies.
    private let prepared = RecentByID<ComparableText>(capacity: 2_048)

    /// Texts kept in memory, where most candidates are (a story's copies and rewrites
    /// arrive close together).
    public static let recentTexts = 1_024
    /// Older texts kept once read again: the earliest items of a template, or of a much-copied
    /// story, are the candidates of every later one.
    public static let rereadTexts = 4_096

    /// When the texts count as seen (`IndexWindow.time`): the run's start.
    private let seen: Date

    /// `expected` sizes the index up front (see `MemoryIndex.init`); `seen` is when the
    /// texts count as first seen, for the time window.
    public init(settings: DuplicateSettings, expected: (bandKeys: Int, postings: Int) = (0, 0), seen: Date = Date(),
                textOf: @escaping (Int64) -> String) {
        self.settings = settings
        self.seen = seen
        matcher = DuplicateMatcher(settings: settings)
        search = CandidateSearch(settings: settings)
        let recent = RecentByID<String>(capacity: Self.recentTexts)
        let reread = RecentByID<String>(capacity: Self.rereadTexts)
        self.recent = recent
        index = MemoryIndex(settings: settings, expected: expected) { id in
            if let text = recent[id] ?? reread[id] { return text }
            let text = textOf(id)
            reread[id] = text
            return text
        }
    }

    /// Places one normalized text, published at `published` (nil when not known).
    public func add(_ text: String, published: Date? = nil) throws(ArchiveError) -> Decision {
        let analyzed = AnalyzedText(text, shingleWords: settings.shingleWords)
        let prints = Fingerprints(of: analyzed, settings: settings)
        index.prefetch(prints)
        let contentKey = ContentHash.key(text)
        if let (id, cluster) = index.document(withContent: contentKey, text: text) {
            return Decision(documentID: id, clusterID: cluster, relation: DuplicateKind.exact.rawValue)
        }
        let time = IndexWindow.time(published: published, seen: seen)
        let found = try matcher.matches(analyzed, prints, time: time, in: index, search: search, prepared: prepared)
        let placement = matcher.placement(found.related)
        let date = published?.timeIntervalSinceReferenceDate ?? .nan
        let joined = if case let .join(_, relation) = placement { relation } else { "canonical" }
        let (id, cluster) = index.add(contentKey: contentKey, prints, placement: placement, date: date, time: time,
                                      generation: search.generation) { former in
            found.related.first { $0.0.documentID == former }?.1.kind?.rawValue ?? joined
        }
        recent[id] = text
        if let own = found.prepared { prepared[id] = own }
        switch placement {
        case .ownCluster: return Decision(documentID: id, clusterID: cluster, relation: "canonical")
        case let .join(_, relation): return Decision(documentID: id, clusterID: cluster, relation: relation)
        }
    }
}
