@testable import Archive
import Foundation
import Testing

/// Raw captures stored against the text extracted from them read back exactly; a JSON
/// body is primed with the text as JSON escapes it, which is what makes it cheap.
struct CaptureBlobTests {
    static let text = """
        The harbour board met on Tuesday and agreed the "new" tariff for berths 4 to 9.

        Container traffic rose by 12 percent\\quarter, the board said.\tIts chair declined to comment.
        """
    let textBytes = Data(text.utf8)

    /// A JSONL line carrying the text, as a corpus file holds it.
    var jsonLine: Data {
        get throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(["id": "a-17", "source": "wire", "text": Self.text])
        }
    }

    private func decode(_ blob: Data, size: Int) throws -> Data {
        try CaptureBlob.decode(blob, size: size) { id throws(ArchiveError) in
            guard id == 3 else { throw ArchiveError.corruptBlob("wrong base \(id)") }
            return textBytes
        }
    }

    @Test func jsonAndPlainBodiesRoundTripAgainstTheirText() throws {
        let line = try jsonLine
        let asJSON = CaptureBlob.encode(line, base: (3, textBytes), isJSON: true)
        let asPlain = CaptureBlob.encode(line, base: (3, textBytes), isJSON: false)
        #expect(asJSON.first == 5 && asPlain.first == 4)
        #expect(try decode(asJSON, size: line.count) == line)
        #expect(try decode(asPlain, size: line.count) == line)
        #expect(try CaptureBlob.baseID(asJSON) == 3)
        #expect(asJSON.count < asPlain.count, "escaped text primes a JSON body better: \(asJSON.count) vs \(asPlain.count)")
    }

    @Test func jsonEscapingIsFixed() {
        let escaped = JSONEscaping.escaped(Data("a\"b\\c\nd\re\tf\u{01}g/é".utf8))
        #expect(String(decoding: escaped, as: UTF8.self) == #"a\"b\\c\nd\re\tf\u0001g/é"#)
    }
}
