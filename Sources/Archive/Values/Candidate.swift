import Foundation

/// An archived document that may duplicate a new one, with what is needed to check it.
public struct Candidate: Sendable {
    public var documentID: Int64
    public var clusterID: Int64
    public var isCanonical: Bool
    public var text: String

    public init(documentID: Int64, clusterID: Int64, isCanonical: Bool, text: String) {
        self.documentID = documentID
        self.clusterID = clusterID
        self.isCanonical = isCanonical
        self.text = text
    }
}
