import DisplayContract
import Clocks
import Foundation
import Kiosk
import ScheduleCore
import SignLayout
import SkyltTestSupport
import Testing

/// The live state on the kiosk's screens: emergencies over everything, the corner mark for a
/// rejected live edit, and screens that page in step.
@Suite struct LiveKioskTests {
    static let stockholm = TimeZone(identifier: "Europe/Stockholm")!
    static func at(_ text: String) -> Date { TestInstant.local(text, in: stockholm) }

    static func emergency(until: Date? = nil) -> LiveState {
        LiveState(alert: LiveAlert(text: "Utrym byggnaden", level: .emergency, until: until))
    }

    static func step(schedule: ScreenSchedule = ScreenSchedule(), mode: SignMode? = nil) -> KioskStep {
        KioskStep(layout: SignLayout(theme: .dark, measurer: FixedMeasurer()), mode: mode, schedule: schedule,
                  direction: "Nödutgång: trappan till vänster")
    }

    @Test func anEmergencyTakesTheScreenWhateverItsHoursAndEndsOnTime() throws {
        let planned = try KioskStepTests.program("spridningskonferens-2020.json")
        let end = Self.at("2020-02-06T21:30")
        let program = planned.applying(Self.emergency(until: end))
        // Outside its hours (on 08:00–18:00) the screen is dark, but not for an emergency.
        let step = Self.step(schedule: ScreenSchedule(onMinute: 8 * 60, offMinute: 18 * 60))
        let frame = step.frame(program: program, live: liveOf(program), status: KioskStatus(source: "f"), at: Self.at("2020-02-06T21:00"), clockEvidence: nil,
                               size: KioskStepTests.size)
        #expect(frame.screen == .emergency)
        #expect(frame.list.background == Theme.dark.colors.alertBackground)
        #expect(frame.list.texts.map(\.text).joined(separator: " ") == "Utrym byggnaden Nödutgång: trappan till vänster")
        #expect(frame.wake == end, "it is looked at again when it ends")
        let after = step.frame(program: program, live: liveOf(program), status: KioskStatus(source: "f"), at: end, clockEvidence: nil, size: KioskStepTests.size)
        #expect(after.screen == .blank)
        // An info alert is a banner on the board, not a takeover.
        let info = planned.applying(LiveState(alert: LiveAlert(text: "Kaffet står framme", level: .info)))
        let board = Self.step().frame(program: info, live: liveOf(info), status: KioskStatus(source: "f"), at: Self.at("2020-02-06T10:20"), clockEvidence: nil,
                                      size: KioskStepTests.size)
        #expect(board.screen == .board(.room("main")))
        #expect(board.list.texts.contains { $0.text.hasPrefix("Kaffet står framme") })
    }

    @Test func anEmergencyWithoutAnEndNeedsNoClock() throws {
        let planned = try KioskStepTests.program("spridningskonferens-2020.json")
        let unset = ClockEvidence(secondsSinceBoot: 5, epoch: nil, synchronized: false)
        let boot = TestInstant.absolute("2000-01-01T00:00:05Z")
        let open = Self.step().frame(program: planned.applying(Self.emergency()), live: liveOf(planned.applying(Self.emergency())), status: KioskStatus(source: "f"), at: boot,
                                     clockEvidence: unset, size: KioskStepTests.size)
        #expect(open.screen == .emergency)
        #expect(open.wake <= boot.addingTimeInterval(1))
        // One that ends cannot be judged without a clock: the screen waits for the clock.
        let endingState = Self.emergency(until: Self.at("2020-02-06T11:00"))
        let ending = Self.step().frame(program: planned.applying(endingState), live: endingState, status: KioskStatus(source: "f"),
                                       at: boot, clockEvidence: unset, size: KioskStepTests.size)
        #expect(ending.screen == .waitingForClock)
    }

    @Test func aRejectedLiveEditPutsTheCornerMarkOnScreen() throws {
        let program = try KioskStepTests.program("spridningskonferens-2020.json")
        var status = KioskStatus(source: "f")
        var live = LiveStatus(source: "live.json")
        live.rejectedErrors = ["live.json:1:2: error: …"]
        status.live = live
        let frame = Self.step().frame(program: program, live: liveOf(program), status: status, at: Self.at("2020-02-06T10:20"), clockEvidence: nil, size: KioskStepTests.size)
        #expect(frame.statusMark == "Senaste ändringen är inte publicerad")
    }

    @Test func theLoopShowsALiveEditAtItsNextTurnAndLightsADarkScreen() async throws {
        let rig = try KioskDriverTests.rig()
        let store = rig.store
        let live = LiveStore(source: .file("live.json"), cache: nil, logger: KioskFixture.logger,
                             onChange: { store.status.setLiveStatus($0) })
        let step = Self.step(schedule: ScreenSchedule(onMinute: 8 * 60, offMinute: 18 * 60))
        let wallClock = SettableWallClock(Self.at("2020-02-06T19:00"), isSystemClock: false)
        let driver = KioskDriver(step: step, store: rig.store, display: rig.display, wallClock: wallClock, clock: rig.clock, signal: rig.signal, live: live)
        _ = try driver.turn()
        #expect(driver.lastFrame?.screen == .blank)
        #expect(rig.display.power == [false])
        live.offer(Array(#"{"skylt_live": 1, "alert": {"text": "Utrym byggnaden", "level": "emergency"}}"#.utf8), at: wallClock.now(), origin: "live.json")
        _ = try driver.turn()
        #expect(driver.lastFrame?.screen == .emergency)
        #expect(rig.display.power == [false, true], "the panel is woken for it")
        #expect(rig.display.shown.last?.list.background == Theme.dark.colors.alertBackground)
        live.offer(Array(#"{"skylt_live": 1}"#.utf8), at: wallClock.now(), origin: "live.json")
        _ = try driver.turn()
        #expect(driver.lastFrame?.screen == .blank)
    }

    @Test func anAlertNeedsNoProgram() throws {
        // No program at all (a first boot with the feed unreachable and no saved copy).
        let emergency = LiveState(alert: LiveAlert(text: "Utrym byggnaden", level: .emergency))
        let frame = Self.step().frame(program: nil, live: emergency, status: KioskStatus(source: "f"), at: Self.at("2020-02-06T10:00"),
                                      clockEvidence: nil, size: KioskStepTests.size)
        #expect(frame.screen == .emergency)
        #expect(frame.list.texts.map(\.text).joined(separator: " ") == "Utrym byggnaden Nödutgång: trappan till vänster")
        // An info alert is the message of the waiting screen, with what it waits for in the corner.
        let info = LiveState(alert: LiveAlert(text: "Kaffet står framme", level: .info, until: Self.at("2020-02-06T10:30")))
        let waiting = Self.step().frame(program: nil, live: info, status: KioskStatus(source: "f"), at: Self.at("2020-02-06T10:00"),
                                        clockEvidence: nil, size: KioskStepTests.size)
        #expect(waiting.screen == .waitingForProgram)
        #expect(waiting.list.texts.contains { $0.text.hasPrefix("Kaffet står framme") })
        #expect(waiting.list.texts.contains { $0.text == "● Väntar på programmet…" })
        #expect(waiting.wake <= Self.at("2020-02-06T10:30"), "looked at again by when it ends")
        let ended = Self.step().frame(program: nil, live: info, status: KioskStatus(source: "f"), at: Self.at("2020-02-06T10:30"),
                                      clockEvidence: nil, size: KioskStepTests.size)
        #expect(!ended.list.texts.contains { $0.text.hasPrefix("Kaffet") })
        // Before the clock is set: an emergency without an end, and an info alert without one.
        let unset = ClockEvidence(secondsSinceBoot: 5, epoch: nil, synchronized: false)
        let boot = TestInstant.absolute("2000-01-01T00:00:05Z")
        #expect(Self.step().frame(program: nil, live: emergency, status: KioskStatus(source: "f"), at: boot, clockEvidence: unset,
                                  size: KioskStepTests.size).screen == .emergency)
        let untimed = LiveState(alert: LiveAlert(text: "Kaffet står framme", level: .info))
        let clockless = Self.step().frame(program: nil, live: untimed, status: KioskStatus(source: "f"), at: boot, clockEvidence: unset,
                                          size: KioskStepTests.size)
        #expect(clockless.screen == .waitingForClock)
        #expect(clockless.list.texts.contains { $0.text.hasPrefix("Kaffet") })
    }

    @Test func theLoopShowsAnEmergencyWithAFeedThatNeverValidated() throws {
        let store = KioskFixture.store(source: .file("feed.json"))
        #expect(store.offer(KioskFixture.invalidFeed, at: Self.at("2020-02-06T10:00"), origin: "feed.json") == .rejected)
        let live = LiveStore(source: .file("live.json"), cache: nil, logger: KioskFixture.logger, onChange: { store.status.setLiveStatus($0) })
        let stale = #"{"skylt_live": 1, "rooms": {"no-such-room": {"state": "full"}}, "alert": {"text": "Utrym byggnaden", "level": "emergency"}}"#
        #expect(live.offer(Array(stale.utf8), at: Self.at("2020-02-06T10:00"), origin: "live.json") == .accepted)
        let display = KioskDriverTests.RecordingDisplay()
        let driver = KioskDriver(step: Self.step(), store: store, display: display, wallClock: SettableWallClock(Self.at("2020-02-06T10:00"), isSystemClock: false),
                                 clock: TestClock<Duration>(), signal: LoopSignal(), live: live)
        _ = try driver.turn()
        #expect(driver.lastFrame?.screen == .emergency)
        #expect(display.shown.last?.list.texts.first?.text == "Utrym byggnaden")
        #expect(store.status.snapshot().live?.inForce.last?.hasPrefix("alert: emergency on every screen") == true)
    }

    @Test func twoScreensShowingOneLobbyFlipPagesAtTheSameInstants() async throws {
        // Forty rooms with something on: more than one page on a 1280×720 lobby, even one line a room.
        let rooms = (1...40).map { #"{"id": "r\#($0)", "name": "Sal \#($0)"}"# }.joined(separator: ",")
        let sessions = (1...40).map { #"{"id": "a\#($0)", "room": "r\#($0)", "title": "Föredrag \#($0)", "start": "2020-02-06T09:00", "end": "2020-02-06T12:00"}"# }
        let feed = #"{"skylt": 1, "event": {"name": "Kongress", "timezone": "Europe/Stockholm"}, "rooms": [\#(rooms)], "sessions": [\#(sessions.joined(separator: ","))]}"#
        let wallClock = SettableWallClock(Self.at("2020-02-06T10:00").addingTimeInterval(0.4), isSystemClock: false)
        func screen() -> (KioskDriver<TestClock<Duration>>, KioskDriverTests.RecordingDisplay) {
            let store = KioskFixture.store(source: .file("feed.json"))
            store.offer(Array(feed.utf8), at: wallClock.now(), origin: "feed.json")
            let display = KioskDriverTests.RecordingDisplay()
            let driver = KioskDriver(step: Self.step(mode: .lobby), store: store, display: display, wallClock: wallClock, clock: TestClock<Duration>(),
                                     signal: LoopSignal())
            return (driver, display)
        }
        func page(_ driver: KioskDriver<TestClock<Duration>>) -> String? {
            driver.lastFrame?.list.texts.first { $0.text.hasPrefix("Sida ") }?.text
        }
        let (first, _) = screen()
        _ = try first.turn()
        wallClock.step(by: 3.7)  // The second screen starts later (booted later, or restarted).
        let (second, _) = screen()
        var generator = SystemRandomNumberGenerator()
        var pages: Set<String> = []
        for _ in 0..<120 {
            let a = try #require(try first.turn())
            let b = try #require(try second.turn())
            #expect(page(first) == page(second), "at \(wallClock.now())")
            #expect(a == b, "both wake for the next page at the same instant")
            pages.insert(page(first) ?? "")
            wallClock.step(by: Double(Int.random(in: 300...2900, using: &generator)) / 1000)
        }
        #expect(pages.count >= 2, "it paged: \(pages)")
    }
}
