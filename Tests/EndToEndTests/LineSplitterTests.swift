@testable import ingestd
import Foundation
import Testing

/// `LineSplitter` finds the lines `Data.split` finds, empty ones and the last one included.
struct LineSplitterTests {
    @Test(arguments: ["", "\n", "a", "a\n", "a\n\nb", "\n\na\n", "{\"id\": 1}\n{\"id\": 2}", "x\n\n\n"])
    func sameLinesAsSplit(_ text: String) {
        let data = Data(text.utf8)
        let expected = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { Data($0) }
        #expect(LineSplitter.lines(data).map { Data($0) } == expected)
        #expect(LineSplitter.count(data) == expected.count)
    }

    @Test func slicesOfASliceKeepTheirPlace() {
        let data = Data("skip\nab\ncd".utf8).dropFirst(5)
        #expect(LineSplitter.lines(data).map { String(decoding: $0, as: UTF8.self) } == ["ab", "cd"])
    }
}
