import Dedup
import Testing

/// The ring of recent values that spares re-reading (and re-preparing) a candidate.
struct RecentByIDTests {
    @Test func keepsTheLastValuesAndForgetsOlderOnes() {
        let recent = RecentByID<String>(capacity: 4)
        for id in 1...10 as ClosedRange<Int64> { recent[id] = "text \(id)" }
        #expect(recent[10] == "text 10")
        #expect(recent[7] == "text 7")
        #expect(recent[6] == nil)
        #expect(recent[11] == nil)
    }
}
