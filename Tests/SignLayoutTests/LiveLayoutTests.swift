import Foundation
import ScheduleCore
import SkyltTestSupport
import Testing
@testable import SignLayout

/// What the live state looks like on a sign, without SDL: the words, where they are, their colours.
@Suite struct LiveLayoutTests {
    static let at = "2021-09-14T10:40+02:00"

    static func program(_ live: LiveState) throws -> Program {
        try LayoutFixture.program("nordic-devdays-multi-room.json").applying(live)
    }

    static let busy = LiveState(
        rooms: ["hall-a": RoomLive(delayMinutes: 10, delaySince: TestInstant.absolute("2021-09-14T10:25+02:00"), state: .full,
                                   note: "Overflow seating in Hall B"),
                "hall-b": RoomLive(state: .filling), "workshop": RoomLive(state: .closed)],
        alert: LiveAlert(text: "Lunch is served from 11:45 in the foyer", level: .info))

    static func texts(_ list: DisplayList) -> [String] { list.texts.map(\.text) }
    /// Every text in drawing order as one string (wrapped lines joined), to find phrases in.
    static func joined(_ list: DisplayList) -> String { list.texts.map(\.text).joined(separator: " ") }

    @Test func aFullRoomsDoorSaysSoAndSuggestsRoomsWithSpace() throws {
        let program = try Self.program(Self.busy)
        for (width, height) in LayoutFixture.sizes {
            let list = LayoutFixture.layout(program, at: Self.at, mode: .room("hall-a"), width: width, height: height)
            SignLayoutTests().checkGeometry(list, "full hall-a at \(width)x\(height)")
            let texts = Self.texts(list)
            #expect(texts.contains("FULL — NO ENTRY"), "\(width)x\(height): \(texts)")
            #expect(texts.contains("Overflow seating in Hall B"))
            #expect(Self.joined(list).contains("Also on now: Hall B — Time zones are hard"), "\(texts)")
            // The band: across the whole width in the alert colour, its words in the alert text colour.
            let band = try #require(list.items.compactMap { item -> Rect? in
                if case .box(let rect, let color) = item, color == Theme.dark.colors.alertBackground { return rect }
                return nil
            }.first)
            #expect(band.width >= width * 9 / 10)
            let headline = try #require(list.texts.first { $0.text == "FULL — NO ENTRY" })
            #expect(headline.color == Theme.dark.colors.alertText)
            #expect(band.contains(headline.frame))
            #expect(headline.size >= Int(Theme.dark.sizes.title * Double(min(width, height))) - 1, "as large as a title")
        }
    }

    @Test func aLateSessionShowsItsNewTimesAndWhatWasPlanned() throws {
        let program = try Self.program(Self.busy)
        let list = LayoutFixture.layout(program, at: Self.at, mode: .room("hall-a"), width: 1920, height: 1080)
        let texts = Self.texts(list)
        #expect(texts.contains("ends in 45 min"), "\(texts)")
        #expect(texts.contains("10:40–11:25"))
        // How late beside the label (never pushed off), what was planned under the countdown where it fits.
        let late = try #require(list.texts.first { $0.text == "RUNNING 10 MIN LATE" }, "\(texts)")
        #expect(late.color == Theme.dark.colors.late)
        let label = try #require(list.texts.first { $0.text == "NOW" })
        #expect(late.frame.y == label.frame.y && late.frame.x > label.frame.maxX)
        let roomy = LayoutFixture.layout(program.applying(LiveState(rooms: ["hall-a": Self.busy.room("hall-a")].mapValues { var r = $0; r.state = .open; r.note = nil; return r })),
                                         at: Self.at, mode: .room("hall-a"), width: 1920, height: 1080)
        #expect(Self.joined(roomy).contains("Planned 10:30–11:15"), "\(Self.texts(roomy))")
        // Swedish wording.
        let swedish = try LayoutFixture.program("spridningskonferens-2020.json")
            .applying(LiveState(rooms: ["main": RoomLive(delayMinutes: 15, delaySince: TestInstant.absolute("2020-02-06T09:58+01:00"))]))
        let gap = Self.texts(LayoutFixture.layout(swedish, at: "2020-02-06T10:05+01:00", mode: .room("main"), width: 1920, height: 1080))
        #expect(gap.contains("10:15 · börjar om 10 min"), "\(gap)")
        #expect(gap.contains("FÖRSENAD 15 MIN"), "\(gap)")
    }

    @Test func theLobbyMarksEveryRoomsStateAndLateness() throws {
        let program = try Self.program(Self.busy)
        for (width, height) in LayoutFixture.sizes {
            let list = LayoutFixture.layout(program, at: Self.at, mode: .lobby, width: width, height: height)
            SignLayoutTests().checkGeometry(list, "lobby at \(width)x\(height)")
            let texts = Self.texts(list)
            #expect(texts.contains("FULL") && texts.contains("Almost full") && texts.contains("Closed"), "\(width)x\(height): \(texts)")
            #expect(texts.contains("· 10 min late"), "\(texts)")
            #expect(texts.contains { $0.hasPrefix("Lunch is served from 11:45") }, "the info alert is a banner")
            let full = try #require(list.texts.first { $0.text == "FULL" })
            #expect(full.color == Theme.dark.colors.alertText)
        }
    }

    @Test func fillingAndClosedAreCalmBands() throws {
        let program = try Self.program(Self.busy)
        let filling = LayoutFixture.layout(program, at: Self.at, mode: .room("hall-b"), width: 1280, height: 720)
        SignLayoutTests().checkGeometry(filling, "filling")
        #expect(Self.texts(filling).contains("Almost full — few seats left"))
        #expect(!filling.items.contains { if case .box(_, let color) = $0 { color == Theme.dark.colors.alertBackground } else { false } })
        let closed = LayoutFixture.layout(program, at: Self.at, mode: .room("workshop"), width: 1080, height: 1920)
        SignLayoutTests().checkGeometry(closed, "closed")
        #expect(Self.joined(closed).contains("This room is closed"))
        #expect(Self.joined(closed).contains("Workshop: fuzzing your parsers"), "the program is still there")
    }

    @Test func anEmergencyIsTheWholeScreenAndNothingElse() throws {
        let alert = LiveAlert(text: "Utrym byggnaden nu. Gå lugnt till närmaste utgång.", level: .emergency)
        let layout = SignLayout(theme: .dark, measurer: FixedMeasurer())
        for (width, height) in LayoutFixture.sizes {
            let list = layout.emergency(alert, direction: "Nödutgång: trappan till vänster", width: width, height: height)
            SignLayoutTests().checkGeometry(list, "emergency at \(width)x\(height)")
            #expect(list.background == Theme.dark.colors.alertBackground)
            // The direction is under the divider; the message above it.
            let divider = try #require(list.items.compactMap { item -> Rect? in
                if case .box(let rect, _) = item { return rect }
                return nil
            }.first)
            let lines = list.texts.filter { $0.frame.y < divider.y }
            let direction = list.texts.filter { $0.frame.y > divider.y }
            // Every word whole, in order, nothing cut off: the lines joined are the message.
            #expect(lines.map(\.text).joined(separator: " ") == alert.text, "\(width)x\(height): \(lines.map(\.text))")
            #expect(direction.map(\.text).joined(separator: " ") == "Nödutgång: trappan till vänster")
            #expect(list.texts.allSatisfy { $0.color == Theme.dark.colors.alertText })
            #expect(lines.allSatisfy { $0.size >= Int(0.075 * Double(min(width, height))) }, "huge: \(lines.map(\.size))")
        }
        // A long message still fits whole, smaller.
        let long = LiveAlert(text: String(repeating: "Följ personalens anvisningar och lämna byggnaden. ", count: 7), level: .emergency)
        let list = layout.emergency(long, direction: nil, width: 1280, height: 720)
        SignLayoutTests().checkGeometry(list, "long emergency")
        #expect(!list.texts.contains { $0.text.hasSuffix("…") })
    }
}

@Suite struct DeclaredTrackColorTests {
    /// The conference's own colours, made readable on each theme's background, hue kept.
    @Test(arguments: ["#E40429", "#000000", "#FFFF00", "#1E90FF", "#FFFFFF", "#7F7F7F"])
    func everyDeclaredColourBecomesReadable(_ hex: String) throws {
        for background in [Theme.dark.colors.background, Color(hex: "#FAFAF7")!] {
            let color = TrackColor.color(for: "Any", declared: hex, on: background)
            #expect(color.contrast(with: background) >= TrackColor.minimumContrast, "\(hex) on \(background)")
        }
        // Readable already: used as it is.
        #expect(TrackColor.color(for: "Any", declared: "#FFD180", on: Theme.dark.colors.background) == Color(hex: "#FFD180"))
        // A red stays a red.
        let red = TrackColor.color(for: "Any", declared: "#E40429", on: Theme.dark.colors.background)
        #expect(red.red > red.green && red.red > red.blue)
    }

    @Test func theRoomSignAndTheLobbyUseTheConferencesColour() throws {
        let text = """
        {"skylt": 1, "event": {"name": "C", "timezone": "Europe/Stockholm", "locale": "en-GB"},
         "rooms": [{"id": "a"}, {"id": "b"}], "tracks": [{"name": "Ethics", "color": "#FFD180"}],
         "sessions": [{"id": "s1", "room": "a", "title": "On ethics", "track": "Ethics", "start": "2020-02-06T09:00", "end": "2020-02-06T10:00"},
                      {"id": "s2", "room": "b", "title": "Other", "track": "Other", "start": "2020-02-06T09:00", "end": "2020-02-06T10:00"}]}
        """
        let program = try LayoutFixture.program(text: text)
        let sign = LayoutFixture.layout(program, at: "2020-02-06T09:30+01:00", mode: .room("a"), width: 1920, height: 1080)
        #expect(sign.texts.first { $0.text == "Ethics" }?.color == Color(hex: "#FFD180"))
        let lobby = LayoutFixture.layout(program, at: "2020-02-06T09:30+01:00", mode: .lobby, width: 1920, height: 1080)
        #expect(lobby.items.contains { if case .box(_, let color) = $0 { color == Color(hex: "#FFD180") } else { false } })
        // A track the feed gives no colour keeps its made-up one.
        #expect(lobby.items.contains { if case .box(_, let color) = $0 { color == TrackColor.color(for: "Other", on: Theme.dark.colors.background) } else { false } })
    }
}

/// A bilingual session is tagged with both its languages, whatever the feed's.
@Suite struct LanguageTagLayoutTests {
    @Test func aBilingualSessionShowsBothLanguages() throws {
        let program = try LayoutFixture.program(text: """
            {"skylt": 1, "event": {"name": "E", "timezone": "Europe/Berlin", "locale": "de-DE"},
             "sessions": [{"id": "a", "title": "Farben und Formen", "start": "2020-02-06T09:00", "end": "2020-02-06T10:00", "language": "de, en"},
                          {"id": "b", "title": "Nur Deutsch", "start": "2020-02-06T10:00", "end": "2020-02-06T11:00", "language": "de"}]}
            """)
        let list = LayoutFixture.layout(program, at: "2020-02-06T09:30+01:00", mode: .room("main"), width: 1920, height: 1080)
        let texts = list.texts.map(\.text)
        #expect(texts.contains("DE · EN"), "\(texts)")
        #expect(!texts.contains("DE"), "a German session at a German event is not tagged")
    }
}
