import ArgumentParser
import DisplayContract
import Foundation
import Hyphenation
import Kiosk
import ScheduleCore
import SignLayout
import SignRaster

/// `skylt-bench worst-text`: the slowest first frame an accepted text can make. Lays out and
/// draws, with the real fonts, the worst alerts and titles the readers let through (the most
/// characters, the most code points per character, one unbreakable word, several scripts), and
/// prints each one's time beside the kiosk's frame budget.
struct WorstTextBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worst-text",
        abstract: "Time the first frame of the worst alerts and titles the readers accept."
    )

    @Option(help: "Frame width in pixels.")
    var width = 1920

    @Option(help: "Frame height in pixels.")
    var height = 1080

    /// Texts at the readers' limits: each is checked to be accepted before it is timed.
    static func alerts() -> [(String, String)] {
        let limit = LiveLimits.maxAlertCharacters
        let marks = String(repeating: "\u{0301}", count: DisplayText.maxCodePointsPerCharacter - 1)
        let perCharacter = DisplayText.codePointsPerCharacter
        return [
            ("400 letters in words", String(repeating: "Utrym byggnaden ", count: limit / 16)),
            ("400 letters, one word", String(repeating: "W", count: limit)),
            ("100 letters of 16 code points", String(repeating: "A" + marks, count: limit * perCharacter / DisplayText.maxCodePointsPerCharacter)),
            ("400 letters of 4 code points", String(repeating: "A\u{0301}\u{0323}\u{0308}", count: limit)),
            ("400 emoji and CJK", String(repeating: "👨‍👩‍👧 避難", count: limit / 5)),
        ]
    }

    /// Titles near the feed's 16 MiB: their length is cut by the layout, their marks by the reader.
    static func titles() -> [(String, String)] {
        let marks = String(repeating: "\u{0301}", count: DisplayText.maxCodePointsPerCharacter - 1)
        return [
            ("1 MB of words", String(repeating: "Långtitel ", count: 100_000)),
            ("1 MB, one word", String(repeating: "W", count: 1_000_000)),
            ("32,000 letters of 16 code points", String(repeating: "A" + marks, count: 32_000)),
        ]
    }

    func run() throws {
        let library = try SDLLibrary(video: false)
        try withExtendedLifetime(library) {
            let fonts = try FontBook(theme: .dark, library: library)
            let layout = SignLayout(theme: .dark, measurer: fonts, hyphenator: LibHyphenator())
            let step = KioskStep(layout: layout, mode: nil, direction: "Nödutgång: trappan till vänster")
            let canvas = try SoftwareCanvas(width: width, height: height, fonts: fonts)
            print("frame budget: \(KioskLimits.frameBudget) (the watchdog is fed at least that often)")
            var worst = Duration.zero
            for (name, text) in Self.alerts() {
                precondition(DisplayText.problem(text, maxCharacters: LiveLimits.maxAlertCharacters) == nil, "\(name) would be refused")
                let live = LiveState(alert: LiveAlert(text: text, level: .emergency))
                let clock = ContinuousClock()
                let elapsed = clock.measure {
                    let frame = step.frame(program: nil, live: live, status: KioskStatus(source: "bench"), at: Date(timeIntervalSince1970: 1_600_000_000),
                                           clockEvidence: nil, size: Size(width: width, height: height))
                    canvas.draw(frame.list)
                }
                worst = max(worst, elapsed)
                print("emergency alert, \(name) (\(text.unicodeScalars.count) code points): \(String(format: "%.1f", elapsed.seconds * 1000)) ms")
            }
            print("worst accepted alert: \(String(format: "%.1f", worst.seconds * 1000)) ms at \(width)x\(height)")
            worst = .zero
            for (name, title) in Self.titles() {
                let feed = #"{"skylt": 1, "event": {"name": "E", "timezone": "UTC"}, "sessions": [{"id": "a", "title": "\#(title)", "start": "2020-02-06T09:00", "end": "2020-02-06T10:00"}]}"#
                guard let program = FeedReader.read(Array(feed.utf8)).program else { throw BenchmarkError("\(name) would be refused") }
                let clock = ContinuousClock()
                let elapsed = clock.measure {
                    let frame = step.frame(program: program, live: .none, status: KioskStatus(source: "bench"), at: Date(timeIntervalSince1970: 1_580_980_000),
                                           clockEvidence: nil, size: Size(width: width, height: height))
                    canvas.draw(frame.list)
                }
                worst = max(worst, elapsed)
                print("room sign, title of \(name) (\(title.unicodeScalars.count) code points): \(String(format: "%.1f", elapsed.seconds * 1000)) ms")
            }
            print("worst accepted title: \(String(format: "%.1f", worst.seconds * 1000)) ms at \(width)x\(height)")
        }
    }
}
