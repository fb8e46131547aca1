import Normalizer
import Testing

/// The relations on texts written for the test: copies, trims, rewrites and quote overlap.
struct DuplicateJudgeTests {
    let settings = DuplicateSettings()
    var judge: DuplicateJudge { DuplicateJudge(settings: settings) }

    let original = """
        The regional council of Lower Estrel approved funding on Monday for a road bridge across the river, ending more than ten years of disputes over its route and cost.

        Councillors voted 31 to 12 for the project, which will connect the market town of Orsa with the industrial estate at Linden Flats on the opposite bank.

        Drivers currently make a long detour through the city of Tarn or wait for a car ferry that runs every half hour and stops in high winds.

        “We have waited long enough, and every winter our workers lose days of pay,” council leader Mara Oskvik said after the vote.
        """

    private func analyzed(_ text: String) -> AnalyzedText { AnalyzedText(text, shingleWords: settings.shingleWords) }

    @Test func identicalTextIsExact() {
        #expect(judge.compare(analyzed(original), analyzed(original)).kind == .exact)
    }

    @Test func aTrimmedCopyIsSyndicated() {
        let trimmed = original.components(separatedBy: "\n\n").prefix(3).joined(separator: "\n\n")
        let e = judge.compare(analyzed(trimmed), analyzed(original))
        #expect(e.kind == .syndicated)
        #expect(e.containment == 1)
    }

    @Test func aRewriteSharingTwoNarrativePassagesIsSharedWirePassages() {
        let rewrite = """
            After a decade of arguments, Lower Estrel will get its bridge. The council voted for a crossing that will connect the market town of Orsa with the industrial estate at Linden Flats on the far side.
            Until it opens, commuters will still wait for a car ferry that runs every half hour and stops in high winds, or drive round by way of Tarn.
            """
        let e = judge.compare(analyzed(rewrite), analyzed(original))
        #expect(e.jaccard < 0.2)
        #expect(e.kind == .sharedWirePassages)
    }

    @Test func sharingOnlyAQuotationIsNoRelation() {
        let other = """
            Ferry workers in Orsa say they expect to lose their jobs once the crossing is built, and they want the council to retrain them.
            Council leader Mara Oskvik has defended the plan. “We have waited long enough, and every winter our workers lose days of pay,” she told a meeting in Tarn.
            """
        let e = judge.compare(analyzed(other), analyzed(original))
        #expect(e.passages.count == 1)
        #expect(e.passages[0].quoted)
        #expect(e.kind == nil)
        // Words are read only for display, from the first text, as written there.
        #expect(e.passages[0].text.isEmpty)
        #expect(e.withPassageTexts(from: analyzed(other)).passages[0].text
            == "We have waited long enough, and every winter our workers lose days of pay")
    }

    /// A hostile page: one word repeated 300,000 times, compared with a copy that differs at
    /// the end. Pairing every copy of the repeated shingle would take hours; the runs are
    /// found along diagonals, each position walked once.
    @Test func repeatedTextIsComparedInLinearTime() {
        let repeated = String(repeating: "word ", count: 300_000)
        let start = ContinuousClock.now
        let e = judge.compare(analyzed(repeated + "one end"), analyzed(repeated + "another end"))
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(e.jaccard == 0.2)
        // A shared passage around unrepeated words is still found whole, through the repeats.
        let marked = "word word word word word alpha beta gamma delta epsilon word word word"
        let x = judge.compare(analyzed(repeated + marked + " tail one"), analyzed("head two " + marked + " " + repeated))
        #expect(x.passages.map(\.words) == [13])
    }

    @Test func commonPassagesAreNotEvidence() {
        let rewrite = """
            The council voted for a crossing that will connect the market town of Orsa with the industrial estate at Linden Flats on the far side.
            Commuters will still wait for a car ferry that runs every half hour and stops in high winds.
            """
        let e = judge.compare(analyzed(rewrite), analyzed(original), isCommon: { _ in true })
        #expect(e.kind == nil)
        #expect(e.passages.allSatisfy { !$0.distinctive })
    }

    @Test func settingsThatCannotWorkAreRejected() {
        var s = DuplicateSettings()
        s.passageMinWords = 4
        #expect(throws: SettingsError.self) { try s.validate() }
        s = DuplicateSettings()
        s.lshBands = 30
        #expect(throws: SettingsError.self) { try s.validate() }
        for days in [-1, Double.infinity, .nan] {
            s = DuplicateSettings()
            s.windowDays = days
            #expect(throws: SettingsError.self) { try s.validate() }
        }
    }

    /// The scheme names the hashing's version (`keys/3`: shingles as a rolling sum) and only
    /// the key-shaping settings.
    @Test func theIndexSchemeNamesTheKeyShapingSettingsOnly() {
        var s = DuplicateSettings()
        #expect(s.indexScheme == "keys/3 shingle_words=5 minhash_permutations=128 lsh_bands=32 winnow_window=6")
        s.passageMinCount = 3
        s.syndicatedJaccard = 0.6
        #expect(s.indexScheme == DuplicateSettings().indexScheme)
        s.shingleWords = 4
        #expect(s.indexScheme != DuplicateSettings().indexScheme)
    }
}

/// Templated items share long runs of wording but not their numbers and names.
struct TemplateGuardTests {
    let settings = DuplicateSettings()

    private func report(_ index: String, _ close: String, _ change: String, _ leader: String, _ laggard: String) -> AnalyzedText {
        AnalyzedText("""
            The main index of the Orsa exchange closed at \(close) points on Monday, a change of \(change) percent from the previous session, as trading volumes stayed close to their average for the month.
            Shares of \(leader) led the gainers while \(laggard) fell the most, and traders said the \(index) futures market was quiet ahead of the central bank decision due later in the week.
            """, shingleWords: settings.shingleWords)
    }

    @Test func twoMarketClosesFromOneTemplateAreNotDuplicates() {
        let a = report("Tarn", "4512.3", "1.2", "Voltaro", "Kesh Shipping")
        let b = report("Linden", "4480.9", "0.7", "Brantline", "Estrel Power")
        let e = DuplicateJudge(settings: settings).compare(a, b)
        #expect(e.wirePassages.count >= 2, "the template shares long runs")
        #expect(!e.factsAgree)
        #expect(e.kind == nil)
        #expect(e.reason.contains("stop at differing numbers or names"), "\(e.reason)")
    }

    /// A rewrite keeps three wire sentences verbatim and adds twice as much background from
    /// other stories, with their own names and numbers: the facts disagree over the whole
    /// texts, but not around the shared sentences.
    @Test func aRewriteWithOtherBackgroundIsStillFound() {
        let wire = [
            "Rescue teams pulled eleven survivors from the collapsed market building late on Tuesday night.",
            "The regional governor said the search would continue through the weekend despite heavy rain.",
            "Engineers had warned for years that the structure was unsafe and should be closed to traders.",
        ]
        let original = AnalyzedText("""
            A market building collapsed in Orvalle on Tuesday, trapping dozens of traders. \(wire[0]) \
            Officials put the number of missing at 23. \(wire[1]) Local radio said 140 stalls were inside. \(wire[2])
            """, shingleWords: settings.shingleWords)
        let rewrite = AnalyzedText("""
            Disaster struck again in the north. \(wire[0]) In March, floods in Kessen and Marrow displaced 4,200 people, \
            and the Dunmore dam failed in 2019 after inspectors from Halvic Engineering flagged 37 faults. \(wire[1]) \
            Last year 61 schools in Tarrow and Vell were shut after similar audits by the Brenn Institute. \(wire[2]) \
            Minister Aldo Ferrant promised 800 million crowns for repairs in Lusk, Orm and Pellan.
            """, shingleWords: settings.shingleWords)
        let e = DuplicateJudge(settings: settings).compare(original, rewrite)
        #expect(!e.factsAgree, "the background brings other facts")
        #expect(e.kind == .sharedWirePassages, "\(e.reason)")
        #expect(e.reason.contains("background of their own"))
    }

    @Test func aCopyOfOneMarketCloseStillIs() {
        let a = report("Tarn", "4512.3", "1.2", "Voltaro", "Kesh Shipping")
        let e = DuplicateJudge(settings: settings).compare(a, report("Tarn", "4512.3", "1.2", "Voltaro", "Kesh Shipping"))
        #expect(e.kind == .exact)
    }

    /// Two items of one template that drew the same values but one: as alike as a corrected
    /// copy, but what they share is the template's wording, which its other items make
    /// common across the archive.
    @Test func itemsThatDifferInOneValueAreNotCopiesWhenTheirWordingIsCommon() {
        let judge = DuplicateJudge(settings: settings)
        let a = judge.prepare(report("Tarn", "4512.3", "1.2", "Voltaro", "Kesh Shipping"))
        let b = judge.prepare(report("Tarn", "4512.3", "1.2", "Brantline", "Kesh Shipping"))
        let others = [report("Linden", "4480.9", "0.7", "Orvane", "Estrel Power"), report("Calder", "3977.0", "2.4", "Mosk", "Pell Rail")]
        let frame = Set(others.flatMap { judge.prepare($0).winnowed.map(\.hash) })
        #expect(judge.compare(a, b).kind == .syndicated, "alone, a corrected copy")
        let e = judge.compare(a, b, isCommon: frame.contains)
        #expect(e.jaccard >= settings.syndicatedJaccard && e.factsAgree)
        #expect(e.kind == nil)
        #expect(e.reason.contains("common across the archive (a template's fixed wording"), "\(e.reason)")
    }

    /// A templated item republished whole, with a line of the publisher's own: one shared run,
    /// a copy however common its wording.
    @Test func aTemplatedItemCopiedWholeIsACopyWhenItsWordingIsCommon() {
        let judge = DuplicateJudge(settings: settings)
        let item = report("Tarn", "4512.3", "1.2", "Voltaro", "Kesh Shipping").text
        let a = judge.prepare(AnalyzedText(item + "\n\nThe Gazette 3 received this at 4 o'clock.", shingleWords: settings.shingleWords))
        let b = judge.prepare(AnalyzedText(item + "\n\nThe Gazette 7 received this at 9 o'clock.", shingleWords: settings.shingleWords))
        let others = [report("Linden", "4480.9", "0.7", "Orvane", "Estrel Power"), report("Calder", "3977.0", "2.4", "Mosk", "Pell Rail")]
        let frame = Set(others.flatMap { judge.prepare($0).winnowed.map(\.hash) })
        let e = judge.compare(a, b, isCommon: frame.contains)
        #expect(e.kind == .syndicated, "\(e.reason)")
    }

    @Test func numbersAndNamesAreTokenFacts() {
        let facts = Tokenizer.tokens("Shares of Voltaro rose 12 percent. Traders in Tarn said “Quiet days” were over.").map(\.fact)
        #expect(facts == [.none, .none, .name, .none, .number, .none, .none, .none, .name, .none, .none, .none, .none, .none])
    }
}
