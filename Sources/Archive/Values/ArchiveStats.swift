/// Counts and sizes of an archive.
public struct ArchiveStats: Sendable, Codable, Equatable {
    public var sources: Int
    public var captures: Int
    public var documents: Int
    public var sightings: Int
    public var clusters: Int
    public var multiDocumentClusters: Int
    public var documentsInMultiDocumentClusters: Int
    public var relationsByKind: [String: Int]
    /// Documents by their relation to their cluster's canonical (canonical, syndicated, …).
    public var documentsByRelation: [String: Int]
    public var rawTextBytes: Int
    public var compressedTextBytes: Int
    public var rawCaptureBytes: Int
    public var compressedCaptureBytes: Int
    public var archiveFileBytes: Int
    /// Words of all archived texts.
    public var words: Int
    /// Pages that the duplicate index (blocks and segments with their filters) and the
    /// search index fill in the archive file.
    public var duplicateIndexBytes: Int
    public var searchIndexBytes: Int

    enum CodingKeys: String, CodingKey {
        case sources, captures, documents, sightings, clusters
        case multiDocumentClusters = "multi_document_clusters"
        case documentsInMultiDocumentClusters = "documents_in_multi_document_clusters"
        case relationsByKind = "relations_by_kind", documentsByRelation = "documents_by_relation", rawTextBytes = "raw_text_bytes"
        case compressedTextBytes = "compressed_text_bytes", rawCaptureBytes = "raw_capture_bytes"
        case compressedCaptureBytes = "compressed_capture_bytes", archiveFileBytes = "archive_file_bytes"
        case words, duplicateIndexBytes = "duplicate_index_bytes", searchIndexBytes = "search_index_bytes"
    }
}
