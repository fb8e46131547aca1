/// One generated document with its truth: the cluster it belongs to and what kind of
/// document it is (`original`, `syndicated`, `rewrite`, `quote-sharing`, `same-event`,
/// `template` or `singleton`).
public struct CorpusDocument: Sendable, Equatable {
    public var id: String
    public var text: String
    public var cluster: String
    public var kind: String
    public var published: String
}
