import Foundation
import Hyphenation
import SkyltTestSupport
import Testing

/// libhyphen with Debian's dictionaries: each language's own points, one file per dictionary,
/// and loading beside the kiosk's loop.
@Suite struct LibHyphenatorTests {
    static let hyphenator = LibHyphenator()

    /// Skips (saying so) where Debian's dictionaries are not installed; CI installs them (.ci/setup).
    func dictionariesInstalled() -> Bool {
        guard let missing = DebianDictionaries.missing(Self.hyphenator) else { return true }
        if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record(Comment(rawValue: missing)) }
        print("skipped: " + missing)
        return false
    }

    func pieces(_ word: String, _ language: String) -> String {
        let points = Self.hyphenator.hyphenationPoints(of: word, language: language)
        var result = "", last = 0
        let characters = Array(word)
        for point in points {
            result += String(characters[last..<point]) + "-"
            last = point
        }
        return result + String(characters[last...])
    }

    @Test func dictionariesGiveTheirLanguagesPoints() {
        guard dictionariesInstalled() else { return }
        // Points are real syllable boundaries of each language, found by its own dictionary.
        #expect(pieces("Länsförsäkringar", "sv-SE").contains("läns") || pieces("Länsförsäkringar", "sv-SE").contains("Läns-"))
        #expect(pieces("Samhällsarbetets", "sv").split(separator: "-").count >= 3)
        #expect(pieces("enshittification", "en").split(separator: "-").count >= 3)
        #expect(pieces("Donaudampfschifffahrt", "de-CH").split(separator: "-").count >= 3)
        // Case is kept, the word is unchanged apart from the hyphens.
        #expect(pieces("Länsförsäkringar", "sv").replacingOccurrences(of: "-", with: "") == "Länsförsäkringar")
        // At least two letters before a break and three after it.
        for (word, language) in [("Samhällsarbetets", "sv"), ("infrastructure", "en"), ("Gesellschaftskapitän", "de")] {
            let points = Self.hyphenator.hyphenationPoints(of: word, language: language)
            #expect(!points.isEmpty && points.allSatisfy { $0 >= 2 && $0 <= word.count - 3 }, "\(word): \(points)")
        }
        // No dictionary, or a word the dictionary's character set cannot write: no points.
        #expect(Self.hyphenator.hyphenationPoints(of: "Länsförsäkringar", language: "xx").isEmpty)
        #expect(Self.hyphenator.hyphenationPoints(of: "Łódźbrzęczyszczykiewicz", language: "sv").isEmpty)
        #expect(!Self.hyphenator.hasDictionary(for: "not a language"))
    }

    @Test func oneFileIsLoadedOnceWhateverTheTagSays() {
        guard dictionariesInstalled() else { return }
        // "sv" and "sv-SE" find hyph_sv_SE.dic; Debian's hyph_de_CH.dic and hyph_de.dic are links to hyph_de_DE.dic.
        let hyphenator = LibHyphenator()
        let words = ["sv": "Länsförsäkringar", "en": "infrastructure", "de": "Gesellschaft"]
        for language in ["sv", "sv-SE", "sv_SE", "en", "en-US", "de", "de-CH", "de-DE"] {
            let word = words[String(language.prefix(2))] ?? ""
            #expect(!hyphenator.hyphenationPoints(of: word, language: language).isEmpty, "\(language)")
        }
        #expect(hyphenator.loadedFiles.count == 3, "\(hyphenator.loadedFiles)")
    }

    @Test func aKioskLoadsDictionariesBesideItsLoop() {
        guard dictionariesInstalled() else { return }
        // Asked before its dictionary is in: no points yet (and none remembered), a call when loaded, then the points.
        let loaded = DispatchSemaphore(value: 0)
        let kiosk = LibHyphenator(loading: .background(onLoaded: { loaded.signal() }))
        #expect(kiosk.hyphenationPoints(of: "Länsförsäkringar", language: "sv").isEmpty)
        #expect(loaded.wait(timeout: .now() + 60) == .success)
        #expect(kiosk.hyphenationPoints(of: "Länsförsäkringar", language: "sv") == Self.hyphenator.hyphenationPoints(of: "Länsförsäkringar", language: "sv"))
        #expect(!kiosk.hyphenationPoints(of: "Länsförsäkringar", language: "sv").isEmpty)
    }
}
