import Foundation

/// A store whose documents `renormalize` can read again from their captures, SQLite or
/// PostgreSQL alike (see `ArchiveStore.renormalize` for what each guarantees).
public protocol Renormalizing: AnyObject {
    /// `reread` gives a capture's text as the current normalizer reads it (the writer answers
    /// its host's template); `decide` places each document as `ClusterRebuilder` does.
    func renormalize(
        since: Date?,
        indexScheme: String,
        reread: (any ArchiveWriter, StoredCapture) throws -> RenormalizedText?,
        decide: (any PostingSource, _ documentID: Int64, _ text: String) throws -> RebuildDecision
    ) throws -> RenormalizeSummary
}
