import Foundation
@testable import Fetcher
import Testing

/// When feeds are fetched next, and when a failed attempt is tried again.
struct SchedulingTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aSuccessWaitsTheIntervalOrTheFeedsLongerHint() {
        let schedule = FeedSchedule()
        #expect(schedule.nextAfterSuccess(now, hint: nil, cacheLifetime: nil) == now.addingTimeInterval(900))
        #expect(schedule.nextAfterSuccess(now, hint: 3_600, cacheLifetime: 60) == now.addingTimeInterval(3_600))
        #expect(schedule.nextAfterSuccess(now, hint: nil, cacheLifetime: 1_800) == now.addingTimeInterval(1_800))
        #expect(schedule.nextAfterSuccess(now, hint: 10 * 86_400, cacheLifetime: nil) == now.addingTimeInterval(86_400))
    }

    @Test func failuresBackOffAndFinallyPark() {
        let schedule = FeedSchedule()
        #expect(schedule.nextAfterFailure(now, failures: 1, retryAfter: nil) == now.addingTimeInterval(900))
        #expect(schedule.nextAfterFailure(now, failures: 3, retryAfter: nil) == now.addingTimeInterval(3_600))
        #expect(schedule.nextAfterFailure(now, failures: 30, retryAfter: nil) == now.addingTimeInterval(86_400))
        #expect(schedule.nextAfterFailure(now, failures: 1, retryAfter: 7_200) == now.addingTimeInterval(7_200))
        #expect(schedule.parkReason(failures: 9, lastError: "e") == nil)
        #expect(schedule.parkReason(failures: 10, lastError: "HTTP 500")?.contains("HTTP 500") == true)
    }

    @Test func retriesDoubleWithJitterAndHonourRetryAfter() throws {
        var settings = FetchSettings()
        settings.retries = 2
        let policy = RetryPolicy(settings: settings)
        let first = try #require(policy.delay(afterAttempt: 1, retryAfter: nil))
        let second = try #require(policy.delay(afterAttempt: 2, retryAfter: nil))
        #expect(first >= 1 && first <= 1.5 && second >= 2 && second <= 3)
        #expect(policy.delay(afterAttempt: 3, retryAfter: nil) == nil)
        #expect(policy.delay(afterAttempt: 1, retryAfter: "7") == 7)
        #expect(policy.delay(afterAttempt: 1, retryAfter: "3600") == nil, "longer than max_retry_after: leave it to the schedule")
        let date = RetryPolicy.seconds("Wed, 21 Oct 2015 07:28:30 GMT", now: Date(timeIntervalSince1970: 1_445_412_480))
        #expect(date == 30)
        #expect(RetryPolicy.isTransient(status: 503) && !RetryPolicy.isTransient(status: 404))
    }
}
