import Dedup
import Testing

/// The cache of values used lately that spares re-reading (and re-preparing) a candidate.
struct RecentByIDTests {
    @Test func keepsTheLastValuesAndForgetsOlderOnes() {
        let recent = RecentByID<String>(capacity: 4)
        for id in 1...10 as ClosedRange<Int64> { recent[id] = "text \(id)" }
        #expect(recent[10] == "text 10")
        #expect(recent[7] == "text 7")
        #expect(recent[6] == nil)
        #expect(recent[11] == nil)
    }

    /// A value read again and again (a much-copied story's original) outlives newer ones
    /// that nobody asks for; an id stored again replaces its value.
    @Test func aValueInUseOutlivesNewerOnesAndStoresReplace() {
        let recent = RecentByID<String>(capacity: 64)
        recent[1] = "original"
        for id in 2...10_000 as ClosedRange<Int64> {
            recent[id] = "copy \(id)"
            if id % 8 == 0 { #expect(recent[1] == "original") }
        }
        #expect(recent[9_999] == "copy 9999")
        recent[9_999] = "again"
        #expect(recent[9_999] == "again")
        #expect(recent[5] == nil)
    }
}
