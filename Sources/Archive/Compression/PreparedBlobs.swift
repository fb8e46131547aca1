import Foundation

/// A new document's text and raw capture, compressed ahead of the write on any thread
/// (`BlobPreparer`): the part of storing a document that needs no archive, two deflates
/// and the capture's SHA-256, taken off the writing thread.
///
/// Guarantees: the bytes are exactly what the write path makes for the same text and
/// capture body. The writer takes the text's blob only when the text gets no base and the
/// blob was made with the archive's newest dictionary, and the capture's stream only when
/// the capture is new; anything else is compressed anew. The writer cannot check that
/// they belong to the text and body it is given: the caller keeps them together.
public struct PreparedBlobs: Sendable {
    /// The dictionary the text was compressed with (nil: none existed yet).
    let dictionary: SharedDictionary?
    /// `TextBlob` of the text without a base.
    let text: Data
    /// `CaptureBlob` of the body against the text, less the header naming the document
    /// (unknown until it is stored); nil when the text is empty.
    let captureStream: Data?
    let captureSHA256: String

    /// The text's blob if it was made with `dictionary` (or neither had one).
    func text(with dictionary: SharedDictionary?) -> Data? {
        guard let made = self.dictionary else { return dictionary == nil ? text : nil }
        return made.isSame(as: dictionary) ? text : nil
    }
}

/// Makes `PreparedBlobs` with the archive's newest shared dictionary at the time it was
/// asked for (`ArchiveStore.blobPreparer()`). Safe to use from any thread.
public struct BlobPreparer: Sendable {
    let dictionary: SharedDictionary?

    public func prepare(text: String, captureBody: Data, contentType: String?) -> PreparedBlobs {
        let utf8 = Data(text.utf8)
        return PreparedBlobs(dictionary: dictionary, text: TextBlob.encode(utf8, dictionary: dictionary, base: nil),
                             captureStream: CaptureBlob.stream(captureBody, text: utf8, isJSON: CaptureBlob.isJSON(contentType)),
                             captureSHA256: ArchiveStore.sha256Hex(captureBody))
    }
}
