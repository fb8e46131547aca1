import Foundation
import GRDB
import Timestamps

/// A date bound to SQL as GRDB stores a `Date`, `yyyy-MM-dd HH:mm:ss.SSS` in UTC, but
/// written without a `DateFormatter`: GRDB's goes through ICU, which is slow for the several
/// dates every imported document binds.
///
/// Guarantees: the same text GRDB writes for the same date (`StorageDateTests` compares
/// them), so stored dates read, sort and compare as before; years outside 1600...9999 are
/// handed to GRDB's own formatting.
struct StorageDate: DatabaseValueConvertible {
    let date: Date

    init(_ date: Date) { self.date = date }

    var databaseValue: DatabaseValue {
        // The milliseconds as CoreFoundation hands them to ICU, which counts whole ones.
        let millis = ((date.timeIntervalSinceReferenceDate + 978_307_200) * 1000 + 0.5).rounded(.down)
        let seconds = (millis / 1000).rounded(.down)
        guard time_t(exactly: seconds) != nil else { return date.databaseValue }
        let fields = UTCFields(Date(timeIntervalSince1970: seconds))
        // (Before 1600 ICU's calendar may be the Julian one.)
        guard (1600...9999).contains(fields.year) else { return date.databaseValue }
        var text = [UInt8]()
        text.reserveCapacity(23)
        func put(_ value: Int, digits: Int, then separator: UInt8?) {
            var divisor = 1
            for _ in 1..<digits { divisor *= 10 }
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
            if let separator { text.append(separator) }
        }
        put(fields.year, digits: 4, then: UInt8(ascii: "-"))
        put(fields.month, digits: 2, then: UInt8(ascii: "-"))
        put(fields.day, digits: 2, then: UInt8(ascii: " "))
        put(fields.hour, digits: 2, then: UInt8(ascii: ":"))
        put(fields.minute, digits: 2, then: UInt8(ascii: ":"))
        put(fields.second, digits: 2, then: UInt8(ascii: "."))
        put(Int(millis - seconds * 1000), digits: 3, then: nil)
        return String(decoding: text, as: UTF8.self).databaseValue
    }

    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> StorageDate? {
        Date.fromDatabaseValue(dbValue).map(StorageDate.init)
    }
}

extension Optional where Wrapped == Date {
    /// The date, if any, to bind as `StorageDate`.
    var storage: StorageDate? { map(StorageDate.init) }
}
