/// An archived document that may duplicate a new one, with what is needed to check it.
///
/// The text is read (and decompressed) only when `text()` is called, so a caller that can
/// rule a candidate out by other means never pays for it.
public struct Candidate {
    public var documentID: Int64
    public var clusterID: Int64
    public var isCanonical: Bool
    private let loadText: () throws(ArchiveError) -> String

    public init(documentID: Int64, clusterID: Int64, isCanonical: Bool,
                text: @escaping () throws(ArchiveError) -> String) {
        self.documentID = documentID
        self.clusterID = clusterID
        self.isCanonical = isCanonical
        self.loadText = text
    }

    public func text() throws(ArchiveError) -> String { try loadText() }
}
