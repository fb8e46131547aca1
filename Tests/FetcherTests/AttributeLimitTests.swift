import Foundation
import Markup
import Testing

/// The attribute scan that keeps libxml2's quadratic duplicate check away.
struct AttributeLimitTests {
    func violation(_ text: String, limit: Int = 3) -> Int? {
        Array(text.utf8).withUnsafeBufferPointer { AttributeLimit.firstViolation($0, limit: limit) }
    }

    @Test func countsAttributesOfStartTagsOnly() {
        #expect(violation("<a x=1 y='2 3 4' z>t</a>") == nil)
        #expect(violation("<p>one</p><a w x y z>") == 10)
        #expect(violation("<a w=\"1\" x=\"2\" y=\"3\" z=\"4\"/>") == 0)
    }

    @Test func skipsCommentsSectionsAndRawText() {
        #expect(violation("<!-- <a w x y z> --><p>") == nil)
        #expect(violation("<![CDATA[<a w x y z>]]>") == nil)
        #expect(violation("<?xml a b c d e?><r/>") == nil)
        #expect(violation("<script>if (a <b c d e f> 1) {}</script><p>") == nil)
        #expect(violation("<script>x</script><a w x y z>") == 18)
    }

    @Test func unterminatedMarkupEndsTheScanInLinearTime() {
        let tags = String(repeating: "<p a>", count: 200_000) + "<a b=\"" + String(repeating: "x y ", count: 100_000)
        let comments = String(repeating: "<!--", count: 200_000)
        let start = ContinuousClock.now
        #expect(violation(tags) == nil)
        #expect(violation(comments) == nil)
        // Inside a quote, spaces are not attributes; one tag of many quoted values is.
        #expect(violation("<a b=\"" + String(repeating: "x ", count: 1_000) + "\">") == nil)
        #expect(violation("<a " + String(repeating: "b=\"\" ", count: 4) + ">") == 0)
        #expect(ContinuousClock.now - start < .seconds(2))
    }
}
