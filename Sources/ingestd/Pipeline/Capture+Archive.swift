import Archive
import Fetcher

extension Capture {
    /// The capture as the archive stores it.
    var archiveInput: CaptureInput {
        CaptureInput(requestedURL: requestedURL, finalURL: finalURL, status: status, contentType: contentType,
                     etag: etag, lastModified: lastModified, headers: headers.map { [$0.name, $0.value] },
                     fetchedAt: fetchedAt, body: body,
                     requestHead: requestHead, responseHead: responseHead, wireBody: wireBody)
    }
}
