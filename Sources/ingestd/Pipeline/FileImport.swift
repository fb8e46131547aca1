import Archive
import Foundation

/// Archives local `.html`, `.htm` and `.txt` files, given one by one or as folders.
///
/// Guarantees: files are read in sorted path order, so imports are reproducible; each file
/// is one capture (`file://` URL) and one sighting under a source for the path named on the
/// command line; importing the same files again adds nothing; an unreadable or unusable
/// file is reported by name and skipped.
struct FileImport {
    static let extensions: Set<String> = ["html", "htm", "txt"]

    let store: any CorpusStore
    let archiver: PageArchiver
    let maxBytes: Int
    let warn: (String) -> Void

    func run(paths: [String]) throws -> RunSummary {
        var summary = RunSummary()
        for path in paths {
            let root = URL(fileURLWithPath: path).standardizedFileURL
            let files = try Self.files(under: root)
            let sourceID = try store.ensureSource(url: root.absoluteString, kind: "import")
            let progress = ProgressBar(total: files.count)
            defer { progress.finish() }
            for file in files {
                progress.advance()
                summary.files += 1
                do {
                    summary.count(try archive(file, sourceID: sourceID))
                } catch let error as ArchiveError {
                    throw error
                } catch {
                    summary.filesFailed += 1
                    warn("\(error)")
                }
            }
        }
        return summary
    }

    static func files(under root: URL) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            throw CommandFailure(.noInput, "\(root.path): no such file or folder")
        }
        guard isDirectory.boolValue else { return [root] }
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        return (walker?.allObjects as? [URL] ?? [])
            .filter { extensions.contains($0.pathExtension.lowercased()) }
            .map(\.standardizedFileURL)
            .sorted { $0.path < $1.path }
    }

    private func archive(_ file: URL, sourceID: Int64) throws -> IngestOutcomeKind {
        let attributes = (try? FileManager.default.attributesOfItem(atPath: file.path)) ?? [:]
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw CommandFailure(.dataError, "\(file.path): not a regular file (a device, pipe or socket); skipped")
        }
        let size = attributes[.size] as? Int ?? 0
        guard size <= maxBytes else {
            throw CommandFailure(.dataError, "\(file.path): \(size) bytes, over the \(maxBytes)-byte limit (normalizer.max_input_bytes)")
        }
        let body: Data
        do { body = try Data(contentsOf: file) } catch {
            throw CommandFailure(.ioError, "\(file.path): cannot read: \(error.localizedDescription)")
        }
        // A file is taken whatever its name: one that is not a page or a text (a crawl's WARC
        // found in a folder, a compressed file) is refused by name, never read as one page
        // that glues its records together. (WARC files named on the command line go to `WARCImport`.)
        if body.starts(with: Data("WARC/".utf8)) {
            throw CommandFailure(.dataError, "\(file.path): a WARC file inside a folder; name it on the command line to import its records; skipped")
        }
        if body.starts(with: [0x1F, 0x8B]) {
            throw CommandFailure(.dataError, "\(file.path): gzip-compressed; import reads HTML and text pages (and --jsonl reads gzip); skipped")
        }
        let type = file.pathExtension.lowercased() == "txt" ? "text/plain; charset=utf-8" : "text/html"
        let capture = CaptureInput(requestedURL: file.absoluteString, finalURL: file.absoluteString, status: 200,
                                   contentType: type, etag: nil, lastModified: nil, headers: [], fetchedAt: Date(), body: body)
        return try archiver.archive(Sighting(sourceID: sourceID, entryKey: file.absoluteString, url: file.absoluteString,
                                             capture: capture))
    }
}
