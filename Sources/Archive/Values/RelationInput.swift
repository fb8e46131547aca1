/// A measured duplicate relation from a new document to an archived one.
/// `passagesJSON` is the evidence, stored verbatim for inspection.
public struct RelationInput: Sendable {
    public var otherID: Int64
    public var kind: String
    public var jaccard: Double
    public var containment: Double
    public var passagesJSON: String

    public init(otherID: Int64, kind: String, jaccard: Double, containment: Double, passagesJSON: String) {
        self.otherID = otherID
        self.kind = kind
        self.jaccard = jaccard
        self.containment = containment
        self.passagesJSON = passagesJSON
    }
}
