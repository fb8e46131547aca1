import Foundation

/// What the reader has gathered for the feed, one entry, an entry's source, an image or a
/// text input: values by feedparser's key names, with the content type of text constructs.
///
/// A reference type on purpose: the reader hands out "the current context" and writes
/// through it, as feedparser does with its dictionaries.
final class FeedContext {
    /// Values by key (`title`, `link`, `id`, `summary`, `author`, …).
    var values: [String: FeedText] = [:]
    /// The element depth each value was taken from; a deeper element does not overwrite it.
    var depths: [String: Int] = [:]
    /// Parsed dates by key (`published`, `updated`); the last element read wins, unparsable ones too.
    var dates: [String: Date?] = [:]
    /// Every `content` value, in document order.
    var contents: [FeedText] = []
    /// Author records (name, email, href), one per author element.
    var authors: [[String: String]] = []
    var hasImage = false
    /// RSS `<enclosure>`, Atom `link rel="enclosure"` and Media RSS `media:content`, in order.
    var media: [FeedMedia] = []
    /// Media RSS `media:thumbnail` URLs.
    var thumbnails: [String] = []

    subscript(key: String) -> String? {
        get { values[key]?.value }
        set { values[key] = newValue.map { FeedText($0) } }
    }

    /// Sets `key` only if it has no value yet.
    func setDefault(_ key: String, _ value: String?) {
        if values[key] == nil, let value { values[key] = FeedText(value) }
    }

    func clear() {
        values = [:]
        depths = [:]
        dates = [:]
        contents = []
        authors = []
        hasImage = false
        media = []
        thumbnails = []
    }
}
