import Fetcher
import Foundation
import Normalizer

/// The whole configuration of ingestd, as read from a YAML file.
///
/// Guarantees: every section is optional and falls back to documented defaults;
/// feed URLs are absolute after loading (relative paths and `file:` URLs resolve against
/// the config file's folder); settings are validated, so a loaded config never makes a
/// stage break its guarantees.
struct IngestdConfig: Sendable {
    /// The archive (`archive.url`): a file path (relative to the config's folder) or a
    /// postgres:// URL; `--archive` and $INGESTD_ARCHIVE come first.
    var archive: String?
    var feeds: [FeedConfig] = []
    var fetch = FetchSettings()
    var schedule = FeedSchedule()
    var normalizer = NormalizerSettings()
    var dedup = DuplicateSettings()
    /// Whether `run` archives each new body of a feed as a capture (`fetch.keep_feed_captures`).
    var keepFeedCaptures = false
}

/// One configured feed.
struct FeedConfig: Sendable, Equatable {
    var url: String
    var name: String?
}
