import Foundation
import Hyphenation
import ScheduleCore
import SignLayout
import SkyltTestSupport
import Testing

/// Titles that do not fit: one step smaller first, then broken at hyphenation points of their
/// language (libhyphen with Debian's dictionaries), never inside a word without a hyphen.
@Suite struct HyphenatedLayoutTests {
    static let hyphenator = LibHyphenator()

    /// Skips (saying so) where Debian's dictionaries are not installed; CI installs them (.ci/setup).
    func dictionariesInstalled() -> Bool {
        guard let missing = DebianDictionaries.missing(Self.hyphenator) else { return true }
        if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record(Comment(rawValue: missing)) }
        print("skipped: " + missing)
        return false
    }

    @Test func fitterBreaksOnlyWithAHyphen() {
        guard dictionariesInstalled() else { return }
        let fitter = TextFitter(measurer: FixedMeasurer(), hyphenator: Self.hyphenator)
        for (text, language) in [("Samhällsarbetets digitalisering och länsförsäkringarnas framtid", "sv"),
                                 ("Enshittification-resistant internet", "en"),
                                 ("Donaudampfschifffahrtsgesellschaftskapitänsmütze", "de")] {
            for width in [120, 200, 310] {
                let fitted = fitter.fit(text, weight: .bold, size: 20, width: width, maxLines: 8, language: language, hyphenateLineEnds: true)
                #expect(!fitted.truncated, "\(text) at \(width)")
                #expect(fitted.lines.allSatisfy { FixedMeasurer().width(of: $0, weight: .bold, size: 20) <= width })
                expectBrokenOnlyWithHyphens(fitted.lines, original: text)
            }
        }
    }

    /// Every line ends at a space of the original text or with a hyphen, and the lines read
    /// back as the text (added hyphens removed).
    func expectBrokenOnlyWithHyphens(_ lines: [String], original: String, sourceLocation: SourceLocation = #_sourceLocation) {
        var rebuilt = ""
        for (index, line) in lines.enumerated() {
            let isLast = index == lines.count - 1
            if !isLast, !line.hasSuffix("-") {
                rebuilt += line + " "
                continue
            }
            // A hyphen the text had is kept; one added for the break is not part of it.
            let kept = original.contains(rebuilt + line) && !isLast ? line : (isLast ? line : String(line.dropLast()))
            rebuilt += kept
        }
        #expect(rebuilt.trimmingCharacters(in: .whitespaces) == original, "\(lines)", sourceLocation: sourceLocation)
    }

    static let titles = [
        ("Samhällsarbetets digitalisering i länsförsäkringarna", "sv"),
        ("Enshittification-resistant internet for everyone", "en"),
        ("Länsförsäkringarnas samhällsansvar i Jämtlands fjällvärld", "sv"),
    ]

    @Test(arguments: [(1280, 720), (1080, 1920)])
    func roomSignTitlesAreHyphenatedNotCut(_ size: (Int, Int)) throws {
        guard dictionariesInstalled() else { return }
        for (title, language) in Self.titles {
            let program = try LayoutFixture.program(text: """
                {"skylt": 1, "event": {"name": "E", "timezone": "Europe/Stockholm", "locale": "sv-SE"},
                 "sessions": [{"id": "a", "title": "\(title)", "language": "\(language)", "start": "2020-02-06T09:00", "end": "2020-02-06T10:00"}]}
                """)
            let board = Board(program: program, at: LayoutFixture.instant("2020-02-06T09:30+01:00"))
            let list = SignLayout(theme: .dark, measurer: FixedMeasurer(), hyphenator: Self.hyphenator)
                .layout(board, mode: .room("main"), width: size.0, height: size.1)
            let lines = titleLines(list, title)
            #expect(!lines.isEmpty && !lines.contains { $0.contains("…") }, "\(size): \(lines)")
            expectBrokenOnlyWithHyphens(lines, original: title)
            // The same title without a dictionary: only cut or broken with a hyphen, never silently.
            let plain = SignLayout(theme: .dark, measurer: FixedMeasurer()).layout(board, mode: .room("main"), width: size.0, height: size.1)
            let plainLines = titleLines(plain, title)
            for (line, next) in zip(plainLines, plainLines.dropFirst()) where !line.hasSuffix("-") {
                #expect(title.contains(line + " " + next.split(separator: " ").first.map(String.init).map { $0.replacingOccurrences(of: "…", with: "") }!),
                        "\(size): \(plainLines)")
            }
        }
    }

    /// The title's lines: bold texts that are pieces of it (a hyphen or "…" at the end aside).
    func titleLines(_ list: DisplayList, _ title: String) -> [String] {
        list.texts.filter { run in
            var piece = run.text
            while piece.hasSuffix("-") || piece.hasSuffix("…") { piece.removeLast() }
            return run.weight == .bold && piece.count >= 2 && title.contains(piece)
        }.map(\.text)
    }

    @Test func aTitleThatFitsOneStepSmallerIsNotHyphenated() throws {
        guard dictionariesInstalled() else { return }
        // Fits whole at 85 %: shown smaller, every word whole.
        let title = "Hållbar digitalisering i Jämtlands kommuner"
        let program = try LayoutFixture.program(text: """
            {"skylt": 1, "event": {"name": "E", "timezone": "Europe/Stockholm", "locale": "sv-SE"},
             "sessions": [{"id": "a", "title": "\(title)", "start": "2020-02-06T09:00", "end": "2020-02-06T10:00"}]}
            """)
        let board = Board(program: program, at: LayoutFixture.instant("2020-02-06T09:30+01:00"))
        for (width, height) in [(1280, 720), (1080, 1920), (1920, 1080)] {
            let list = SignLayout(theme: .dark, measurer: FixedMeasurer(), hyphenator: Self.hyphenator)
                .layout(board, mode: .room("main"), width: width, height: height)
            let titleLines = list.texts.filter { title.contains($0.text) && $0.weight == .bold && $0.text.count > 3 }
            #expect(!titleLines.isEmpty && titleLines.allSatisfy { !$0.text.hasSuffix("-") && !$0.text.hasSuffix("…") }, "\(width)x\(height): \(titleLines.map(\.text))")
            #expect(titleLines.map(\.text).joined(separator: " ") == title)
        }
    }

    @Test func aCutTitleEndsAfterAWholeWord() {
        guard dictionariesInstalled() else { return }
        let fitter = TextFitter(measurer: FixedMeasurer(), hyphenator: Self.hyphenator)
        let title = "Datenschutzfolgenabschätzung für Gemeindeverwaltungen und Kreisverwaltungen im ländlichen Raum"
        for width in [200, 240, 300, 400] {
            let fitted = fitter.fit(title, weight: .bold, size: 20, width: width, maxLines: 3, language: "de", hyphenateLineEnds: true)
            guard fitted.truncated, let last = fitted.lines.last else { continue }
            let shown = String(last.dropLast())  // The "…".
            let lastWord = shown.split(separator: " ").last.map(String.init) ?? ""
            // The last word shown is a whole word of the title, or the whole rest of a word broken on the line before.
            let wholeWords = Set(title.split(separator: " ").map(String.init))
            let restOfABrokenWord = !shown.contains(" ") && fitted.lines.dropLast().last?.hasSuffix("-") == true
                && wholeWords.contains { $0.hasSuffix(lastWord) }
            #expect(wholeWords.contains(lastWord) || restOfABrokenWord, "cut inside a word at \(width): \(fitted.lines)")
        }
    }

    @Test func aVeryLongWordIsBrokenOnlyAtTheDictionarysPointsOfTheWholeWord() {
        guard dictionariesInstalled() else { return }
        let word = String(repeating: "Witwenrente", count: 10) + "ngesellschaft"
        let points = Set(Self.hyphenator.hyphenationPoints(of: word, language: "de"))
        let fitter = TextFitter(measurer: FixedMeasurer(), hyphenator: Self.hyphenator)
        for width in [150, 230, 310] {
            let fitted = fitter.fit(word, weight: .bold, size: 20, width: width, maxLines: 40, language: "de")
            #expect(fitted.lines.count > 2)
            var offset = 0
            for line in fitted.lines.dropLast() {
                #expect(line.hasSuffix("-"), "\(width): \(fitted.lines)")
                offset += line.count - 1
                #expect(points.contains(offset), "\(width): broken at \(offset), not a point of the word: \(fitted.lines)")
            }
        }
    }

    @Test func aWordLongerThanTheDictionaryTakesIsStillBrokenAtItsSyllables() {
        guard dictionariesInstalled() else { return }
        // 300 letters (libhyphen takes 200 bytes): "Ge-sell-schaft" over and over.
        let word = String(repeating: "Gesellschaft", count: 25)
        let fitter = TextFitter(measurer: FixedMeasurer(), hyphenator: Self.hyphenator)
        let fitted = fitter.fit(word, weight: .bold, size: 20, width: 230, maxLines: 40, language: "de")
        var offset = 0
        for line in fitted.lines.dropLast() {
            offset += line.count - 1
            #expect([2, 6].contains(offset % 12), "broken at \(offset), inside a syllable: \(fitted.lines)")
        }
    }

    @Test func aLetterIsNeverLeftAloneOnTheLastLine() {
        let fitter = TextFitter(measurer: FixedMeasurer(), hyphenator: NoHyphenation())
        let measurer = FixedMeasurer()
        // Just too narrow for the whole name: "Workshop room" fits, "Ö" would be alone.
        let width = measurer.width(of: "Workshop room", weight: .bold, size: 20)
        let fitted = fitter.fit("Workshop room Ö", weight: .bold, size: 20, width: width, maxLines: 3)
        #expect(fitted.lines == ["Workshop", "room Ö"])
    }
}
