@testable import Normalizer
import Testing
/// The one-pass search for many literals against a search for each in turn.
struct LiteralSetTests {
    @Test func findsExactlyTheLiteralsThatOccur() {
        var state: UInt64 = 99
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % n
        }
        let alphabet = Array("abcde ©".utf8)
        let literals = (0..<60).map { _ in (0..<(2 + next(5))).map { _ in alphabet[next(alphabet.count)] } }
        let set = LiteralSet(literals)
        for _ in 0..<300 {
            let text = (0..<next(80)).map { _ in alphabet[next(alphabet.count)] }
            let expected = literals.indices.filter { i in
                text.count >= literals[i].count
                    && (0...(text.count - literals[i].count)).contains { Array(text[$0..<($0 + literals[i].count)]) == literals[i] }
            }
            #expect(text.withUnsafeBufferPointer { set.present(in: $0) } == expected)
        }
    }
}
