/// The HTML elements extraction tells apart; every other element is `.other` (inline).
///
/// Guarantees: lookup from the parser's raw name bytes allocates nothing; an unknown name is
/// always `.other`, never a known tag.
enum HTMLTag: String, CaseIterable {
    case other, text
    case html, body, p, div, section, article, main, h1, h2, h3, h4, h5, h6, li, ul, ol, dl, dt, dd
    case blockquote, pre, table, tr, td, th, tbody, thead, tfoot, caption, figcaption, address, center, hr, br
    case a, figure, picture, img, label, details, summary, time
    case script, style, noscript, iframe, svg, nav, header, footer, aside, form, button, select, textarea, input
    case template, object, embed, canvas, video, audio, map, dialog, menu, link, meta, head, title, option

    /// Elements that end a text block: their text never runs into a neighbour's.
    var isBlock: Bool {
        switch self {
        case .body, .p, .div, .section, .article, .main, .h1, .h2, .h3, .h4, .h5, .h6, .li, .ul, .ol, .dl, .dt, .dd,
             .blockquote, .pre, .table, .tr, .td, .th, .tbody, .thead, .tfoot, .caption, .figcaption, .address, .center,
             .hr, .br, .figure, .details, .summary, .header, .footer, .nav, .aside, .form: true
        default: false
        }
    }

    /// Elements that never hold article text: dropped with everything inside.
    var isNonContent: Bool {
        switch self {
        case .script, .style, .noscript, .iframe, .svg, .nav, .footer, .aside, .button, .select, .textarea,
             .input, .template, .object, .embed, .canvas, .video, .audio, .map, .dialog, .menu, .link, .meta, .head,
             .title, .option, .label, .figcaption: true
        default: false
        }
    }

    /// Blocks whose text reads as running prose (`PageTree.proseBytes`).
    var isProseBlock: Bool {
        switch self {
        case .p, .pre, .blockquote, .h2, .h3, .h4, .h5, .h6, .li, .dd: true
        default: false
        }
    }

    /// Navigation, asides and footers: non-content, unless a page nests its article inside one.
    var isChrome: Bool { self == .nav || self == .aside || self == .footer }

    var isHeading: Bool { self == .h1 || self == .h2 || self == .h3 || self == .h4 || self == .h5 || self == .h6 }

    /// Elements whose text readability-style scoring counts as paragraphs.
    var isParagraphLike: Bool { self == .p || self == .pre || self == .blockquote || self == .td || self == .li || self == .dd }

    private static let byKey: UInt64Map<HTMLTag> = {
        var map = UInt64Map<HTMLTag>(capacity: allCases.count)
        for tag in allCases where tag != .other && tag != .text {
            map[tag.rawValue.utf8.withContiguousStorageIfAvailable { key(UnsafePointer($0.baseAddress!)) }!] = tag
        }
        return map
    }()

    /// The tag for a NUL-terminated lowercase element name.
    static func named(_ name: UnsafePointer<UInt8>) -> HTMLTag { byKey[key(name)] ?? .other }

    /// Up to the first 8 bytes packed, mixed with the length (names longer than 16 bytes are `.other`).
    private static func key(_ name: UnsafePointer<UInt8>) -> UInt64 {
        var packed: UInt64 = 0, length = 0
        while name[length] != 0 {
            if length < 8 { packed |= UInt64(name[length] | 0x20) << (8 * UInt64(length)) }
            length += 1
            if length > 16 { return 0 }
        }
        return packed &* 31 &+ UInt64(length)
    }
}
