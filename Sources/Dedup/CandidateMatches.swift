import Archive
import Normalizer

/// What judging a document's candidates found: the ones related to it, with the evidence,
/// and the one whose text is most like it (highest shingle Jaccard, related or not), which
/// the archive compresses it against when it joins no cluster (a templated item against
/// an earlier one of its template, say).
///
/// Guarantees: `related` holds exactly the candidates the judge related, as `DuplicateMatcher`
/// leaves it: by ascending document id.
public struct CandidateMatches {
    public var related: [(Candidate, DuplicateEvidence)] = []
    public var nearest: (documentID: Int64, jaccard: Double)?
    /// The document's own comparison data, when it had candidates to compare with.
    public var prepared: ComparableText?

    /// Counts a judged candidate in.
    public mutating func add(_ candidate: Candidate, _ evidence: DuplicateEvidence) {
        if evidence.kind != nil { related.append((candidate, evidence)) }
        if evidence.jaccard > (nearest?.jaccard ?? 0) { nearest = (candidate.documentID, evidence.jaccard) }
    }
}
