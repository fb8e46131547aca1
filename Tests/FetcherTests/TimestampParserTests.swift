import Foundation
import Testing
import Timestamps

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
}
