import Foundation

/// The saved pages an `extract` run reads: files given, or the .html/.htm files of folders given.
///
/// Guarantees: ids are file names without extension; the list is sorted by id, so output order
/// is stable; a path that does not exist is an error naming it; a page larger than
/// `maxPageBytes` is refused when read, before it is loaded whole.
enum PageList {
    struct Page {
        var id: String
        var path: String
    }

    static let maxPageBytes = 64 << 20
    static let extensions: Set<String> = ["html", "htm"]

    static func htmlFiles(in paths: [String]) throws -> [Page] {
        var pages: [Page] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw CommandFailure(.noInput, "\(path): no such file or folder")
            }
            if isFolder.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path)
                for name in names where extensions.contains((name as NSString).pathExtension.lowercased()) {
                    pages.append(page(path + "/" + name))
                }
            } else {
                pages.append(page(path))
            }
        }
        return pages.sorted { $0.id < $1.id }
    }

    static func read(_ path: String) throws -> Data {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maxPageBytes else {
            throw CommandFailure(.dataError, "page is \(size) bytes, over the \(maxPageBytes)-byte limit of extract")
        }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    private static func page(_ path: String) -> Page {
        Page(id: ((path as NSString).lastPathComponent as NSString).deletingPathExtension, path: path)
    }
}
