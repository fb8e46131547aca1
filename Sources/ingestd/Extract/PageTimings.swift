import Foundation

/// Wall time per page of an `extract` run, summarised as the benchmark reads it.
struct PageTimings {
    private var nanoseconds: [UInt64] = []
    private var ids: [String] = []
    private let started = DispatchTime.now().uptimeNanoseconds

    mutating func add(id: String, nanoseconds n: UInt64) {
        ids.append(id)
        nanoseconds.append(n)
    }

    /// `id<TAB>milliseconds` per page, in the order extracted.
    func tsv() -> Data {
        Data(zip(ids, nanoseconds).map { "\($0)\t\(String(format: "%.3f", Double($1) / 1e6))\n" }.joined().utf8)
    }

    /// `extract: pages= failed= seconds= median_ms= p90_ms= peak_rss_mb=`
    func summary(failed: Int) -> String {
        let sorted = nanoseconds.sorted()
        func ms(_ q: Double) -> Double {
            sorted.isEmpty ? 0 : Double(sorted[min(sorted.count - 1, Int(q * Double(sorted.count)))]) / 1e6
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return String(format: "extract: pages=%d failed=%d seconds=%.3f median_ms=%.3f p90_ms=%.3f peak_rss_mb=%d",
                      sorted.count, failed, seconds, ms(0.5), ms(0.9), PeakMemory.megabytes)
    }
}
