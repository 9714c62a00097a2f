/// Where words may be broken with a hyphen, for a language: the layout asks, a dictionary
/// answers (libhyphen with Debian's dictionaries in the product: `Hyphenation.LibHyphenator`).
/// The layout never reads a dictionary itself.
public protocol Hyphenator {
    /// Character offsets inside `word` (a run of letters, as written, any case) after which a
    /// hyphen may break it, ascending; empty when the language has no dictionary or the word
    /// has no point.
    /// - Parameter language: a BCP 47 tag or locale ("sv", "sv-SE", "en_US").
    func hyphenationPoints(of word: String, language: String) -> [Int]
}

/// No dictionary: words break only where they already have a hyphen (or, too long for a
/// line, anywhere, with a hyphen shown).
public struct NoHyphenation: Hyphenator {
    public init() {}
    public func hyphenationPoints(of word: String, language: String) -> [Int] { [] }
}
