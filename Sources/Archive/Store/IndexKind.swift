/// The kinds of key the duplicate indexes hold, each in its own runs of `index_blocks`.
enum IndexKind: Int, CaseIterable {
    /// LSH band keys, each mixed with its band's number (`KeyFilter.band`).
    case band = 0
    /// Winnowed passage fingerprints.
    case passage = 1
}
