@testable import Normalizer
import Testing

/// The radix sort of passage fingerprints: ordered by the high bits, stable below them.
struct RadixSortTests {
    /// Spread high parts take the bucket-and-insert path; few of them (as when a text
    /// repeats one phrase) crowd the buckets and take the byte passes.
    @Test(arguments: [(0, 5), (1, 5), (2, 5), (7, 5), (250, 5), (3_000, 5), (250, 1), (3_000, 1), (5_000, 2_500), (70_000, 5)])
    func sortsLikeAStableSortOnTheHighBits(count: Int, perHigh: Int) {
        var state: UInt64 = 0x5eed_0000 &+ UInt64(count)
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        // Few distinct high parts, so that equal ones (and their order) are tested, with
        // the position in the low 24 bits as ComparableText packs them.
        let highs = (0..<max(1, count / perHigh)).map { _ in next() & ~0xFF_FFFF }
        var values = (0..<count).map { i in highs[Int(next() % UInt64(highs.count))] | UInt64(i) }
        let expected = values.enumerated().sorted { ($0.element >> 24, $0.offset) < ($1.element >> 24, $1.offset) }.map(\.element)
        RadixSort.sort(&values, lowBits: 24)
        #expect(values.count == expected.count)
        #expect(values.indices.first { values[$0] != expected[$0] } == nil, "the first place where the order differs")
    }

    /// Index keys are 32 bits: the sort buckets them on the bits they use, and agrees
    /// with a plain sort whatever the width.
    @Test(arguments: [1, 7, 31, 32, 33, 63, 64])
    func valuesOfAnyWidthSortAsIntegers(width: Int) {
        var state: UInt64 = 0x5eed
        var values = (0..<300).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return width == 64 ? state : state >> UInt64(64 - width)
        }
        let expected = values.sorted()
        RadixSort.sort(&values, lowBits: 0)
        #expect(values == expected)
    }

    @Test func valuesSharingEveryHighByteStayInOrder() {
        var values: [UInt64] = [0xAB00_0000_0000_0003, 0xAB00_0000_0000_0001, 0xAB00_0000_0000_0002]
        RadixSort.sort(&values, lowBits: 8)
        #expect(values == [0xAB00_0000_0000_0003, 0xAB00_0000_0000_0001, 0xAB00_0000_0000_0002])
    }
}
