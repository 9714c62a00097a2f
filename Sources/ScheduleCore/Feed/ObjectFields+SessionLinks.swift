/// A session's `url` and `language`, read alike by every JSON reader: Skylt's own feed is
/// strict (a bad value is an error), imported exports lenient (a warning, and the value is left
/// out).
extension ObjectFields {
    /// The checked url and language (nil when absent or, leniently, bad), and whether nothing
    /// was refused.
    func readURLAndLanguage(strict: Bool) -> (url: String?, languages: [String], valid: Bool) {
        var valid = true
        func report(_ message: String, key: String) {
            if strict {
                error(message, key: key, at: offset(of: key))
                valid = false
            } else {
                warning(message + "; left out", key: key, at: offset(of: key))
            }
        }
        var url: String?
        if let text = string("url"), !text.isBlank {
            switch WebAddress.check(text) {
            case .success(let address): url = address
            case .failure(let problem): report("\"\(text.prefix(60))\" \(problem)", key: "url")
            }
        }
        var languages: [String] = []
        if let text = string("language"), !text.isBlank {
            if let list = LanguageTag.list(text) {
                languages = list
            } else {
                report("\"\(text.prefix(40))\" is not a language tag (such as \"sv\", \"en\" or \"de-CH\") or a list of them (\"de, en\")", key: "language")
            }
        }
        return (url, languages, valid)
    }
}
