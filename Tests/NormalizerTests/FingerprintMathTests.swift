import Foundation
import Normalizer
import Testing

struct FingerprintMathTests {
    /// Random-looking distinct words, deterministic per seed.
    private func words(_ count: Int, seed: UInt64) -> [String] {
        var s = seed
        return (0..<count).map { _ in
            s = StableHash.mix(s)
            return "w\(s % 1_000_000)"
        }
    }

    /// The content hash is SHA-256 of the text's UTF-8 in lowercase hex (FIPS 180-2's vectors).
    @Test func contentHashIsSHA256InLowercaseHex() {
        #expect(ContentHash.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ContentHash.sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let bridged = NSString(string: "caf\u{E9} \u{201C}x\u{201D}") as String
        #expect(ContentHash.sha256Hex(bridged) == ContentHash.sha256Hex("caf\u{E9} \u{201C}x\u{201D}"))
    }

    /// The in-memory key of a text is one for equal texts, however they are stored, and
    /// spreads distinct texts (a hit is confirmed on the text, so collisions cost only time).
    @Test func contentKeysAreEqualForEqualTextsAndSpreadOthers() {
        let bridged = NSString(string: "caf\u{E9} \u{201C}x\u{201D}") as String
        #expect(ContentHash.key(bridged) == ContentHash.key("caf\u{E9} \u{201C}x\u{201D}"))
        #expect(ContentHash.key(String(repeating: "word ", count: 999)) == ContentHash.key(String(repeating: "word ", count: 999)))
        let keys = Set((0..<10_000).map { ContentHash.key("text number \($0)") })
        #expect(keys.count >= 9_980)
    }

    @Test func winnowingSelectsTheRightmostMinimumOfEveryWindow() {
        for trial in 0..<50 {
            // Few distinct values, so that ties (where "rightmost" matters) are common.
            let hashes = (0..<(20 + trial)).map { StableHash.mix(UInt64($0 * 31 + trial)) % 7 }
            for window in [1, 4, 6] where hashes.count > window {
                var expected: [Winnowing.Fingerprint] = []
                for start in 0...(hashes.count - window) {
                    var best = start
                    for i in start..<(start + window) where hashes[i] <= hashes[best] { best = i }
                    if expected.last?.position != best { expected.append(.init(hash: hashes[best], position: best)) }
                }
                #expect(Winnowing.fingerprints(hashes, window: window) == expected, "trial \(trial), window \(window)")
                #expect(Winnowing.hashes(hashes, window: window) == expected.map(\.hash), "trial \(trial), window \(window)")
            }
        }
    }

    @Test func winnowingCatchesEverySharedRunOfExactlyTheGuaranteedLength() {
        let settings = DuplicateSettings()
        let run = settings.guaranteedRunWords
        for trial in 0..<200 {
            let shared = words(run, seed: UInt64(trial) &* 7 &+ 1)
            let a = words(40, seed: UInt64(trial) &* 7 &+ 2) + shared + words(40, seed: UInt64(trial) &* 7 &+ 3)
            let b = words(25, seed: UInt64(trial) &* 7 &+ 4) + shared + words(60, seed: UInt64(trial) &* 7 &+ 5)
            let fa = Fingerprints(of: AnalyzedText(a.joined(separator: " "), shingleWords: settings.shingleWords), settings: settings)
            let fb = Fingerprints(of: AnalyzedText(b.joined(separator: " "), shingleWords: settings.shingleWords), settings: settings)
            #expect(!Set(fa.passages).isDisjoint(with: fb.passages), "trial \(trial)")
        }
    }

    @Test func minHashEstimatesJaccardWithinFourStandardErrors() {
        let minhash = MinHash(permutations: 128)
        for (overlap, expected) in [(300, 0.6), (200, 1.0 / 3.0), (100, 1.0 / 7.0)] {
            let a = (0..<400).map { StableHash.mix(UInt64($0)) }
            let b = ((400 - overlap)..<(800 - overlap)).map { StableHash.mix(UInt64($0)) }
            let estimate = MinHash.estimatedJaccard(minhash.signature(of: a), minhash.signature(of: b))
            let standardError = (expected * (1 - expected) / 128).squareRoot()
            #expect(abs(estimate - expected) <= 4 * standardError, "J=\(expected) estimated \(estimate)")
        }
    }

    /// One-permutation hashing as `MinHash` documents it, hashing every borrowing attempt
    /// anew: the signatures it stores must never change, whatever is precomputed.
    static func referenceSignature(_ shingles: [UInt64], permutations: Int) -> [UInt32] {
        let bins = UInt64(permutations)
        var mins = [UInt32](repeating: .max, count: permutations), filled = [Bool](repeating: false, count: permutations)
        for shingle in shingles {
            let h = StableHash.mix(shingle ^ 0x5eed_1e57_d0c5_0001)
            let bin = Int(((h >> 32) &* bins) >> 32)
            mins[bin] = min(mins[bin], UInt32(truncatingIfNeeded: h))
            filled[bin] = true
        }
        guard !shingles.isEmpty else { return mins }
        return (0..<permutations).map { bin in
            if filled[bin] { return mins[bin] }
            var attempt: UInt64 = 1
            while true {
                let pick = Int(((StableHash.mix(UInt64(bin) << 32 | attempt) >> 32) &* bins) >> 32)
                if filled[pick] { return mins[pick] }
                attempt += 1
            }
        }
    }

    /// Shingle hashes are stored keys (through band keys and passages): each is `mix` of the
    /// sum of its words' hashes times powers of `StableHash.shingleBase` (the last word's
    /// times 1), xor the shingle's width.
    @Test(arguments: [5, 1, 3])
    func shingleHashesAreTheDocumentedFold(k: Int) {
        for count in [0, 1, 2, k - 1, k, k + 1, 60] {
            let text = words(count, seed: UInt64(count)).joined(separator: " ")
            let analyzed = AnalyzedText(text, shingleWords: k)
            let hashes = analyzed.tokens.map(\.hash), width = min(k, hashes.count)
            let expected = hashes.isEmpty ? [] : (0...(hashes.count - width)).map { i in
                StableHash.mix(hashes[i..<(i + width)].reduce(0) { $0 &* StableHash.shingleBase &+ $1 } ^ UInt64(width))
            }
            #expect(analyzed.shingles == expected, "\(count) words")
        }
    }

    @Test(arguments: [128, 64, 200])
    func minHashSignaturesAreTheDocumentedOnes(permutations: Int) {
        let minhash = MinHash.with(permutations: permutations)
        // From one shingle (every other bin borrows it, most after many attempts) to many.
        for size in [0, 1, 2, 3, 10, 50, 205, 1_000] {
            let shingles = (0..<size).map { StableHash.mix(UInt64(size) << 20 | UInt64($0)) }
            #expect(minhash.signature(of: shingles) == Self.referenceSignature(shingles, permutations: permutations), "\(size)")
        }
    }

    @Test func lshBandsCollideAtTheRateOfTheSCurveMidpoint() {
        // At s = (1/b)^(1/r) the probability of sharing a band is 1 - (1 - 1/b)^b ≈ 0.638 for b = 32.
        let settings = DuplicateSettings()
        let b = Double(settings.lshBands), r = Double(settings.lshRows)
        let midpoint = pow(1 / b, 1 / r)
        let minhash = MinHash(permutations: settings.minhashPermutations)
        var hits = 0
        let trials = 400
        for t in 0..<trials {
            let size = 1_000, shared = Int((2 * midpoint / (1 + midpoint)) * Double(size))
            let base = UInt64(t) << 32
            let a = (0..<size).map { StableHash.mix(base + UInt64($0)) }
            let b = ((size - shared)..<(2 * size - shared)).map { StableHash.mix(base + UInt64($0)) }
            let ka = MinHash.bandKeys(minhash.signature(of: a), bands: settings.lshBands)
            let kb = MinHash.bandKeys(minhash.signature(of: b), bands: settings.lshBands)
            if zip(ka, kb).contains(where: { $0 == $1 }) { hits += 1 }
        }
        let expected = 1 - pow(1 - 1 / b, b)
        #expect(abs(Double(hits) / Double(trials) - expected) < 0.08, "\(hits)/\(trials) vs \(expected)")
    }
}

/// Index keys: 32 bits, and a band's key differs from the same value at another band.
struct IndexKeyTests {
    @Test func keysAreCutTo32BitsAndBandsKeptApart() {
        let prints = Fingerprints(of: AnalyzedText(String(repeating: "one two three four five six seven ", count: 9),
                                                   shingleWords: 5), settings: DuplicateSettings())
        #expect((prints.bandKeys + prints.passages).allSatisfy { $0 < 1 << 32 })
        #expect(Fingerprints.bandKey(0, 42) != Fingerprints.bandKey(1, 42))
        let mixed: UInt64 = 42 ^ (4 &* 0x9e37_79b9_7f4a_7c15)
        #expect(Fingerprints.bandKey(3, 42) == mixed & 0xFFFF_FFFF, "the band mix archives have used since keys/1")
    }
}
