import Foundation
import GRDB

/// One canonical text (deduplicated by content hash) with its metadata and cluster.
struct DocumentRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "documents"
    var id: Int64?
    var contentHash: String
    var title: String?
    var published: Date?
    var language: String?
    var siteName: String?
    var canonicalURL: String?
    var text: Data
    var textSize: Int
    var wordCount: Int
    var clusterID: Int64?
    var relation: String
    var firstSeenAt: Date
    var normalizerVersion: String
    /// The document whose text this one's blob was compressed against (`TextBlob` format 3).
    var textBaseID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, contentHash = "content_hash", title, published, language, siteName = "site_name"
        case canonicalURL = "canonical_url", text, textSize = "text_size", wordCount = "word_count"
        case clusterID = "cluster_id", relation, firstSeenAt = "first_seen_at", normalizerVersion = "normalizer_version"
        case textBaseID = "text_base_id"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
