import Archive
import Fetcher

/// One fetched feed body whose entries are still being fetched and archived.
final class FeedProgress {
    let state: FeedState
    let capture: Capture
    let document: FeedDocument
    let bodySHA: String
    var pending = 0
    /// Entries not seen before, whose pages this pass fetches.
    var newEntries = 0
    private(set) var failures = 0
    private(set) var firstError: String?

    init(state: FeedState, capture: Capture, document: FeedDocument, bodySHA: String) {
        self.state = state
        self.capture = capture
        self.document = document
        self.bodySHA = bodySHA
    }

    func failed(_ message: String) {
        failures += 1
        firstError = firstError ?? message
    }
}
