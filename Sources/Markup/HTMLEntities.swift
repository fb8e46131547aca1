import CLibXML2

/// HTML 4's named character references, from libxml2's own table (no copy of it here).
public enum HTMLEntities {
    /// The code point of `&name;`, or nil when HTML 4 does not define `name` (case-sensitive).
    public static func codePoint(named name: String) -> UInt32? {
        guard let entry = htmlEntityLookup(name) else { return nil }
        return entry.pointee.value
    }
}
