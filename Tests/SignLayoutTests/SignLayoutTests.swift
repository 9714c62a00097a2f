import Foundation
import SkyltTestSupport
import Testing
import ScheduleCore
@testable import SignLayout

@Suite struct SignLayoutTests {
    /// States of the embedded default, and the instants that show them.
    static let states: [(String, String)] = [
        ("before", "2020-02-06T07:40+01:00"), ("talk", "2020-02-06T10:20+01:00"), ("coffee", "2020-02-06T08:45+01:00"),
        ("gap", "2020-02-06T11:20+01:00"), ("lunch", "2020-02-06T12:05+01:00"), ("last-minute", "2020-02-06T15:59:30+01:00"),
        ("over", "2020-02-06T17:00+01:00"),
    ]

    func checkGeometry(_ list: DisplayList, _ label: String) {
        let screen = Rect(x: 0, y: 0, width: list.width, height: list.height)
        let texts = list.texts
        #expect(!texts.isEmpty, "\(label): no text")
        for run in texts {
            #expect(screen.contains(run.frame), "\(label): \"\(run.text)\" at \(run.frame) is outside \(list.width)x\(list.height)")
            #expect(run.size >= Int(Theme.dark.sizes.minimum * Double(min(list.width, list.height))), "\(label): \"\(run.text)\" is too small")
        }
        for (index, run) in texts.enumerated() {
            for other in texts[(index + 1)...] where run.frame.intersects(other.frame) {
                Issue.record("\(label): \"\(run.text)\" overlaps \"\(other.text)\"")
            }
        }
    }

    @Test(arguments: states)
    func everyStateFitsEveryScreen(_ state: (String, String)) throws {
        let program = try LayoutFixture.program("spridningskonferens-2020.json")
        for (width, height) in LayoutFixture.sizes {
            let list = LayoutFixture.layout(program, at: state.1, mode: .room("main"), width: width, height: height)
            checkGeometry(list, "\(state.0) at \(width)x\(height)")
        }
    }

    @Test func stateWordsAreShown() throws {
        let program = try LayoutFixture.program("spridningskonferens-2020.json")
        func words(_ at: String) -> [String] {
            LayoutFixture.layout(program, at: at, mode: .room("main"), width: 1920, height: 1080).texts.map(\.text)
        }
        let talk = words("2020-02-06T10:20+01:00")
        #expect(talk.contains("PÅGÅR NU") && talk.contains("HÄRNÄST") && talk.contains("slutar om 40 min"))
        #expect(talk.contains("10:20") && talk.contains("Torsdag 6 februari"))
        #expect(talk.contains("11:45 · börjar om 1 tim 25 min"))
        #expect(words("2020-02-06T15:59:30+01:00").contains("slutar om 30 s"))
        let lunch = words("2020-02-06T12:05+01:00")
        #expect(lunch.contains("Lunch") && lunch.contains("Programmet fortsätter kl. 12:30"))
        #expect(words("2020-02-06T07:40+01:00").contains("Välkommen!"))
        #expect(words("2020-02-06T17:00+01:00").contains("Tack för i dag!"))
        let gap = words("2020-02-06T11:20+01:00")
        #expect(gap.contains("11:45 · börjar om 25 min") && !gap.contains("PÅGÅR NU"))
    }

    @Test func dayOverShowsTomorrow() throws {
        let program = try LayoutFixture.program("fjallforum-multi-day.json")
        let list = LayoutFixture.layout(program, at: "2022-03-10T17:00+01:00", mode: .room("storsalen"), width: 1920, height: 1080)
        let texts = list.texts.map(\.text).joined(separator: " ")
        #expect(texts.contains("Dagens program är slut"))
        #expect(texts.contains("I morgon 09:00 · börjar om 16 tim"))
        checkGeometry(list, "day over")
    }

    @Test func emptyFeedSaysSo() throws {
        let program = try LayoutFixture.program(text: #"{"skylt": 1, "event": {"name": "Tomt", "timezone": "Europe/Stockholm", "locale": "en-GB"}, "sessions": []}"#)
        for mode in [SignMode.room("main"), .lobby] {
            let list = LayoutFixture.layout(program, at: "2020-02-06T10:00+01:00", mode: mode, width: 1920, height: 1080)
            #expect(list.texts.map(\.text).contains("Nothing scheduled"))
            checkGeometry(list, "empty")
        }
    }

    @Test func noticesAndCancelledSessionsAreShown() throws {
        let program = try LayoutFixture.program("nordic-devdays-multi-room.json")
        let list = LayoutFixture.layout(program, at: "2021-09-14T10:40+02:00", mode: .room("hall-b"), width: 1920, height: 1080)
        let texts = list.texts.map(\.text)
        #expect(texts.contains("Rust at the edge (11:00, Hall B) is cancelled"))
        #expect(texts.contains { $0.hasPrefix("Cancelled: Rust") })
        #expect(list.items.contains { if case .box(_, let color) = $0 { color == Theme.dark.colors.bannerBackground } else { false } })
        // A room-only notice shows on that room's sign and not on others.
        let workshop = LayoutFixture.layout(program, at: "2021-09-14T10:40+02:00", mode: .room("workshop"), width: 1920, height: 1080)
        #expect(workshop.texts.contains { $0.text.contains("2nd floor") })
        #expect(!texts.contains { $0.contains("2nd floor") })
        for (width, height) in LayoutFixture.sizes {
            checkGeometry(LayoutFixture.layout(program, at: "2021-09-14T10:40+02:00", mode: .room("hall-b"), width: width, height: height), "notices \(width)x\(height)")
            checkGeometry(LayoutFixture.layout(program, at: "2021-09-14T10:40+02:00", mode: .lobby, width: width, height: height), "lobby \(width)x\(height)")
        }
    }

    @Test func longTitlesAndManySpeakersAreShortenedNeverCut() throws {
        let program = try LayoutFixture.crowded()
        for (width, height) in LayoutFixture.sizes {
            let list = LayoutFixture.layout(program, at: "2020-02-06T09:30+01:00", mode: .room("main"), width: width, height: height)
            checkGeometry(list, "crowded \(width)x\(height)")
            // The title: the first bold lines that are pieces of it (it may be one step smaller than the theme's size).
            let title = String(repeating: "Långa svenska ord som förändringsarbete och samhällsutveckling kräver ", count: 5)
            let isPiece = { (run: TextRun) in
                run.weight == .bold && run.text.count > 8 && title.contains(run.text.trimmingCharacters(in: CharacterSet(charactersIn: "…-")))
            }
            let titleSize = list.texts.first(where: isPiece)?.size ?? 0
            let titleLines = list.texts.filter { isPiece($0) && $0.size == titleSize }
            #expect(titleLines.count <= 3, "\(width)x\(height): title on \(titleLines.count) lines")
            #expect(titleLines.last?.text.hasSuffix("…") == true)
            #expect(list.texts.contains { $0.text.hasSuffix("…") && $0.text.contains("Talare") })
        }
    }

    @Test func aMegabyteTitleIsShortenedQuickly() throws {
        let title = String(repeating: "Långtitel", count: 116_509)  // ≈ 1 MB, one "word".
        let program = try LayoutFixture.program(text: #"{"skylt": 1, "event": {"name": "E", "timezone": "UTC"}, "sessions": [{"id": "a", "title": "\#(title)", "start": "2020-02-06T09:00", "end": "2020-02-06T10:00"}]}"#)
        let started = Date()
        let list = LayoutFixture.layout(program, at: "2020-02-06T09:30Z", mode: .room("main"), width: 1920, height: 1080)
        #expect(Date().timeIntervalSince(started) < 2)
        checkGeometry(list, "1 MB title")
        #expect(list.texts.contains { $0.text.hasSuffix("…") && $0.text.contains("tel") })
    }

    @Test func lobbyPagesThroughManyRoomsWithoutShrinkingText() throws {
        // Forty rooms: more than one page even one line a room.
        let program = try LayoutFixture.manyRooms(40)
        var seen = Set<String>()
        var pageTexts = Set<String>()
        for second in stride(from: 0, to: 200, by: 10) {
            let at = LayoutFixture.instant("2020-02-06T09:30:00+01:00").addingTimeInterval(TimeInterval(second))
            let list = SignLayout(theme: .dark, measurer: FixedMeasurer()).layout(Board(program: program, at: at), mode: .lobby, width: 1920, height: 1080)
            checkGeometry(list, "lobby page at +\(second) s")
            for run in list.texts where run.text.hasPrefix("Sal ") { seen.insert(run.text) }
            for run in list.texts where run.text.hasPrefix("Sida ") { pageTexts.insert(run.text) }
        }
        #expect(seen.count == 40, "rooms shown over the pages: \(seen.sorted())")
        #expect(pageTexts.count >= 2 && pageTexts.allSatisfy { $0.hasSuffix("av \(pageTexts.count)") })
    }

    @Test func countdownChangesRedrawOnlyASmallRegion() throws {
        let program = try LayoutFixture.program("spridningskonferens-2020.json")
        let layout = SignLayout(theme: .dark, measurer: FixedMeasurer())
        let t = LayoutFixture.instant("2020-02-06T15:59:20+01:00")
        let before = layout.layout(Board(program: program, at: t), mode: .room("main"), width: 1920, height: 1080)
        let after = layout.layout(Board(program: program, at: t.addingTimeInterval(1)), mode: .room("main"), width: 1920, height: 1080)
        let dirty = try #require(after.dirtyRegion(since: before))
        #expect(dirty.area < 1920 * 1080 / 5, "dirty \(dirty)")
        #expect(after.dirtyRegion(since: after) == nil)
    }

    @Test func burnInShiftIsSmallAndMoves() {
        var offsets = Set<String>()
        for step in 0..<9 {
            let instant = Date(timeIntervalSince1970: 1_580_976_000 + Double(step) * BurnInShift.period)
            let (dx, dy) = BurnInShift.offset(at: instant, shortSide: 1080)
            #expect(abs(dx) <= 5 && abs(dy) <= 5)
            offsets.insert("\(dx),\(dy)")
            #expect(BurnInShift.nextChange(after: instant).timeIntervalSince(instant) == BurnInShift.period)
        }
        #expect(offsets.count >= 5)
    }

    @Test func redrawScheduleWakesForEveryWordingChange() throws {
        let program = try LayoutFixture.program("spridningskonferens-2020.json")
        let layout = SignLayout(theme: .dark, measurer: FixedMeasurer())
        // Walking from wake-up to wake-up must see every distinct frame that a second-by-second walk sees.
        let start = LayoutFixture.instant("2020-02-06T10:57:00+01:00"), end = start.addingTimeInterval(300)
        var everySecond: [String] = []
        var t = start
        while t < end {
            let texts = layout.layout(Board(program: program, at: t), mode: .room("main"), width: 1920, height: 1080).texts.map(\.text).joined(separator: "|")
            if everySecond.last != texts { everySecond.append(texts) }
            t = t.addingTimeInterval(1)
        }
        var scheduled: [String] = []
        t = start
        while t < end {
            let board = Board(program: program, at: t)
            let texts = layout.layout(board, mode: .room("main"), width: 1920, height: 1080).texts.map(\.text).joined(separator: "|")
            if scheduled.last != texts { scheduled.append(texts) }
            let next = RedrawSchedule.nextChange(after: board, mode: .room("main"))
            #expect(next > t)
            t = next
        }
        #expect(scheduled == everySecond)
        #expect(everySecond.count > 60)  // Seconds in the last minute of a session.
    }

    @Test(arguments: ["dark", "light"])
    func themeContrastMeetsWCAG(_ name: String) throws {
        let data = try Data(contentsOf: LayoutFixture.root.appendingPathComponent("assets/themes/\(name).json"))
        let theme = try Theme.decode(data)
        let colors = theme.colors
        // Every pair the layouts draw: body text needs 7:1 (AAA), large text 4.5:1. Large is
        // bold at the minimum size or more (2.6% of the short side: 18.7 px at 720p, WCAG's
        // 14 pt bold). The room sign writes notes in the accent colour at regular weight (23 px
        // at 720p: body text); the lobby draws its rows on the panel colour, accents in bold.
        for surface in [colors.background, colors.panel] {
            #expect(colors.text.contrast(with: surface) >= 7)
            #expect(colors.muted.contrast(with: surface) >= 7)
            #expect(colors.pause.contrast(with: surface) >= 4.5)
        }
        #expect(colors.accent.contrast(with: colors.background) >= 7)
        #expect(colors.accent.contrast(with: colors.panel) >= 4.5)
        #expect(colors.cancelled.contrast(with: colors.background) >= 7)
        #expect(colors.bannerText.contrast(with: colors.bannerBackground) >= 7)
        // The live state: a late session's line (bold) on the background and on lobby rows, the
        // full room's band and the emergency screen.
        #expect(colors.late.contrast(with: colors.background) >= 7)
        #expect(colors.late.contrast(with: colors.panel) >= 4.5)
        #expect(colors.alertText.contrast(with: colors.alertBackground) >= 7)
        #expect(colors.text.contrast(with: colors.panel) >= 7, "closed and filling bands")
        if name == "dark" { #expect(theme == Theme.dark) }
    }
}

@Suite struct TrackColorTests {
    @Test func stableReadableColoursPerTrack() {
        let dark = Theme.dark.colors.background
        #expect(TrackColor.color(for: "CCC", on: dark) == TrackColor.color(for: "ccc", on: dark))
        let colours = Set(["CCC", "Hardware & Making", "Ethics", "Science", "Art & Culture", "Security"].map { TrackColor.color(for: $0, on: dark) })
        #expect(colours.count >= 4)
        for hex in TrackColor.darkPalette { #expect(Color(hex: hex)!.contrast(with: dark) >= 7) }
        let light = Color(hex: "#FAFAF7")!
        for hex in TrackColor.lightPalette { #expect(Color(hex: hex)!.contrast(with: light) >= 4.5) }
    }
}

@Suite struct TextFitterTests {
    let fitter = TextFitter(measurer: FixedMeasurer())

    @Test func wrapsOnWordsAndEllipsizesTheLastLine() {
        let lines = fitter.lines("ett två tre fyra fem sex sju åtta nio tio", weight: .regular, size: 10, width: 60, maxLines: 2)
        #expect(lines.count == 2)
        #expect(lines[1].hasSuffix("…"))
        for line in lines { #expect(FixedMeasurer().width(of: line, weight: .regular, size: 10) <= 60) }
    }

    @Test func breaksWordsLongerThanALine() {
        let lines = fitter.lines("Donaudampfschiffahrtsgesellschaftskapitän", weight: .regular, size: 10, width: 56, maxLines: 5)
        #expect(lines.count > 1)
        // Never broken without a hyphen shown.
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("-") })
        #expect(lines.map { $0.hasSuffix("-") ? String($0.dropLast()) : $0 }.joined() == "Donaudampfschiffahrtsgesellschaftskapitän")
    }

    @Test func fitsWhatFits() {
        #expect(fitter.lines("Kaffe", weight: .bold, size: 10, width: 100, maxLines: 1) == ["Kaffe"])
        #expect(fitter.lines("", weight: .bold, size: 10, width: 100, maxLines: 1).isEmpty)
        #expect(fitter.lines("x", weight: .bold, size: 10, width: 0, maxLines: 1).isEmpty)
    }
}
