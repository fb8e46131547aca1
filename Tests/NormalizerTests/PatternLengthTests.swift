@testable import Normalizer
import Foundation
import Testing

/// The most scalars a boilerplate pattern can match, as read off the pattern.
struct PatternLengthTests {
    @Test func boundsAreReadOffThePattern() {
        #expect(PatternLength.maximum("leave a (reply|comment)") == 15)
        #expect(PatternLength.maximum(".{0,40}abone ol") == 48)
        #expect(PatternLength.maximum("subscribe( now| today)?") == 15)
        #expect(PatternLength.maximum("(?:ab|c){3}") == 6)
        #expect(PatternLength.maximum("[^.!?]{1,60}x") == 61)
        #expect(PatternLength.maximum(#"x\.?"#) == 2)
        // A class with a non-ASCII member counts three scalars; `ß` matches "SS".
        #expect(PatternLength.maximum("[iİ]lgili") == 8)
        #expect(PatternLength.maximum("straße") == 7)
    }

    @Test func anythingUnboundedOrUnreadHasNoBound() {
        for pattern in [#"(\d+ )?comments?"#, #"\|?\s*welcome to"#, "a{2,}", "a*", "(?=a)b", "(?i)zed", #"\p{L}"#, "[[a-z]&&[^q]]",
                        "(a", "a)", "a{x}", #"\1"#] {
            #expect(PatternLength.maximum(pattern) == nil, "\(pattern)")
        }
    }

    /// Every bounded built-in pattern: a string of its bound matches nothing longer, and the
    /// bound is not below what its longest plain expansion matches.
    @Test func builtInBoundsHoldAgainstTheExpressions() throws {
        for pattern in BoilerplateRules.defaultPatterns {
            guard let bound = PatternLength.maximum(pattern) else { continue }
            #expect(bound > 0 && bound <= 400, "\(pattern): \(bound)")
        }
        let copyright = try #require(PatternLength.maximum(#".{0,60}© ?\d{4}.{0,80}"#))
        #expect(copyright == 146)
        let e = try NSRegularExpression(pattern: #"^(?:.{0,60}© ?\d{4}.{0,80})$"#, options: [.caseInsensitive])
        for extra in [0, 1] {
            let s = String(repeating: "a", count: 60 + extra) + "© 2024" + String(repeating: "b", count: 80)
            let matched = e.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
            #expect(matched == (s.unicodeScalars.count <= copyright), "\(s.unicodeScalars.count)")
        }
    }
}
