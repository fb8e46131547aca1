import Foundation
import Testing
import TestSupport
@testable import Timestamps

struct TimestampParserTests {
    @Test(arguments: [
        "Mon, 02 Mar 2026 08:30:00 +0200", "Mon, 2 Mar 2026 06:30:00 GMT", "2 Mar 2026 06:30:00 UT",
        "Mon, 02 Mar 2026 01:30:00 EST", "2026-03-02T06:30:00Z", "2026-03-02T08:30:00+02:00",
        "2026-03-02T08:30:00+0200", "2026-03-02 06:30:00Z", "2026-03-02T06:30:00.000Z", "  Mon,  02 Mar 2026 06:30:00 +0000 ",
    ])
    func sameInstantInEveryFormat(raw: String) {
        #expect(TimestampParser.parse(raw) == Date(timeIntervalSince1970: 1_772_433_000), "\(raw)")
    }

    @Test func bareDatesAreMidnightUTCAndGarbageIsNil() {
        #expect(TimestampParser.parse("2026-03-02") == Date(timeIntervalSince1970: 1_772_409_600))
        #expect(TimestampParser.parse("yesterday") == nil)
        #expect(TimestampParser.parse("") == nil)
    }

    /// Found by the feed fuzzer: Foundation's `DateFormatter` stopped the process on a
    /// combining mark after a digit. Such text is no date; a date with a no-break space is one.
    @Test func combiningMarksAreNoDateAndNoCrash() {
        #expect(TimestampParser.parse("2026-03-03T09:\u{031C}lmoraTdockTworkersTendT19-dayTstrike") == nil)
        #expect(TimestampParser.parse("3 Mar 2026 09:\u{031C}30 GMT") == nil)
        #expect(TimestampParser.parse("Tue, 3 Mar 2026\u{00A0}09:30:00 GMT") == Date(timeIntervalSince1970: 1_772_530_200))
    }
}

/// The byte-level ISO 8601 path agrees with Foundation's formatters and refuses what it cannot read.
struct ISO8601FastPathTests {
    @Test(arguments: [
        ("2025-09-04", "2025-09-04T00:00:00Z"), ("2025-09-04T10:15:30Z", "2025-09-04T10:15:30Z"),
        ("2025-09-04T10:15:30+03:00", "2025-09-04T07:15:30Z"), ("2025-09-04 10:15", "2025-09-04T10:15:00Z"),
        ("2024-02-29T23:59:59.750-0500", "2024-03-01T04:59:59Z"), ("1999-12-31T23:00:00+01", "1999-12-31T22:00:00Z"), ("2025-12-02 10:39:46 -0600", "2025-12-02T16:39:46Z"),
    ])
    func readsTheCommonForms(raw: String, utc: String) throws {
        let d = try #require(ISO8601Scanner.parse(raw))
        #expect(TimestampParser.iso8601String(d) == utc)
        #expect(TimestampParser.parse(raw) == d)
    }

    @Test(arguments: ["2025-13-01", "2025-04-31", "2023-02-29", "2025-09-04T25:00", "2025-9-4", "2025-09-04T10:15:30+3"])
    func refusesImpossibleOrOddForms(raw: String) {
        #expect(ISO8601Scanner.parse(raw) == nil)
    }
}

/// feedparser's own date table (../shared/feeds/suite-dates): every RFC 822, W3C-DTF and
/// asctime case, as feed dates come.
struct FeedparserDateTableTests {
    @Test func everyFeedDateFormOfTheTableReadsAsFeedparserReadsIt() throws {
        let table = TestPaths.shared.appendingPathComponent("feeds/suite-dates/dates.json")
        guard let data = try? Data(contentsOf: table) else { return }
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cases = try #require(json["cases"] as? [[String: Any]])
        var checked = 0
        for c in cases where ["rfc822", "w3dtf", "asctime"].contains(c["parser"] as? String) {
            let input = try #require(c["input"] as? String)
            guard !input.contains(" 0100 ") else { continue }  // a year-100 proleptic calendar case
            let got = TimestampParser.parse(input).map(TimestampParser.iso8601String)
            #expect(got == c["expected_utc"] as? String, "\(input)")
            checked += 1
        }
        #expect(checked == 53)
    }

    @Test(arguments: [(0.0, "1970-01-01T00:00:00Z"), (951_782_400.0, "2000-02-29T00:00:00Z"), (-1.5, "1969-12-31T23:59:58Z"),
                      (1_795_460_399.999, "2026-11-23T18:59:59Z"), (4_102_444_800.0, "2100-01-01T00:00:00Z")])
    func utcFieldsFormatWithoutICU(seconds: Double, expected: String) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(UTCFields(date).iso8601 == expected)
        let reference = ISO8601DateFormatter()
        reference.formatOptions = [.withInternetDateTime]
        #expect(reference.string(from: Date(timeIntervalSince1970: seconds.rounded(.down))) == expected)
    }
}
