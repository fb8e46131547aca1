@testable import Archive
import Foundation
import GRDB
import Testing

/// Dates written without ICU are the very text GRDB writes, so stored dates sort and
/// compare as they always did.
struct StorageDateTests {
    @Test func writesWhatGRDBWrites() {
        var generator = SystemRandomNumberGenerator()
        var dates = [Date(), Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.0005),
                     Date(timeIntervalSince1970: 1_700_000_000.9995), Date(timeIntervalSince1970: 1_700_000_000.999_999_9),
                     Date(timeIntervalSince1970: 951_782_400), // 2000-02-29
                     Date(timeIntervalSince1970: -62_135_596_800), // year 1
                     Date(timeIntervalSince1970: 253_402_300_799.999), // the last millisecond of 9999
                     Date(timeIntervalSince1970: 253_402_300_800), // year 10000: GRDB's own
                     Date.distantPast, Date.distantFuture]
        for _ in 0..<20_000 {
            dates.append(Date(timeIntervalSince1970: Double.random(in: -2_000_000_000...4_000_000_000, using: &generator)))
            dates.append(Date().addingTimeInterval(Double.random(in: -1...1, using: &generator)))
        }
        for date in dates {
            #expect(StorageDate(date).databaseValue == date.databaseValue, "\(date.timeIntervalSince1970)")
        }
    }

    @Test func readsBackTheDate() throws {
        let date = Date(timeIntervalSince1970: 1_764_646_099.123)
        let back = try #require(StorageDate.fromDatabaseValue(StorageDate(date).databaseValue))
        #expect(abs(back.date.timeIntervalSince(date)) < 0.001)
    }
}
