/// What an export reads from a store, SQLite or PostgreSQL alike: documents with their
/// provenance, and raw captures (of documents, and of feeds), each streamed in a stable
/// order under an `ExportFilter`.
public protocol ExportSource: AnyObject {
    func forEachDocument(_ filter: ExportFilter, withRecords: Bool, _ body: (DocumentDetail) throws -> Void) throws
    func forEachCapture(_ filter: ExportFilter, _ body: (CaptureExport) throws -> Void) throws
    func forEachFeedCapture(_ filter: ExportFilter, _ body: (CaptureExport) throws -> Void) throws
    /// The documents the filter takes, counted by first source, day and kind.
    func documentCounts(_ filter: ExportFilter) throws -> [DocumentCount]
}

extension ArchiveStore: ExportSource {}
