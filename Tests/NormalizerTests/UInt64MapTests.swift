@testable import Normalizer
import Testing

/// `UInt64Map` against a Dictionary, through growth, colliding slots and the zero key.
struct UInt64MapTests {
    @Test func agreesWithADictionary() {
        var map = UInt64Map<Int>(capacity: 4)
        var reference: [UInt64: Int] = [:]
        var x: UInt64 = 0x1234_5678
        for i in 0..<5_000 {
            x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let key = i % 7 == 0 ? UInt64(i % 50) << 40 : x >> UInt64(i % 13)  // some keys share their top bits
            map[key] = i
            reference[key] = i
        }
        map[0] = -1
        reference[0] = -1
        #expect(map.count == reference.count)
        for (key, value) in reference { #expect(map[key] == value) }
        #expect(map[0xDEAD_BEEF_0000_0001] == nil)
    }
}
