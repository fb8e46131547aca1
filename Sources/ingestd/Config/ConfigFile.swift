import Normalizer

/// The YAML file's shape, decoded as written; `ConfigLoader` turns it into `IngestdConfig`.
struct ConfigFile: Decodable {
    struct Feed: Decodable {
        var url: String
        var name: String?
    }

    struct Fetch: Decodable {
        var userAgent: String?
        var connectTimeoutSeconds: Int?
        var totalTimeoutSeconds: Int?
        var lowSpeedBytes: Int?
        var lowSpeedSeconds: Int?
        var maxRedirects: Int?
        var maxBodyBytes: Int?
        var maxConcurrent: Int?
        var perHostConcurrent: Int?
        var perHostDelaySeconds: Double?
        var maxCrawlDelaySeconds: Double?
        var retries: Int?
        var retryBaseDelaySeconds: Double?
        var maxRetryAfterSeconds: Double?
        var obeyRobots: Bool?
        var robotsMaxAgeHours: Double?
        var intervalMinutes: Double?
        var maxIntervalHours: Double?
        var parkAfterFailures: Int?
        var memoryBudgetBytes: Int?
        var allowNetworks: [String]?
        var runDeadlineSeconds: Double?
        var keepFeedCaptures: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case userAgent = "user_agent", connectTimeoutSeconds = "connect_timeout_seconds"
            case totalTimeoutSeconds = "total_timeout_seconds", lowSpeedBytes = "low_speed_bytes"
            case lowSpeedSeconds = "low_speed_seconds", maxRedirects = "max_redirects", maxBodyBytes = "max_body_bytes"
            case maxConcurrent = "max_concurrent", perHostConcurrent = "per_host_concurrent"
            case perHostDelaySeconds = "per_host_delay_seconds", maxCrawlDelaySeconds = "max_crawl_delay_seconds"
            case retries, retryBaseDelaySeconds = "retry_base_delay_seconds", maxRetryAfterSeconds = "max_retry_after_seconds"
            case obeyRobots = "obey_robots", robotsMaxAgeHours = "robots_max_age_hours", intervalMinutes = "interval_minutes", maxIntervalHours = "max_interval_hours"
            case parkAfterFailures = "park_after_failures", memoryBudgetBytes = "memory_budget_bytes"
            case allowNetworks = "allow_networks", runDeadlineSeconds = "run_deadline_seconds"
            case keepFeedCaptures = "keep_feed_captures"
        }
    }

    struct Normalizer: Decodable {
        var maxInputBytes: Int?
        var minArticleWords: Int?
        var maxLinkDensity: Double?
        var linkBlockMaxWords: Int?
        var pruneGuardFraction: Double?
        var templateMinPages: Int?
        var templateMaxWords: Int?
        var maxParseSeconds: Double?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case maxInputBytes = "max_input_bytes", minArticleWords = "min_article_words", maxParseSeconds = "max_parse_seconds"
            case maxLinkDensity = "max_link_density", linkBlockMaxWords = "link_block_max_words"
            case pruneGuardFraction = "prune_guard_fraction"
            case templateMinPages = "template_min_pages", templateMaxWords = "template_max_words"
        }
    }

    struct Boilerplate: Decodable {
        var extraPatterns: [String]?
        var replaceDefaults: Bool?
        var maxParagraphCharacters: Int?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case extraPatterns = "extra_patterns", replaceDefaults = "replace_defaults"
            case maxParagraphCharacters = "max_paragraph_characters"
        }
    }

    struct Archive: Decodable {
        var url: String?
    }

    /// The keys each section accepts, so a misspelt setting is an error, not silently ignored.
    static let knownKeys: [String: Set<String>] = [
        "": ["archive", "feeds", "fetch", "normalizer", "boilerplate", "dedup"],
        "archive": ["url"],
        "feeds[]": ["url", "name"],
        "fetch": Set(Fetch.CodingKeys.allCases.map(\.rawValue)),
        "normalizer": Set(Normalizer.CodingKeys.allCases.map(\.rawValue)),
        "boilerplate": Set(Boilerplate.CodingKeys.allCases.map(\.rawValue)),
        "dedup": Set(DuplicateSettings.configKeys),
    ]

    var archive: Archive?
    var feeds: [Feed]?
    var fetch: Fetch?
    var normalizer: Normalizer?
    var boilerplate: Boilerplate?
    var dedup: DuplicateSettings?
}
