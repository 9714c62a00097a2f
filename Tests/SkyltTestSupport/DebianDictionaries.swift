import Hyphenation

/// Debian's hyphenation dictionaries the tests use (hyphen-sv, hyphen-en-us, hyphen-de).
public enum DebianDictionaries {
    /// Nil when all three are installed; else what a skipping test says.
    public static func missing(_ hyphenator: LibHyphenator) -> String? {
        guard !["sv", "en", "de"].allSatisfy(hyphenator.hasDictionary(for:)) else { return nil }
        return "Debian's hyphenation dictionaries are not in \(LibHyphenator.debianFolder) (bash .ci/setup installs hyphen-sv, hyphen-en-us and hyphen-de)"
    }
}
