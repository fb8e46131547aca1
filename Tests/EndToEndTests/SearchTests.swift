import Foundation
import Testing
import TestSupport

/// `ingestd search` over the demo archive: FTS5 kept in step with the archive.
struct SearchTests {
    @Test func wordsPhrasesAndTitlesFindTheRightDocuments() throws {
        let site = try DemoSite()
        #expect(try site.run().status == 0)
        func ids(_ query: String, syntax: String = "plain") throws -> Set<Int> {
            let out = try IngestdProcess.run(["search", query, "--syntax", syntax, "--json", "--archive", site.archive])
            #expect(out.status == 0, "\(out.stderr)")
            let hits = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]] ?? []
            return Set(hits.compactMap { $0["id"] as? Int })
        }
        let strike = try ids("dockers union")
        #expect(strike.count >= 2, "\(strike)")
        #expect(try ids("\"Coastal Dockers' Union\"").isSubset(of: strike))
        #expect(try !ids("title:bridge", syntax: "fts5").isEmpty)
        #expect(try ids("zzyzx").isEmpty)
        let bad = try IngestdProcess.run(["search", "\"unbalanced", "--syntax", "fts5", "--archive", site.archive])
        #expect(bad.status == 65 && bad.stderr.contains("search query:"), "\(bad.stderr)")
    }

    /// News terms as users type them: hyphenated model names, a quoted pair with an en dash,
    /// a bare operator word, punctuation. None is a syntax error; each finds its documents, and
    /// every hit says where the document was first seen.
    @Test func queriesAsUsersTypeThemFindTheirDocuments() throws {
        let folder = try TestPaths.temporaryFolder()
        let lines = folder.appendingPathComponent("corpus.jsonl")
        let texts = [
            ("s400", "Turkey took delivery of the S-400 air defence system from Russia, the ministry said on Friday, after years of talks."),
            ("sochi", "The Putin–Erdogan meeting in Sochi lasted four hours, and both leaders spoke of trade and grain afterwards."),
            ("code", "The new compiler release speeds up C++ builds by a third and fixes a long list of template bugs, its authors wrote."),
            ("quay", "Dock workers and crane drivers met on the quay at dawn and voted to end the strike by a wide margin."),
        ]
        let corpus = texts.map { id, text in
            "{\"id\": \"\(id)\", \"title\": \"Story \(id)\", \"url\": \"https://news.example/\(id)\", \"text\": \"\(text)\"}"
        }.joined(separator: "\n")
        try Data(corpus.utf8).write(to: lines)
        let archive = folder.appendingPathComponent("a.sqlite").path
        #expect(try IngestdProcess.run(["import", "--jsonl", lines.path, "--archive", archive]).status == 0)
        func titles(_ query: String) throws -> Set<String> {
            let out = try IngestdProcess.run(["search", query, "--json", "--archive", archive])
            #expect(out.status == 0, "\(query): \(out.stderr)")
            let hits = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]] ?? []
            for hit in hits { #expect((hit["url"] as? String)?.hasPrefix("https://news.example/") == true, "\(hit)") }
            return Set(hits.compactMap { $0["title"] as? String })
        }
        #expect(try titles("S-400") == ["Story s400"])
        #expect(try titles("\"Putin–Erdogan\"") == ["Story sochi"])
        #expect(try titles("C++ compiler") == ["Story code"])
        #expect(try titles("AND").isSuperset(of: ["Story sochi", "Story code", "Story quay"]))
        #expect(try titles("strike AND") == ["Story quay"])
        #expect(try titles("strike OR grain") == ["Story quay", "Story sochi"])
        #expect(try titles("Sochi -grain").isEmpty)
        let plain = try IngestdProcess.run(["search", "strike", "--archive", archive])
        #expect(plain.stdout.contains("**strike**") && plain.stdout.contains("https://news.example/quay"), "\(plain.stdout)")
        let bold = try IngestdProcess.run(["search", "strike", "--color", "always", "--archive", archive])
        #expect(bold.stdout.contains("\u{1B}[1mstrike\u{1B}[0m"), "\(bold.stdout)")
    }

    @Test func renormalizeKeepsTheIndexInStep() throws {
        let site = try DemoSite()
        #expect(try site.run().status == 0)
        let before = try IngestdProcess.run(["search", "dockers", "--json", "--archive", site.archive]).stdout
        #expect(try IngestdProcess.run(["renormalize", "--archive", site.archive]).status == 0)
        #expect(try IngestdProcess.run(["search", "dockers", "--json", "--archive", site.archive]).stdout == before)
    }
}
