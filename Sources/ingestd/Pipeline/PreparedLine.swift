import Archive
import Foundation
import Normalizer

/// One line of a JSONL corpus, read as far as it can be without the archive: decoded,
/// normalized, analyzed and compressed (see `LinePreparer`), or why it cannot be archived.
enum PreparedLine {
    case blank
    /// Over `normalizer.max_input_bytes`: this many bytes.
    case tooLong(Int)
    /// Not a corpus line: why.
    case undecodable(String)
    /// The blobs are nil when the article has no text.
    case ready(CorpusLine, Article, ArticleAnalysis, PreparedBlobs?)

    init(_ line: Data.SubSequence, normalizer: Normalizer, settings: DuplicateSettings, reader: JSONObjectReader,
         fields: CorpusLine.Fields, blobs: BlobPreparer) {
        guard !line.isEmpty else {
            self = .blank
            return
        }
        guard line.count <= normalizer.settings.maxInputBytes else {
            self = .tooLong(line.count)
            return
        }
        let entry: CorpusLine
        do { entry = try CorpusLine(json: line, reader: reader, fields: fields) } catch {
            self = .undecodable(JSONLImport.reason(error))
            return
        }
        let article = entry.article(normalizer)
        // The capture is the line as it came (`JSONLImport`).
        let prepared = article.text.isEmpty ? nil
            : blobs.prepare(text: article.text, captureBody: Data(line), contentType: CorpusLine.contentType)
        self = .ready(entry, article, ArticleAnalysis(article.text, settings: settings), prepared)
    }
}
