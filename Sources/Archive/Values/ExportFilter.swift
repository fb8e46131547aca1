import Foundation

/// Which documents an export takes, always in id order so that `afterID` resumes exactly
/// where an earlier export stopped.
///
/// `since`/`until` bound the time a document was first seen (`until` exclusive); `source`
/// keeps documents seen through that source URL; `language` and `cluster` match exactly;
/// `canonicalOnly` keeps one document per cluster.
public struct ExportFilter: Sendable, Equatable {
    public var since: Date?
    public var until: Date?
    public var source: String?
    public var language: String?
    public var cluster: Int64?
    public var canonicalOnly = false
    public var afterID: Int64?

    public init() {}
}
