import Archive
import Fetcher
import Foundation
import Normalizer
import Yams

/// Reads, checks and resolves a YAML config file into an `IngestdConfig`.
enum ConfigLoader {
    static func load(path: String) throws(ConfigError) -> IngestdConfig {
        let url = URL(fileURLWithPath: path)
        let yaml: String
        do { yaml = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ConfigError(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
        return try parse(yaml: yaml, folder: url.deletingLastPathComponent(), path: path)
    }

    /// Reads a config's text; relative feed paths resolve against `folder`, and errors name `path`.
    static func parse(yaml: String, folder: URL, path: String) throws(ConfigError) -> IngestdConfig {
        let file: ConfigFile
        do {
            // Parsed once: the tree is counted, its keys checked, then decoded.
            if let root = try Yams.compose(yaml: yaml) {
                if let problem = shapeProblem(root) { throw ConfigError(path: path, reason: problem) }
                try checkKeys(Constructor.default.any(from: root), path: path)
                file = try YAMLDecoder().decode(ConfigFile.self, from: root)
            } else {
                throw ConfigError(path: path, reason: "it is empty; it needs a mapping of sections (see config/ingestd.example.yaml)")
            }
        } catch let error as ConfigError {
            throw error
        } catch let error as DecodingError {
            throw ConfigError(path: path, reason: describe(error))
        } catch {
            throw ConfigError(path: path, reason: "not valid YAML: \(error)")
        }
        return try resolve(file, folder: folder, path: path)
    }

    /// The most values (scalars, mappings, sequences, each alias counted in full) a config
    /// may hold: a few aliases nested can stand for billions, which would take minutes and
    /// gigabytes to decode.
    static let maxValues = 200_000

    /// How deep sections may nest; a config needs three levels.
    static let maxDepth = 64

    /// What makes the tree unusable before it is read: more than `maxValues` values
    /// (aliases expanded), nesting deeper than `maxDepth`, or a mapping key that is not a
    /// plain value (`? [a, b]: x`, which YAML allows and no setting is). One walk without
    /// recursion, stopped as soon as the budget is spent, so the check stays cheap.
    private static func shapeProblem(_ root: Node) -> String? {
        var budget = maxValues
        var stack: [(node: Node, depth: Int)] = [(root, 0)]
        while let (node, depth) = stack.popLast() {
            budget -= 1
            guard budget >= 0 else { return "it expands to more than \(maxValues) values (through YAML aliases?); refused" }
            guard depth <= maxDepth else { return "it nests deeper than \(maxDepth) levels; refused" }
            switch node {
            case let .mapping(mapping):
                for (key, value) in mapping {
                    guard case .scalar = key else {
                        let line = mapping.mark.map { " (line \($0.line))" } ?? ""
                        return "a key\(line) is not a plain name; every setting is named by a word"
                    }
                    stack.append((value, depth + 1))
                }
            case let .sequence(sequence): stack += sequence.map { ($0, depth + 1) }
            case .scalar, .alias: continue
            }
        }
        return nil
    }

    private static func resolve(_ file: ConfigFile, folder: URL, path: String) throws(ConfigError) -> IngestdConfig {
        var config = IngestdConfig()
        do {
            config.feeds = try file.feeds?.map { FeedConfig(url: try FeedAddress.url($0.url, relativeTo: folder), name: $0.name) } ?? []
        } catch {
            throw ConfigError(path: path, reason: "feeds: \(error)")
        }
        if let location = file.archive?.url {
            guard !location.isEmpty else { throw ConfigError(path: path, reason: "archive.url is empty") }
            config.archive = PostgresArchive.isURL(location) || location.hasPrefix("/")
                ? location : folder.appendingPathComponent(location).standardizedFileURL.path
        }
        if let f = file.fetch { try resolveFetch(f, into: &config, path: path) }
        do {
            let b = file.boilerplate
            let base = b?.replaceDefaults == true ? [] : BoilerplateRules.defaultPatterns
            config.normalizer = NormalizerSettings(boilerplate: try BoilerplateRules(
                patterns: base + (b?.extraPatterns ?? []),
                maxParagraphCharacters: b?.maxParagraphCharacters ?? BoilerplateRules.defaultMaxParagraphCharacters))
            if let n = file.normalizer {
                config.normalizer.maxInputBytes = n.maxInputBytes ?? config.normalizer.maxInputBytes
                config.normalizer.minArticleWords = n.minArticleWords ?? config.normalizer.minArticleWords
                config.normalizer.maxLinkDensity = n.maxLinkDensity ?? config.normalizer.maxLinkDensity
                config.normalizer.linkBlockMaxWords = n.linkBlockMaxWords ?? config.normalizer.linkBlockMaxWords
                config.normalizer.pruneGuardFraction = n.pruneGuardFraction ?? config.normalizer.pruneGuardFraction
                config.normalizer.templateMinPages = n.templateMinPages ?? config.normalizer.templateMinPages
                config.normalizer.templateMaxWords = n.templateMaxWords ?? config.normalizer.templateMaxWords
                config.normalizer.maxParseSeconds = n.maxParseSeconds ?? config.normalizer.maxParseSeconds
            }
            config.dedup = file.dedup ?? DuplicateSettings()
            try config.dedup.validate()
        } catch {
            throw ConfigError(path: path, reason: error.description)
        }
        guard config.normalizer.templateMinPages >= 2, config.normalizer.templateMaxWords >= 1 else {
            throw ConfigError(path: path, reason: "normalizer.template_min_pages must be at least 2 and template_max_words at least 1")
        }
        guard config.normalizer.maxInputBytes >= 1, config.normalizer.maxParseSeconds > 0 else {
            throw ConfigError(path: path, reason: "normalizer.max_input_bytes must be at least 1 and max_parse_seconds above 0")
        }
        return config
    }

    /// Absolute URLs stay; `file:relative` and bare paths resolve against the config's folder.
    private static func checkKeys(_ node: Any?, path: String) throws(ConfigError) {
        guard let top = node as? [String: Any] else {
            if node == nil { return }
            throw ConfigError(path: path, reason: "the top level must be a mapping of sections")
        }
        try check(top, section: "", path: path)
        for (name, value) in top {
            if name == "feeds" {
                for (i, feed) in ((value as? [Any]) ?? []).enumerated() {
                    guard let feed = feed as? [String: Any] else { throw ConfigError(path: path, reason: "feeds[\(i)] must be a mapping with a url") }
                    try check(feed, section: "feeds[]", path: path)
                }
            } else if let section = value as? [String: Any] {
                try check(section, section: name, path: path)
            }
        }
    }

    private static func check(_ mapping: [String: Any], section: String, path: String) throws(ConfigError) {
        guard let known = ConfigFile.knownKeys[section] else { return }
        if let unknown = mapping.keys.sorted().first(where: { !known.contains($0) }) {
            let place = section.isEmpty ? "top level" : "section \(section)"
            throw ConfigError(path: path, reason: "unknown setting \"\(unknown)\" in \(place); known: \(known.sorted().joined(separator: ", "))")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func where_(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
        }
        switch error {
        case let .keyNotFound(key, ctx): return "\(where_(ctx.codingPath + [key])) is missing"
        case let .typeMismatch(type, ctx): return "\(where_(ctx.codingPath)) should be \(type)"
        case let .valueNotFound(type, ctx): return "\(where_(ctx.codingPath)) needs a \(type) value"
        case let .dataCorrupted(ctx): return "\(where_(ctx.codingPath)): \(ctx.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
