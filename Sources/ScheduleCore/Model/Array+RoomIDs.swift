extension Array where Element == Room {
    /// The rooms' ids for a message, quoted: `"a", "b", "c"`, and past ten
    /// `"a", … "j" and 82 more` (a feed may have a thousand).
    public var quotedIDs: String {
        prefix(10).map { "\"\($0.id)\"" }.joined(separator: ", ") + (count > 10 ? " and \(count - 10) more" : "")
    }
}
