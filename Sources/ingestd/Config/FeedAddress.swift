import Foundation

/// A feed's address as a person writes it (in the config or to `feeds add`), made into the
/// URL the archive keeps.
///
/// Guarantees: the result is an http, https or file URL; a path (absolute, `file:`-prefixed
/// or relative to `folder`) becomes a file URL; anything else (another scheme, text that is
/// not a URL) is refused with the reason, so no feed is followed that could never be fetched.
/// A list made by another program (OPML) gives web addresses only (`webURL`): a `file:` URL
/// there would make `run` read a local file as a feed.
enum FeedAddress {
    struct Refused: Error, CustomStringConvertible {
        var address: String
        var onlyWeb = false
        var description: String {
            "\(address): not a feed address (\(onlyWeb ? "an http or https URL" : "an http, https or file URL, or a path"))"
        }
    }

    /// An http or https URL with a host, as given; anything else is refused.
    static func webURL(_ raw: String) throws(Refused) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
              ["http", "https"].contains(scheme), !(components.host ?? "").isEmpty,
              trimmed.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
            throw Refused(address: raw, onlyWeb: true)
        }
        return trimmed
    }

    static func url(_ raw: String, relativeTo folder: URL) throws(Refused) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw Refused(address: raw) }
        if trimmed.contains("://") {
            guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
                  ["http", "https", "file"].contains(scheme), scheme == "file" || !(components.host ?? "").isEmpty else {
                throw Refused(address: raw)
            }
            return trimmed
        }
        let relative = trimmed.hasPrefix("file:") ? String(trimmed.dropFirst(5)) : trimmed
        let resolved = relative.hasPrefix("/") ? URL(fileURLWithPath: relative) : folder.appendingPathComponent(relative)
        return resolved.standardizedFileURL.absoluteString
    }
}
