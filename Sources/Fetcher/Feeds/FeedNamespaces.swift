/// The namespace URIs feed readers agree on, each with the prefix its elements are known by,
/// whatever prefix a document binds it to (feedparser's table, so that element names match
/// its handlers). The RSS, RDF and Atom namespaces map to no prefix: their elements are
/// plain `title`, `link`, `entry`.
///
/// Guarantees: `prefix(for:)` is case-insensitive in the URI, and treats every
/// `backend.userland.com/rss…` URI as RSS; an unknown URI gives nil.
enum FeedNamespaces {
    static func prefix(for uri: String) -> String? {
        let lower = uri.lowercased()
        if lower.contains("backend.userland.com/rss") { return "" }
        return known[lower]
    }

    private static let known: [String: String] = {
        var table: [String: String] = [:]
        for uri in [
            "", "http://blogs.law.harvard.edu/tech/rss", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/",
            "http://example.com/newformat#", "http://example.com/necho", "http://purl.org/echo/", "uri/of/echo/namespace#",
            "http://purl.org/pie/", "http://purl.org/atom/ns#", "http://www.w3.org/2005/atom",
            "http://purl.org/rss/1.0/modules/rss091#",
        ] { table[uri] = "" }
        let prefixed: [(String, String)] = [
            ("http://webns.net/mvcb/", "admin"), ("http://purl.org/rss/1.0/modules/aggregation/", "ag"),
            ("http://purl.org/rss/1.0/modules/annotate/", "annotate"), ("http://media.tangent.org/rss/1.0/", "audio"),
            ("http://backend.userland.com/blogchannelmodule", "blogChannel"), ("http://creativecommons.org/ns#license", "cc"),
            ("http://web.resource.org/cc/", "cc"),
            ("http://cyber.law.harvard.edu/rss/creativecommonsrssmodule.html", "creativeCommons"),
            ("http://purl.org/rss/1.0/modules/company", "co"), ("http://purl.org/rss/1.0/modules/content/", "content"),
            ("http://my.theinfo.org/changed/1.0/rss/", "cp"), ("http://purl.org/dc/elements/1.1/", "dc"),
            ("http://purl.org/dc/terms/", "dcterms"), ("http://purl.org/rss/1.0/modules/email/", "email"),
            ("http://purl.org/rss/1.0/modules/event/", "ev"), ("http://rssnamespace.org/feedburner/ext/1.0", "feedburner"),
            ("http://freshmeat.net/rss/fm/", "fm"), ("http://xmlns.com/foaf/0.1/", "foaf"),
            ("http://www.w3.org/2003/01/geo/wgs84_pos#", "geo"), ("http://www.georss.org/georss", "georss"),
            ("http://www.opengis.net/gml", "gml"), ("http://postneo.com/icbm/", "icbm"),
            ("http://purl.org/rss/1.0/modules/image/", "image"), ("http://www.itunes.com/dtds/podcast-1.0.dtd", "itunes"),
            ("http://example.com/dtds/podcast-1.0.dtd", "itunes"), ("http://purl.org/rss/1.0/modules/link/", "l"),
            ("http://search.yahoo.com/mrss", "media"), ("http://search.yahoo.com/mrss/", "media"),
            ("http://madskills.com/public/xml/rss/module/pingback/", "pingback"),
            ("http://prismstandard.org/namespaces/1.2/basic/", "prism"),
            ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf"), ("http://www.w3.org/2000/01/rdf-schema#", "rdfs"),
            ("http://purl.org/rss/1.0/modules/reference/", "ref"), ("http://purl.org/rss/1.0/modules/richequiv/", "reqv"),
            ("http://purl.org/rss/1.0/modules/search/", "search"), ("http://purl.org/rss/1.0/modules/slash/", "slash"),
            ("http://schemas.xmlsoap.org/soap/envelope/", "soap"),
            ("http://purl.org/rss/1.0/modules/servicestatus/", "ss"), ("http://hacks.benhammersley.com/rss/streaming/", "str"),
            ("http://purl.org/rss/1.0/modules/subscription/", "sub"), ("http://purl.org/rss/1.0/modules/syndication/", "sy"),
            ("http://schemas.pocketsoap.com/rss/mydescmodule/", "szf"), ("http://purl.org/rss/1.0/modules/taxonomy/", "taxo"),
            ("http://purl.org/rss/1.0/modules/threading/", "thr"), ("http://purl.org/rss/1.0/modules/textinput/", "ti"),
            ("http://madskills.com/public/xml/rss/module/trackback/", "trackback"),
            ("http://wellformedweb.org/commentapi/", "wfw"), ("http://purl.org/rss/1.0/modules/wiki/", "wiki"),
            ("http://www.w3.org/1999/xhtml", "xhtml"), ("http://www.w3.org/1999/xlink", "xlink"),
            ("http://www.w3.org/xml/1998/namespace", "xml"), ("http://podlove.org/simple-chapters", "psc"),
        ]
        for (uri, prefix) in prefixed { table[uri] = prefix }
        return table
    }()
}
