@testable import ingestd
import Foundation
import Testing

/// `CorpusLine` reads JSONL lines through simdjson (`JSONObjectReader`) as the format says:
/// string or integer ids kept as given, escapes undone, null or absent optional members,
/// and a reason naming the member for anything else.
struct CorpusLineTests {
    let reader = JSONObjectReader()

    func line(_ json: String) throws -> CorpusLine { try CorpusLine(json: Data(json.utf8), reader: reader) }

    func reason(_ json: String) -> String {
        do {
            _ = try line(json)
            return "read"
        } catch {
            return "\(error)"
        }
    }

    @Test func readsEveryMemberAndUndoesEscapes() throws {
        let l = try line(#"{"id":"a\"7","text":"Line one.\n\nLine \u201ctwo\u201d \ud83d\ude00 é","url":"https://x.test/a","#
                         + #""title":"T","published":"2026-01-02T03:04:05Z","source":"wire","kind":"ignored"}"#)
        #expect(l.idJSON == #""a\"7""#)
        #expect(l.text == "Line one.\n\nLine \u{201C}two\u{201D} 😀 é")
        #expect(l.url == "https://x.test/a" && l.title == "T" && l.published == "2026-01-02T03:04:05Z" && l.source == "wire")
    }

    @Test func integerIdsStayNumbersAndNullMeansAbsent() throws {
        let l = try line(#"{"id": -17, "text": "", "url": null, "title": null}"#)
        #expect(l.idJSON == "-17" && l.text.isEmpty && l.url == nil && l.title == nil && l.source == nil)
        #expect(try line(#"{"text": "x", "id": 9223372036854775807}"#).idJSON == "9223372036854775807")
    }

    @Test func aLaterKeyWins() throws {
        #expect(try line(#"{"id": "a", "text": "first", "text": "second"}"#).text == "second")
    }

    @Test func badLinesSayWhy() {
        #expect(reason(#"{"text": "x"}"#) == #"missing "id""#)
        #expect(reason(#"{"id": "x"}"#) == #"missing "text""#)
        #expect(reason(#"{"id": "x", "text": null}"#) == #"missing "text""#)
        #expect(reason(#"{"id": 1.5, "text": "x"}"#) == #""id" must be a string or an integer"#)
        #expect(reason(#"{"id": [1], "text": "x"}"#) == #""id" must be a string or an integer"#)
        #expect(reason(#"{"id": "x", "text": 3}"#) == #""text" must be a string"#)
        #expect(reason(#"{"id": "x", "text": "y", "title": {}}"#) == #""title" must be a string"#)
        #expect(reason("[1, 2]") == "not a JSON object")
        #expect(reason("not json") != "read")
        #expect(reason(#"{"id": "x", "text": "y""#) != "read", "cut short")
        #expect(reason("") != "read")
    }

    @Test func invalidUTF8IsRefusedNotRepaired() throws {
        var bytes = Data(#"{"id": "x", "text": "caf"#.utf8)
        bytes.append(contentsOf: [0xC3, 0x28])
        bytes.append(contentsOf: Data(#""}"#.utf8))
        #expect(throws: (any Error).self) { try CorpusLine(json: bytes, reader: reader) }
    }

    @Test func oneReaderServesManyLinesOfAnySize() throws {
        for n in [0, 1, 63, 64, 65, 4_095, 100_000] {
            let text = String(repeating: "w", count: n)
            #expect(try line(#"{"id": \#(n), "text": "\#(text)"}"#).text.utf8.count == n)
        }
    }
}

/// Members of nested objects are read under dotted names.
struct NestedFieldTests {
    @Test func dottedNamesReachIntoObjects() throws {
        let reader = JSONObjectReader()
        let json = #"{"meta": {"id": 42, "source": {"name": "wire"}}, "body": "text", "meta.x": "flat"}"#
        let line = try CorpusLine(json: Data(json.utf8), reader: reader, fields: CorpusLine.Fields(id: "meta.id", text: "body"))
        #expect(line.idJSON == "42" && line.text == "text")
        let deep = try CorpusLine(json: Data(json.utf8), reader: reader, fields: CorpusLine.Fields(id: "meta.source.name", text: "meta.x"))
        #expect(deep.idJSON == "\"wire\"" && deep.text == "flat")
        #expect(throws: (any Error).self) {
            try CorpusLine(json: Data(json.utf8), reader: reader, fields: CorpusLine.Fields(id: "meta", text: "body"))
        }
    }
}
