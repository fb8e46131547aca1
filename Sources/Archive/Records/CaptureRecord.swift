import Foundation
import GRDB

/// One stored HTTP (or file) response: what was asked, what came back, and the raw body.
struct CaptureRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "captures"
    var id: Int64?
    var requestedURL: String
    var finalURL: String
    var status: Int
    var contentType: String?
    var etag: String?
    var lastModified: String?
    var headers: String
    var fetchedAt: Date
    var bodySha256: String
    var bodySize: Int
    var body: Data
    /// The document whose text the body was compressed against (`CaptureBlob`).
    var bodyBaseID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, requestedURL = "requested_url", finalURL = "final_url", status, contentType = "content_type"
        case etag, lastModified = "last_modified", headers, fetchedAt = "fetched_at"
        case bodySha256 = "body_sha256", bodySize = "body_size", body, bodyBaseID = "body_base_id"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
