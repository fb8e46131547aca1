/// The kinds of key the duplicate indexes hold, each in its own runs of `index_blocks`.
public enum IndexKind: Int, CaseIterable, Sendable {
    /// LSH band keys (each mixed with its band's number before it is stored).
    case band = 0
    /// Winnowed passage fingerprints.
    case passage = 1
}
