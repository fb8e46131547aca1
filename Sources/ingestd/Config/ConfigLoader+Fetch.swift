import Fetcher

extension ConfigLoader {
    /// Applies the `fetch:` section, refusing values no fetch can work with: a limit or
    /// timeout of zero or below, a negative delay, an address range that does not parse.
    static func resolveFetch(_ f: ConfigFile.Fetch, into config: inout IngestdConfig, path: String) throws(ConfigError) {
        var fetch = config.fetch
        fetch.userAgent = f.userAgent ?? fetch.userAgent
        fetch.connectTimeout = f.connectTimeoutSeconds ?? fetch.connectTimeout
        fetch.totalTimeout = f.totalTimeoutSeconds ?? fetch.totalTimeout
        fetch.lowSpeedBytes = f.lowSpeedBytes ?? fetch.lowSpeedBytes
        fetch.lowSpeedSeconds = f.lowSpeedSeconds ?? fetch.lowSpeedSeconds
        fetch.maxRedirects = f.maxRedirects ?? fetch.maxRedirects
        fetch.maxBodyBytes = f.maxBodyBytes ?? fetch.maxBodyBytes
        fetch.memoryBudgetBytes = f.memoryBudgetBytes ?? fetch.memoryBudgetBytes
        fetch.maxConcurrent = f.maxConcurrent ?? fetch.maxConcurrent
        fetch.perHostConcurrent = f.perHostConcurrent ?? fetch.perHostConcurrent
        fetch.perHostDelay = f.perHostDelaySeconds ?? fetch.perHostDelay
        fetch.maxCrawlDelay = f.maxCrawlDelaySeconds ?? fetch.maxCrawlDelay
        fetch.retries = f.retries ?? fetch.retries
        fetch.retryBaseDelay = f.retryBaseDelaySeconds ?? fetch.retryBaseDelay
        fetch.maxRetryAfter = f.maxRetryAfterSeconds ?? fetch.maxRetryAfter
        fetch.obeyRobots = f.obeyRobots ?? fetch.obeyRobots
        fetch.robotsMaxAge = (f.robotsMaxAgeHours ?? fetch.robotsMaxAge / 3_600) * 3_600
        fetch.runDeadline = f.runDeadlineSeconds ?? fetch.runDeadline
        config.schedule.interval = (f.intervalMinutes ?? config.schedule.interval / 60) * 60
        config.schedule.maxInterval = (f.maxIntervalHours ?? config.schedule.maxInterval / 3_600) * 3_600
        config.schedule.parkAfterFailures = f.parkAfterFailures ?? config.schedule.parkAfterFailures
        config.keepFeedCaptures = f.keepFeedCaptures ?? config.keepFeedCaptures
        var networks: [IPNetwork] = []
        for text in f.allowNetworks ?? [] {
            guard let network = IPNetwork(text) else {
                throw ConfigError(path: path, reason: "fetch.allow_networks: \"\(text)\" is not an address or CIDR range (such as 10.0.0.0/8 or fd00::/8)")
            }
            networks.append(network)
        }
        fetch.networkPolicy = NetworkPolicy(allowed: networks)
        let rules: [(String, Bool)] = [
            ("connect_timeout_seconds must be at least 1", fetch.connectTimeout >= 1),
            ("total_timeout_seconds must be at least 1", fetch.totalTimeout >= 1),
            ("low_speed_bytes and low_speed_seconds must not be negative", fetch.lowSpeedBytes >= 0 && fetch.lowSpeedSeconds >= 0),
            ("max_redirects must not be negative", fetch.maxRedirects >= 0),
            ("max_body_bytes must be at least 1", fetch.maxBodyBytes >= 1),
            ("memory_budget_bytes must be at least 1", fetch.memoryBudgetBytes >= 1),
            ("max_concurrent and per_host_concurrent must be at least 1", fetch.maxConcurrent >= 1 && fetch.perHostConcurrent >= 1),
            ("per_host_delay_seconds and max_crawl_delay_seconds must not be negative", fetch.perHostDelay >= 0 && fetch.maxCrawlDelay >= 0),
            ("retries, retry_base_delay_seconds and max_retry_after_seconds must not be negative",
             fetch.retries >= 0 && fetch.retryBaseDelay >= 0 && fetch.maxRetryAfter >= 0),
            ("robots_max_age_hours must not be negative", fetch.robotsMaxAge >= 0),
            ("run_deadline_seconds must be above 0", (fetch.runDeadline ?? 1) > 0),
            ("interval_minutes must not be negative and max_interval_hours not below it",
             config.schedule.interval >= 0 && config.schedule.maxInterval >= config.schedule.interval),
            ("park_after_failures must be at least 1", config.schedule.parkAfterFailures >= 1),
        ]
        if let broken = rules.first(where: { !$0.1 }) {
            throw ConfigError(path: path, reason: "fetch.\(broken.0)")
        }
        config.fetch = fetch
    }
}
