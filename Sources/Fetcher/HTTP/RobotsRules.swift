/// The rules of one host's robots.txt that apply to one user agent (RFC 9309): the group
/// naming the agent's product token, else the `*` group; the longest matching `Allow` or
/// `Disallow` path wins, `Allow` on a tie; `*` and a final `$` in paths; `Crawl-delay`.
///
/// Guarantees: a missing or unreadable robots.txt allows everything (as RFC 9309 says for
/// 4xx); a server or network error on robots.txt disallows everything, but only for now
/// (`isUnreachable`): the pages wait for a later run instead of being given up.
public struct RobotsRules: Sendable, Equatable {
    struct Rule: Sendable, Equatable {
        var allow: Bool
        var pattern: String
    }

    var rules: [Rule] = []
    public var crawlDelay: Double?
    /// robots.txt could not be read (5xx, timeout): nothing may be fetched now, but the
    /// refusal says nothing about later.
    public var isUnreachable = false

    public static let allowAll = RobotsRules()
    public static let unreachable = RobotsRules(rules: [Rule(allow: false, pattern: "/")], isUnreachable: true)

    init(rules: [Rule] = [], crawlDelay: Double? = nil, isUnreachable: Bool = false) {
        self.rules = rules
        self.crawlDelay = crawlDelay
        self.isUnreachable = isUnreachable
    }

    /// Reads robots.txt text for the agent whose product token is `agent` (lowercase).
    public init(parsing text: String, agent: String) {
        var groups: [(agents: [String], rules: [Rule], delay: Double?)] = []
        var inAgentLine = false
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if !inAgentLine || groups.isEmpty { groups.append(([], [], nil)) }
                groups[groups.count - 1].agents.append(value.lowercased())
                inAgentLine = true
            case "allow", "disallow":
                inAgentLine = false
                guard !groups.isEmpty, !(key == "disallow" && value.isEmpty) else { continue }
                groups[groups.count - 1].rules.append(Rule(allow: key == "allow", pattern: value))
            case "crawl-delay":
                inAgentLine = false
                if !groups.isEmpty, let d = Double(value) { groups[groups.count - 1].delay = d }
            default:
                inAgentLine = false
            }
        }
        let mine = groups.filter { $0.agents.contains { !$0.isEmpty && $0 != "*" && agent.hasPrefix($0) } }
        let chosen = mine.isEmpty ? groups.filter { $0.agents.contains("*") } : mine
        rules = chosen.flatMap(\.rules)
        crawlDelay = chosen.compactMap(\.delay).max()
    }

    /// Whether the path (with query) may be fetched.
    public func allows(path: String) -> Bool {
        var best: Rule?
        for rule in rules where Self.matches(rule.pattern, path) {
            if best == nil || rule.pattern.count > best!.pattern.count || (rule.pattern.count == best!.pattern.count && rule.allow) {
                best = rule
            }
        }
        return best?.allow ?? true
    }

    /// RFC 9309 matching: `*` matches any run of characters, a final `$` anchors the end.
    static func matches(_ pattern: String, _ path: String) -> Bool {
        var p = Substring(pattern)
        let anchored = p.hasSuffix("$")
        if anchored { p = p.dropLast() }
        let pieces = p.split(separator: "*", omittingEmptySubsequences: false)
        var rest = Substring(path)
        for (i, piece) in pieces.enumerated() {
            if i == 0 {
                guard rest.hasPrefix(piece) else { return false }
                rest = rest.dropFirst(piece.count)
            } else if piece.isEmpty {
                continue
            } else if i == pieces.count - 1 && anchored {
                return rest.hasSuffix(piece)
            } else {
                guard let r = rest.range(of: piece) else { return false }
                rest = rest[r.upperBound...]
            }
        }
        return !anchored || rest.isEmpty || pieces.count > 1 && pieces.last!.isEmpty
    }
}
