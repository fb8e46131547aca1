/// How many documents a store holds for one source, day and kind: what `clusters report`
/// charts, counted by the store without reading a text.
public struct DocumentCount: Sendable, Equatable {
    /// The URL of the source the documents were first seen through.
    public var source: String?
    /// `yyyy-MM-dd` in UTC: the day of publication, else of the first sighting.
    public var day: String
    /// Canonicals (originals), rather than members that joined a cluster.
    public var isOriginal: Bool
    public var count: Int

    public init(source: String?, day: String, isOriginal: Bool, count: Int) {
        self.source = source
        self.day = day
        self.isOriginal = isOriginal
        self.count = count
    }
}
