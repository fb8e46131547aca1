import Archive
import Dedup
import Normalizer
import Testing

/// Which stored documents `CandidateSearch` brings up as a text's candidates, on band keys and
/// passage fingerprints chosen by hand, in the memory index (every store answers alike:
/// `StoreContractTests`).
struct CandidateSearchTests {
    typealias Keys = (bands: [UInt64], passages: [UInt64])

    /// Each document in its own cluster, ids from 1.
    static func index(_ documents: [Keys]) -> MemoryIndex {
        let index = MemoryIndex(settings: DuplicateSettings()) { _ in "" }
        var prints = Fingerprints(of: AnalyzedText("a text", shingleWords: 5), settings: DuplicateSettings())
        for (i, keys) in documents.enumerated() {
            prints.bandKeys = keys.bands
            prints.passages = keys.passages
            _ = index.add(contentKey: UInt32(i), prints, placement: .ownCluster, date: .nan, time: 0,
                          generation: .min) { _ in "" }
        }
        return index
    }

    static func found(_ keys: Keys, in index: MemoryIndex) throws -> [Int64] {
        try CandidateSearch(settings: DuplicateSettings())
            .find(bandKeys: keys.bands, passages: keys.passages, time: 0, in: index).candidates.map(\.documentID)
    }

    @Test func aBandKeyBringsADocumentOnlyWithAPassageAsWell() throws {
        let index = Self.index([([1], [10, 11]), ([1], [20]), ([], [10, 11])])
        #expect(try Self.found(([1], [30]), in: index) == [], "a band key alone: template items agree on one by chance")
        #expect(try Self.found(([1], [20]), in: index) == [2], "a band key and a passage")
        #expect(try Self.found(([], [10, 11]), in: index) == [1, 3], "two passages, without a band key")
        #expect(try Self.found(([], [10]), in: index) == [], "one passage alone")
        #expect(try Self.found(([1], [10]), in: index) == [1], "the band key's document, not the passage's other one")
    }

    @Test func aCommonPassageDoesNotCountWithABandKey() throws {
        // Passage 50 is in more clusters than `commonFingerprintClusters`: stock wording.
        let clusters = DuplicateSettings().commonFingerprintClusters
        let index = Self.index([([1], [50])] + Array(repeating: ([], [50]), count: clusters))
        #expect(try Self.found(([1], [50]), in: index) == [])
        #expect(try Self.found(([1], [50, 60]), in: Self.index([([1], [50, 60])])) == [1], "while it is not common")
    }
}
