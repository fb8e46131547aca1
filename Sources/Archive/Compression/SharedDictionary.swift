import Foundation

/// One of the archive's shared dictionaries as texts use it: its id, the zlib preset and,
/// for a word dictionary, the `WordCoder` run before zlib (nil for the preset-only
/// dictionaries of archives made before word coding).
///
/// Guarantees: a dictionary's content never changes once written, so one built from the
/// same stored bytes (named by their SHA-256) is shared by every reader in the process;
/// at most `cacheLimit` are kept.
struct SharedDictionary: Sendable {
    let id: UInt32
    /// The SHA-256s of its preset and vocabulary, as stored: with `id`, what tells it
    /// from another dictionary given the same id by a transaction that rolled back.
    let digest: String
    let preset: Data
    let coder: WordCoder?

    /// The same stored dictionary.
    func isSame(as other: SharedDictionary?) -> Bool {
        other.map { $0.id == id && $0.digest == digest } ?? false
    }

    static let cacheLimit = 8

    /// Dictionary `id` whose stored bytes hash to `digest` (its SHA-256s), made by `make`
    /// only the first time.
    static func cached(id: UInt32, digest: String, make: () throws -> SharedDictionary) rethrows -> SharedDictionary {
        if let hit = Cache.shared.get(id, digest) { return hit }
        let made = try make()
        Cache.shared.put(made)
        return made
    }

    /// Building a coder hashes every vocabulary word: done once per dictionary, not per text.
    /// A few entries, searched in order: cheaper than hashing a 130-byte key for every text.
    private final class Cache: @unchecked Sendable {
        static let shared = Cache()
        private var entries: [SharedDictionary] = []
        private let lock = NSLock()

        func get(_ id: UInt32, _ digest: String) -> SharedDictionary? {
            lock.withLock { entries.first { $0.id == id && $0.digest == digest } }
        }

        func put(_ dictionary: SharedDictionary) {
            lock.withLock {
                if entries.count >= SharedDictionary.cacheLimit { entries.removeAll() }
                entries.append(dictionary)
            }
        }
    }
}
