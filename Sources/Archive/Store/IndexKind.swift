/// The kinds of key the duplicate indexes hold, each in its own runs of `index_blocks`.
public enum IndexKind: Int, CaseIterable, Sendable {
    /// LSH band keys, each mixed with its band's number (`bandKey`).
    case band = 0
    /// Winnowed passage fingerprints.
    case passage = 1

    /// The key an LSH band key is stored and looked up under: band keys are hashes already,
    /// and the band is mixed in, so equal keys of different bands differ.
    public static func bandKey(_ band: Int, _ key: UInt64) -> UInt64 {
        key ^ (UInt64(band + 1) &* 0x9e37_79b9_7f4a_7c15)
    }
}
