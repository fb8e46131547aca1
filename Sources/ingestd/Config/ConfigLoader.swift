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
        let root: Node
        do {
            // Parsed once: the tree is counted, its keys checked, then decoded.
            // An empty file (or one of comments only) asks for every default.
            guard let composed = try Yams.compose(yaml: yaml) else { return IngestdConfig() }
            root = composed
            if let problem = shapeProblem(root) { throw ConfigError(path: path, reason: problem.reason, line: problem.mark?.line,
                                                                    column: problem.mark?.column) }
            try checkKeys(root, path: path)
            do { file = try YAMLDecoder().decode(ConfigFile.self, from: root) } catch let error as DecodingError {
                let mark = ConfigPosition(root: root).node(codingKeys(error)).flatMap(\.mark)
                throw ConfigError(path: path, reason: describe(error), line: mark?.line, column: mark?.column)
            }
        } catch let error as ConfigError {
            throw error
        } catch let error as YamlError {
            throw syntaxError(error, path: path)
        } catch {
            throw ConfigError(path: path, reason: "not valid YAML: \(error)")
        }
        do { return try resolve(file, folder: folder, path: path) } catch {
            throw ConfigPosition(root: root).locate(error)
        }
    }

    /// A YAML syntax error with its position and problem, without Yams's echo of the text.
    private static func syntaxError(_ error: YamlError, path: String) -> ConfigError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return ConfigError(path: path, reason: "not valid YAML: \(detail)", line: mark.line, column: mark.column)
        case let .duplicatedKeysInMapping(duplicates, context):
            return ConfigError(path: path, reason: "a key appears twice in one section: \(duplicates.joined(separator: ", "))",
                               line: context.mark.line, column: context.mark.column)
        default:
            return ConfigError(path: path, reason: "not valid YAML: \(error)")
        }
    }

    /// The keys of a decoding error's path, as `ConfigPosition` takes them (for a missing key,
    /// its section).
    private static func codingKeys(_ error: DecodingError) -> [String] {
        let context: DecodingError.Context? = switch error {
        case let .keyNotFound(_, c), let .typeMismatch(_, c), let .valueNotFound(_, c), let .dataCorrupted(c): c
        @unknown default: nil
        }
        return (context?.codingPath ?? []).map { $0.intValue.map(String.init) ?? $0.stringValue }
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
    private static func shapeProblem(_ root: Node) -> (reason: String, mark: Mark?)? {
        var budget = maxValues
        var stack: [(node: Node, depth: Int)] = [(root, 0)]
        while let (node, depth) = stack.popLast() {
            budget -= 1
            guard budget >= 0 else { return ("it expands to more than \(maxValues) values (through YAML aliases?); refused", nil) }
            guard depth <= maxDepth else { return ("it nests deeper than \(maxDepth) levels; refused", node.mark) }
            switch node {
            case let .mapping(mapping):
                for (key, value) in mapping {
                    guard case .scalar = key else {
                        return ("a key is not a plain name; every setting is named by a word", key.mark ?? mapping.mark)
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
        for (i, feed) in (file.feeds ?? []).enumerated() {
            do { config.feeds.append(FeedConfig(url: try FeedAddress.url(feed.url, relativeTo: folder), name: feed.name)) } catch {
                throw ConfigError(path: path, reason: "feeds[\(i)].url: \(error)")
            }
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

    /// Every key of the file is a setting ingestd knows, in the section it belongs to; an
    /// unknown one is named with its line and column.
    private static func checkKeys(_ root: Node, path: String) throws(ConfigError) {
        guard case let .mapping(top) = root else {
            throw ConfigError(path: path, reason: "the top level must be a mapping of sections", line: root.mark?.line, column: root.mark?.column)
        }
        try check(top, section: "", path: path)
        for (key, value) in top {
            if key.string == "feeds" {
                guard case let .sequence(feeds) = value else { continue }
                for (i, feed) in feeds.enumerated() {
                    guard case let .mapping(mapping) = feed else {
                        throw ConfigError(path: path, reason: "feeds[\(i)] must be a mapping with a url", line: feed.mark?.line, column: feed.mark?.column)
                    }
                    try check(mapping, section: "feeds[]", path: path)
                }
            } else if case let .mapping(section) = value, let name = key.string {
                try check(section, section: name, path: path)
            }
        }
    }

    private static func check(_ mapping: Node.Mapping, section: String, path: String) throws(ConfigError) {
        guard let known = ConfigFile.knownKeys[section] else { return }
        if let (key, _) = mapping.first(where: { !known.contains($0.key.string ?? "") }) {
            let place = section.isEmpty ? "top level" : "section \(section)"
            throw ConfigError(path: path, reason: "unknown setting \"\(key.string ?? "?")\" in \(place); known: \(known.sorted().joined(separator: ", "))",
                              line: key.mark?.line, column: key.mark?.column)
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
