import CSDL2
import CSDL2Image
import Foundation
import SkyltTestSupport
import Hyphenation
import Kiosk
import ScheduleCore
import SignLayout
import Testing
@testable import SignRaster

/// Real SDL rendering, headless. SDL and SDL_ttf are process-wide state: every test that
/// touches them is in this one serialized suite.
@Suite(.serialized) struct GoldenFrameTests {
    static let root = TestRepository.root
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    /// `SKYLT_RECORD_GOLDENS=1 swift test --filter GoldenFrameTests` rewrites the goldens on purpose.
    static let recording = ProcessInfo.processInfo.environment["SKYLT_RECORD_GOLDENS"] == "1"

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let feed: String
        let at: String
        let mode: SignMode
        var theme = "dark"
        var size = (1920, 1080)
        /// The technician's live file laid over the feed, if any (the frame is then the kiosk step's).
        var live: String?
        init(name: String, feed: String, at: String, mode: SignMode, theme: String = "dark", size: (Int, Int) = (1920, 1080), live: String? = nil) {
            self.name = name
            self.feed = feed
            self.at = at
            self.mode = mode
            self.theme = theme
            self.size = size
            self.live = live
        }
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        var cases: [Case] = []
        for (width, height) in [(1920, 1080), (1080, 1920)] {
            let suffix = "-\(width)x\(height)"
            cases += [
                Case(name: "talk" + suffix, feed: "spridningskonferens-2020.json", at: "2020-02-06T10:20+01:00", mode: .room("main")),
                Case(name: "lunch" + suffix, feed: "spridningskonferens-2020.json", at: "2020-02-06T12:05+01:00", mode: .room("main")),
                Case(name: "before" + suffix, feed: "spridningskonferens-2020.json", at: "2020-02-06T07:40+01:00", mode: .room("main")),
                Case(name: "gap" + suffix, feed: "spridningskonferens-2020.json", at: "2020-02-06T11:20+01:00", mode: .room("main")),
                Case(name: "last-minute" + suffix, feed: "spridningskonferens-2020.json", at: "2020-02-06T15:59:30+01:00", mode: .room("main")),
                Case(name: "day-over" + suffix, feed: "fjallforum-multi-day.json", at: "2022-03-10T17:00+01:00", mode: .room("storsalen")),
                Case(name: "event-over" + suffix, feed: "spridningskonferens-2020.json", at: "2020-02-06T17:00+01:00", mode: .room("main")),
                Case(name: "notice-cancelled" + suffix, feed: "nordic-devdays-multi-room.json", at: "2021-09-14T10:40+02:00", mode: .room("hall-b")),
                Case(name: "lobby" + suffix, feed: "nordic-devdays-multi-room.json", at: "2021-09-14T10:40+02:00", mode: .lobby),
            ].map { var c = $0; c.size = (width, height); return c }
        }
        // Real exports written by others (../shared beside CI's clone; skipped where absent).
        cases.append(Case(name: "real-camp2019-lobby-1920x1080", feed: "real:camp2019-frab-two-stages.schedule.json", at: "2019-08-22T14:10+02:00", mode: .lobby))
        cases.append(Case(name: "real-camp2019-curie-1080x1920", feed: "real:camp2019-frab-two-stages.schedule.json", at: "2019-08-22T14:10+02:00",
                          mode: .room("Curie"), size: (1080, 1920)))
        cases.append(Case(name: "real-36c3-lobby-1920x1080", feed: "real:36c3-everything.schedule.json", at: "2019-12-28T14:10+01:00", mode: .lobby))
        cases.append(Case(name: "real-36c3-lobby-1080x1920", feed: "real:36c3-everything.schedule.json", at: "2019-12-28T14:10+01:00", mode: .lobby,
                          size: (1080, 1920)))
        cases.append(Case(name: "light-1920x1080", feed: "nordic-devdays-multi-room.json", at: "2021-09-14T10:20+02:00", mode: .room("hall-a"), theme: "light"))
        // Live operations: a full room with a delay and an info alert, a late room (Swedish), the
        // lobby with every state, an emergency; landscape and portrait, and the light theme.
        for (width, height) in [(1920, 1080), (1080, 1920)] {
            let suffix = "-\(width)x\(height)"
            cases += [
                Case(name: "live-full" + suffix, feed: "nordic-devdays-multi-room.json", at: "2021-09-14T10:40+02:00", mode: .room("hall-a"),
                     size: (width, height), live: busyLive),
                Case(name: "live-delay" + suffix, feed: "spridningskonferens-2020.json", at: "2020-02-06T10:05+01:00", mode: .room("main"),
                     size: (width, height), live: #"{"skylt_live": 1, "rooms": {"main": {"delay_minutes": 15, "delay_since": "2020-02-06T09:58"}}}"#),
                Case(name: "live-filling" + suffix, feed: "nordic-devdays-multi-room.json", at: "2021-09-14T10:40+02:00", mode: .room("hall-b"),
                     size: (width, height), live: busyLive),
                Case(name: "live-closed" + suffix, feed: "nordic-devdays-multi-room.json", at: "2021-09-14T10:40+02:00", mode: .room("workshop"),
                     size: (width, height), live: busyLive),
                Case(name: "live-lobby" + suffix, feed: "nordic-devdays-multi-room.json", at: "2021-09-14T10:40+02:00", mode: .lobby,
                     size: (width, height), live: busyLive),
                Case(name: "live-emergency" + suffix, feed: "spridningskonferens-2020.json", at: "2020-02-06T10:20+01:00", mode: .room("main"),
                     size: (width, height), live: #"{"skylt_live": 1, "alert": {"text": "Utrym byggnaden nu. Gå lugnt till närmaste utgång.", "level": "emergency"}}"#),
            ]
        }
        // Big events (schedule.xml): a portrait door sign with a hyphenated Swedish title, an English
        // talk's tag and a QR code; German hyphenation at 720p in the light theme; the lobby.
        cases.append(Case(name: "xml-room-1080x1920", feed: "fjallhack-2026.schedule.xml", at: "2026-03-12T09:50+01:00", mode: .room("Storsalen"),
                          size: (1080, 1920)))
        cases.append(Case(name: "xml-room-light-1280x720", feed: "fjallhack-2026.schedule.xml", at: "2026-03-12T09:50+01:00", mode: .room("Hörsal 2"),
                          theme: "light", size: (1280, 720)))
        cases.append(Case(name: "xml-lobby-1920x1080", feed: "fjallhack-2026.schedule.xml", at: "2026-03-12T09:50+01:00", mode: .lobby))
        cases.append(Case(name: "live-full-light-1920x1080", feed: "nordic-devdays-multi-room.json", at: "2021-09-14T10:40+02:00", mode: .room("hall-a"),
                          theme: "light", live: busyLive))
        return cases
    }()

    /// Hall A full and ten minutes late, Hall B filling, the workshop closed, an info alert.
    static let busyLive = """
    {"skylt_live": 1,
     "rooms": {"hall-a": {"delay_minutes": 10, "delay_since": "2021-09-14T10:25", "state": "full", "note": "Overflow seating in Hall B"},
               "hall-b": {"state": "filling"}, "workshop": {"state": "closed"}},
     "alert": {"text": "Lunch is served from 11:45 in the foyer", "level": "info"}}
    """

    /// The product's hyphenation (Debian's dictionaries), loaded once for all cases.
    static let hyphenator = LibHyphenator()

    /// The screen an emergency hangs beside says where to go from there.
    static let direction = "Nödutgång: trappan till vänster"

    static func feedURL(_ feed: String) -> URL {
        feed.hasPrefix("real:")
            ? root.deletingLastPathComponent().appendingPathComponent("shared/feeds/real/" + feed.dropFirst(5))
            : root.appendingPathComponent("assets/feeds/" + feed)
    }

    static func program(_ feed: String) throws -> Program {
        let bytes = [UInt8](try Data(contentsOf: feedURL(feed)))
        return try #require(FeedReader.read(bytes).program)
    }

    static func theme(_ name: String) throws -> Theme {
        try Theme.decode(try Data(contentsOf: root.appendingPathComponent("assets/themes/\(name).json")))
    }

    static func instant(_ text: String) -> Date {
        guard case .success(let parsed) = DateTimeText.parse(text), let date = parsed.absoluteDate else { fatalError(text) }
        return date
    }

    @Test(arguments: cases)
    func frameMatchesGolden(_ testCase: Case) throws {
        guard FileManager.default.fileExists(atPath: Self.feedURL(testCase.feed).path) else {
            print("skipped: \(testCase.name): \(Self.feedURL(testCase.feed).path) is absent (../shared is beside CI's clone)")
            return
        }
        let library = try SDLLibrary(video: false)
        try withExtendedLifetime(library) {
            let theme = try Self.theme(testCase.theme)
            let fonts = try FontBook(theme: theme, library: library)
            let (width, height) = testCase.size
            let canvas = try SoftwareCanvas(width: width, height: height, fonts: fonts)
            let layout = SignLayout(theme: theme, measurer: fonts, hyphenator: Self.hyphenator)
            if let live = testCase.live {
                let planned = try Self.program(testCase.feed)
                let state = try #require(LiveReader.read(Array(live.utf8), program: planned).state)
                let step = KioskStep(layout: layout, mode: testCase.mode, direction: Self.direction)
                canvas.draw(step.frame(program: planned.applying(state), live: state, status: KioskStatus(source: "feed"), at: Self.instant(testCase.at),
                                       clockEvidence: nil, size: Size(width: width, height: height)).list)
            } else {
                let board = Board(program: try Self.program(testCase.feed), at: Self.instant(testCase.at))
                canvas.draw(layout.layout(board, mode: testCase.mode, width: width, height: height))
            }
            let golden = Self.goldens.appendingPathComponent(testCase.name + ".png")
            if Self.recording || !FileManager.default.fileExists(atPath: golden.path) && ProcessInfo.processInfo.environment["CI"] == nil {
                try FrameFile.write(canvas, rotation: .none, to: golden.path)
                print("recorded \(golden.lastPathComponent)")
                return
            }
            let difference = try PixelDifference(canvas: canvas, png: golden.path)
            // Font rasterisers may differ by ±1–2 on edge pixels; anything more is a real change.
            #expect(difference.maxChannel <= 48 && difference.differingFraction < 0.002,
                    "\(testCase.name): \(difference.differingPixels) pixels differ (max channel \(difference.maxChannel)); to accept on purpose: SKYLT_RECORD_GOLDENS=1")
        }
    }

    /// The QR code on a room sign is read back by a real decoder (zbarimg, as a phone would)
    /// from the rendered frame, at every size and in both themes.
    @Test(arguments: [(1920, 1080, "dark"), (1080, 1920, "dark"), (1280, 720, "light"), (720, 1280, "light")])
    func qrCodeScansBackToTheSessionsPage(_ size: (Int, Int, String)) throws {
        guard let zbarimg = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record("zbarimg is missing; .ci/setup installs zbar-tools") }
            print("skipped: zbarimg is not installed (bash .ci/setup installs zbar-tools)")
            return
        }
        let library = try SDLLibrary(video: false)
        try withExtendedLifetime(library) {
            let theme = try Self.theme(size.2)
            let fonts = try FontBook(theme: theme, library: library)
            let canvas = try SoftwareCanvas(width: size.0, height: size.1, fonts: fonts)
            let program = try Self.program("fjallhack-2026.schedule.xml")
            let board = Board(program: program, at: Self.instant("2026-03-12T09:50+01:00"))
            canvas.draw(SignLayout(theme: theme, measurer: fonts, hyphenator: Self.hyphenator).layout(board, mode: .room("Hörsal 2"), width: size.0, height: size.1))
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("skylt-qr-\(size.0)x\(size.1).png").path
            defer { try? FileManager.default.removeItem(atPath: file) }
            try FrameFile.write(canvas, rotation: .none, to: file)
            let text = try Self.qrText(file, zbarimg: zbarimg)
            #expect(text == "https://fjallhack.example.se/2026/talk/107", "\(size): \(text)")
        }
    }

    /// A page address beyond ASCII is carried in ASCII (percent-encoded UTF-8, which browsers
    /// read back): a QR code has no reliable way to say its bytes are UTF-8 (zbar took them for Shift-JIS).
    @Test func aNonASCIIPageIsCarriedInASCII() throws {
        guard let zbarimg = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record("zbarimg is missing; .ci/setup installs zbar-tools") }
            print("skipped: zbarimg is not installed (bash .ci/setup installs zbar-tools)")
            return
        }
        let feed = #"{"skylt": 1, "event": {"name": "E", "timezone": "Europe/Stockholm"}, "sessions": [{"id": "a", "title": "Föredrag", "start": "2020-02-06T09:00", "end": "2020-02-06T10:00", "url": "https://åre.example/föredrag/ärligt"}]}"#
        let program = try #require(FeedReader.read(Array(feed.utf8)).program)
        let library = try SDLLibrary(video: false)
        try withExtendedLifetime(library) {
            let fonts = try FontBook(theme: .dark, library: library)
            let canvas = try SoftwareCanvas(width: 1920, height: 1080, fonts: fonts)
            let board = Board(program: program, at: Self.instant("2020-02-06T09:30+01:00"))
            canvas.draw(SignLayout(theme: .dark, measurer: fonts).layout(board, mode: .room("main"), width: 1920, height: 1080))
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("skylt-qr-ascii.png").path
            defer { try? FileManager.default.removeItem(atPath: file) }
            try FrameFile.write(canvas, rotation: .none, to: file)
            #expect(try Self.qrText(file, zbarimg: zbarimg) == "https://%C3%A5re.example/f%C3%B6redrag/%C3%A4rligt")
        }
    }

    /// What zbarimg reads from the QR code in a PNG.
    static func qrText(_ file: String, zbarimg: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbarimg)
        process.arguments = ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", file]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func partialRedrawEqualsFullRedraw() throws {
        let library = try SDLLibrary(video: false)
        try withExtendedLifetime(library) {
            let fonts = try FontBook(theme: .dark, library: library)
            let layout = SignLayout(theme: .dark, measurer: fonts)
            let program = try Self.program("spridningskonferens-2020.json")
            let t = Self.instant("2020-02-06T15:59:20+01:00")
            let first = layout.layout(Board(program: program, at: t), mode: .room("main"), width: 1280, height: 720)
            let second = layout.layout(Board(program: program, at: t.addingTimeInterval(1)), mode: .room("main"), width: 1280, height: 720)
            let incremental = try SoftwareCanvas(width: 1280, height: 720, fonts: fonts)
            incremental.draw(first)
            let rasterisedBefore = incremental.rasterisedTexts
            let dirty = try #require(second.dirtyRegion(since: first))
            incremental.draw(second, in: dirty)
            #expect(incremental.rasterisedTexts - rasterisedBefore <= 2, "only the changed countdown is rasterised again")
            let full = try SoftwareCanvas(width: 1280, height: 720, fonts: fonts)
            full.draw(second)
            #expect(try PixelDifference(incremental, full).differingPixels == 0)
        }
    }

    @Test func rotationTurnsTheFrameClockwise() throws {
        let library = try SDLLibrary(video: false)
        try withExtendedLifetime(library) {
            let fonts = try FontBook(theme: .dark, library: library)
            let canvas = try SoftwareCanvas(width: 300, height: 200, fonts: fonts)
            var list = DisplayList(width: 300, height: 200, background: Color(red: 0, green: 0, blue: 0))
            list.items = [.box(Rect(x: 0, y: 0, width: 30, height: 20), Color(red: 255, green: 0, blue: 0))]
            canvas.draw(list)
            let turned = try FrameFile.rotate(canvas, .quarter)
            #expect(turned.width == 200 && turned.height == 300)
            // The top-left corner of the picture is at the top-right of a panel turned 90° clockwise.
            #expect(PixelDifference.pixel(turned, x: 195, y: 5).red == 255)
            #expect(PixelDifference.pixel(turned, x: 5, y: 5).red == 0)
        }
    }

    @Test func missingGlyphsAndOtherScriptsDoNotCrash() throws {
        let library = try SDLLibrary(video: false)
        try withExtendedLifetime(library) {
            let fonts = try FontBook(theme: .dark, library: library)
            let canvas = try SoftwareCanvas(width: 640, height: 360, fonts: fonts)
            let texts = ["🎉 Fest", "会议 中文", "مؤتمر", "Конференция", "\u{0}", "e\u{301}\u{301}\u{301}"]
            var list = DisplayList(width: 640, height: 360, background: Theme.dark.colors.background)
            for (index, text) in texts.enumerated() {
                let width = fonts.width(of: text, weight: .regular, size: 24)
                #expect(width >= 0)
                list.items.append(.text(TextRun(text: text, weight: .regular, size: 24, color: Theme.dark.colors.text,
                                                frame: Rect(x: 10, y: 10 + index * 40, width: width, height: 30))))
            }
            canvas.draw(list)
            #expect(canvas.cachedTexts >= 4)
        }
    }
}
