import Archive
import Foundation

/// Where and how a text was seen: the source, the feed entry (or file), and the capture.
struct Sighting {
    var sourceID: Int64
    var entryKey: String
    var entryTitle: String?
    var entryPublished: Date?
    var url: String
    var capture: CaptureInput

    func ingest(_ content: Ingest.Content) -> Ingest {
        Ingest(sourceID: sourceID, entryKey: entryKey, entryTitle: entryTitle, entryPublished: entryPublished,
               url: url, capture: capture, content: content)
    }
}
