import Foundation

/// Everything one sighting of a text writes to the archive, applied in one transaction.
///
/// `content` is either a new document with its relations and cluster choice, or the id of
/// a document whose exact text is already archived (then only provenance is added).
public struct Ingest: Sendable {
    public enum Content: Sendable {
        case new(DocumentInput, relations: [RelationInput], cluster: ClusterChoice)
        case existing(documentID: Int64)
    }

    public var sourceID: Int64
    public var entryKey: String
    public var entryTitle: String?
    public var entryPublished: Date?
    public var url: String
    public var capture: CaptureInput
    public var content: Content

    public init(sourceID: Int64, entryKey: String, entryTitle: String? = nil, entryPublished: Date? = nil,
                url: String, capture: CaptureInput, content: Content) {
        self.sourceID = sourceID
        self.entryKey = entryKey
        self.entryTitle = entryTitle
        self.entryPublished = entryPublished
        self.url = url
        self.capture = capture
        self.content = content
    }
}

/// Where a new document goes: a cluster of its own, or an existing one with a relation.
public enum ClusterChoice: Sendable, Equatable {
    case ownCluster
    case join(clusterID: Int64, relation: String)
}

/// What an `Ingest` did.
public enum IngestOutcome: Sendable, Equatable {
    case added(documentID: Int64, clusterID: Int64, joinedExistingCluster: Bool)
    case seenAgain(documentID: Int64, newSighting: Bool)
}
