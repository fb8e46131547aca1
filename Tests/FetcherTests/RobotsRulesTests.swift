@testable import Fetcher
import Testing

/// robots.txt as RFC 9309 reads it, for the agent token "ingestd".
struct RobotsRulesTests {
    let text = """
        # comments and blank lines are ignored
        User-agent: otherbot
        Disallow: /

        User-agent: ingestd
        User-agent: somebot
        Disallow: /private/
        Allow: /private/press/
        Disallow: /*.pdf$
        Crawl-delay: 2.5

        User-agent: *
        Disallow: /
        """

    @Test func ourGroupWinsOverTheWildcard() {
        let rules = RobotsRules(parsing: text, agent: "ingestd")
        #expect(rules.allows(path: "/news/1.html"))
        #expect(!rules.allows(path: "/private/memo.html"))
        #expect(rules.allows(path: "/private/press/release.html"), "the longer Allow wins")
        #expect(!rules.allows(path: "/files/report.pdf"))
        #expect(rules.allows(path: "/files/report.pdf?download=1"), "$ anchors the end")
        #expect(rules.crawlDelay == 2.5)
    }

    @Test func otherAgentsFallBackToTheWildcardGroup() {
        #expect(!RobotsRules(parsing: text, agent: "unknownbot").allows(path: "/news/1.html"))
        #expect(RobotsRules(parsing: "", agent: "ingestd").allows(path: "/anything"))
        #expect(RobotsRules(parsing: "User-agent: *\nDisallow:\n", agent: "ingestd").allows(path: "/x"), "an empty Disallow allows all")
    }

    @Test func theAgentTokenComesFromTheUserAgent() {
        #expect(FetchSettings().robotsToken == "ingestd")
    }
}
