import Foundation

/// Wall time per page of an `extract` run, summarised as the benchmark reads it.
struct PageTimings {
    private var nanoseconds: [UInt64] = []
    private let started = DispatchTime.now().uptimeNanoseconds

    mutating func add(nanoseconds n: UInt64) { nanoseconds.append(n) }

    /// `extract: pages= failed= seconds= median_ms= p90_ms= peak_rss_mb=`
    func summary(failed: Int) -> String {
        let sorted = nanoseconds.sorted()
        func ms(_ q: Double) -> Double {
            sorted.isEmpty ? 0 : Double(sorted[min(sorted.count - 1, Int(q * Double(sorted.count)))]) / 1e6
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return String(format: "extract: pages=%d failed=%d seconds=%.3f median_ms=%.3f p90_ms=%.3f peak_rss_mb=%d",
                      sorted.count, failed, seconds, ms(0.5), ms(0.9), usage.ru_maxrss / 1024)
    }
}
