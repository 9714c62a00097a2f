import DisplayContract
import Clocks
import Foundation
import Kiosk
import ScheduleCore
import SignLayout
import SkyltTestSupport
import Testing

/// The frame loop driven turn by turn on a test clock: what it draws, how long it sleeps, when
/// it pings the watchdog, and that a wall clock stepped by NTP stalls none of it.
@Suite struct KioskDriverTests {
    /// A display that records what it was asked to show.
    final class RecordingDisplay: KioskDisplay {
        let layoutSize = Size(width: 1280, height: 720)
        var shown: [(list: DisplayList, changed: Rect)] = []
        var events: [DisplayEvent] = []
        var waits: [Duration] = []
        var power: [Bool] = []

        func show(_ list: DisplayList, changed: Rect) throws { shown.append((list, changed)) }

        func wait(for timeout: Duration) -> DisplayEvent {
            waits.append(timeout)
            return events.isEmpty ? .quit : events.removeFirst()
        }

        func screenshotPNG() -> [UInt8]? { shown.isEmpty ? nil : [0x89, 0x50, 0x4E, 0x47] }

        func setScreenPower(_ on: Bool) { power.append(on) }
    }

    struct Rig {
        let store: ProgramStore
        let display = RecordingDisplay()
        let signal = LoopSignal()
        let clock = TestClock<Duration>()
    }

    static func rig(feed: String = "spridningskonferens-2020.json") throws -> Rig {
        let store = KioskFixture.store(source: .file(feed))
        let bytes = [UInt8](try Data(contentsOf: TestRepository.assets.appendingPathComponent("feeds/\(feed)")))
        #expect(store.offer(bytes, at: Date(timeIntervalSince1970: 0), origin: feed) == .accepted)
        return Rig(store: store)
    }

    /// Another power switch (HDMI-CEC in service).
    final class RecordingSwitch: ScreenPowerSwitch {
        var power: [Bool] = []
        func setScreenPower(_ on: Bool) { power.append(on) }
    }

    static func driver(_ rig: Rig, wallClock: any WallClock, limits: KioskLimits = KioskLimits(),
                       notifier: SystemdNotifier? = nil, screenshots: ScreenshotMailbox? = nil,
                       schedule: ScreenSchedule = ScreenSchedule(), powerSwitches: [any ScreenPowerSwitch] = []) -> KioskDriver<TestClock<Duration>> {
        let step = KioskStep(layout: SignLayout(theme: .dark, measurer: FixedMeasurer()), mode: nil, schedule: schedule)
        return KioskDriver(step: step, store: rig.store, display: rig.display, wallClock: wallClock, clock: rig.clock, signal: rig.signal,
                           limits: limits, notifier: notifier, screenshots: screenshots, powerSwitches: powerSwitches)
    }

    static let stockholm = TimeZone(identifier: "Europe/Stockholm")!
    static func at(_ text: String) -> Date { TestInstant.local(text, in: stockholm) }

    @Test func sleepsUntilTheSignNextChangesAndDrawsOnlyChanges() async throws {
        let rig = try Self.rig()
        let wallClock = SimulatedWallClock(start: Self.at("2020-02-06T10:20:30"), speed: 1, clock: rig.clock)
        let driver = Self.driver(rig, wallClock: wallClock)
        let first = try #require(try driver.turn())
        #expect(rig.display.shown.count == 1)
        #expect(rig.display.shown[0].changed == Rect(x: 0, y: 0, width: 1280, height: 720))
        #expect(first == .milliseconds(30_002))  // To 10:21:00, when the clock and countdown change.
        #expect(try driver.turn() != nil)
        #expect(rig.display.shown.count == 1)  // Nothing changed: nothing drawn.
        await rig.clock.advance(by: first)
        _ = try driver.turn()
        #expect(rig.display.shown.count == 2)
        #expect(rig.display.shown[1].list.texts.contains { $0.text == "10:21" })
        #expect(rig.display.shown[1].changed.area < 1280 * 720)  // Only the region that changed.
    }

    @Test func aFastClockSleepsForLess() async throws {
        let rig = try Self.rig()
        let driver = Self.driver(rig, wallClock: SimulatedWallClock(start: Self.at("2020-02-06T10:20:30"), speed: 60, clock: rig.clock))
        #expect(try driver.turn() == .milliseconds(502))
    }

    @Test(arguments: [
        // A clock with no real-time clock behind it starts in 1970 (here 2000, an unset RTC)...
        ("2000-01-01T00:00:00Z", nil),
        // ...unless systemd advances it to its build date at boot: plausible, and wrong.
        ("2026-04-27T19:49:08Z", "2026-04-27T19:48:55Z"),
    ] as [(String, String?)])
    func waitsForTheClockThenShowsTheBoardOnceItIsSet(_ boot: String, _ epoch: String?) async throws {
        let rig = try Self.rig()
        let wallClock = SettableWallClock(TestInstant.absolute(boot), epoch: epoch.map(TestInstant.absolute))
        let driver = Self.driver(rig, wallClock: wallClock)
        let wait = try #require(try driver.turn())
        #expect(driver.lastFrame?.screen == .waitingForClock)
        #expect(rig.store.status.snapshot().clock == .waiting)
        #expect(wait <= .milliseconds(1002))
        wallClock.set(Self.at("2026-11-23T09:00"))  // Set by hand (`date -s`), or by NTP.
        _ = try driver.turn()
        #expect(driver.lastFrame?.screen == .board(.room("main")))
        #expect(rig.store.status.snapshot().clock == .ok)
    }

    @Test(arguments: [-3600.0, 86_400.0])
    func theWatchdogKeepsItsBeatWhenTheWallClockIsStepped(_ step: Double) async throws {
        let rig = try Self.rig()
        let listener = try DatagramListener()
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.name, "WATCHDOG_USEC": "2000000", "WATCHDOG_PID": String(getpid())])
        let wallClock = SettableWallClock(Self.at("2026-11-23T10:20:30"))
        let driver = Self.driver(rig, wallClock: wallClock, notifier: notifier)
        for second in 0..<10 {
            if second == 3 { wallClock.step(by: step) }
            let wait = try #require(try driver.turn())
            #expect(wait <= .seconds(1))  // Never sleeps past the next ping.
            await rig.clock.advance(by: .seconds(1))
            wallClock.step(by: 1)
        }
        #expect(driver.watchdogPings == 10)
        let messages = listener.drain()
        #expect(messages.first == "READY=1\nSTATUS=showing Spridningskonferens 2020")
        #expect(messages.filter { $0 == "WATCHDOG=1" }.count == 10)
    }

    @Test func stopsAtItsLimits() async throws {
        let rig = try Self.rig()
        let realLimit = Self.driver(rig, wallClock: SimulatedWallClock(start: Self.at("2020-02-06T10:20:30"), speed: 1, clock: rig.clock),
                                    limits: .init(realDuration: .seconds(5)))
        #expect(try realLimit.turn() == .seconds(5))
        await rig.clock.advance(by: .seconds(5))
        #expect(try realLimit.turn() == nil)
        let signLimit = Self.driver(rig, wallClock: SimulatedWallClock(start: Self.at("2020-02-06T10:20:30"), speed: 1, clock: rig.clock),
                                    limits: .init(signTime: Self.at("2020-02-06T10:20:40")))
        #expect(try signLimit.turn() == .milliseconds(10_002))
        await rig.clock.advance(by: .seconds(10))
        #expect(try signLimit.turn() == nil)
    }

    @Test func runRedrawsWholeAfterAnExposeAndEndsOnQuit() throws {
        let rig = try Self.rig()
        let driver = Self.driver(rig, wallClock: SimulatedWallClock(start: Self.at("2020-02-06T10:20:30"), speed: 1, clock: rig.clock))
        rig.display.events = [.timedOut, .needsFullRedraw, .woken]
        try driver.run()
        #expect(rig.display.waits.count == 4)  // The fourth wait answered .quit.
        #expect(rig.display.shown.count == 2)  // The first frame, and again whole after the expose.
        #expect(rig.display.shown[1].changed == Rect(x: 0, y: 0, width: 1280, height: 720))
    }

    @Test func aStopRequestEndsTheRun() throws {
        let rig = try Self.rig()
        let driver = Self.driver(rig, wallClock: SimulatedWallClock(start: Self.at("2020-02-06T10:20:30"), speed: 1, clock: rig.clock))
        rig.display.events = Array(repeating: .woken, count: 100)
        rig.signal.requestStop()
        try driver.run()
        #expect(rig.display.waits.isEmpty)
    }

    @Test func screenshotsAreTakenOnTheLoopsTurnAndReusedForTheirMaxAge() async throws {
        let rig = try Self.rig()
        let signal = rig.signal
        let mailbox = ScreenshotMailbox(maxAge: .seconds(2), clock: rig.clock, wakeLoop: { signal.wake() })
        let driver = Self.driver(rig, wallClock: SimulatedWallClock(start: Self.at("2020-02-06T10:20:30"), speed: 1, clock: rig.clock),
                                 screenshots: mailbox)
        _ = try driver.turn()
        let request = Task { await mailbox.latest() }
        while !mailbox.isRequested { await Task.yield() }
        #expect(signal.wait(for: .seconds(1)))  // The request woke the loop…
        _ = try driver.turn()  // …whose next turn answers it.
        #expect(await request.value == [0x89, 0x50, 0x4E, 0x47])
        #expect(await mailbox.latest() != nil && !mailbox.isRequested)  // Fresh: served again.
        await rig.clock.advance(by: .seconds(3))
        let again = Task { await mailbox.latest() }
        while !mailbox.isRequested { await Task.yield() }
        mailbox.deliver(nil)
        #expect(await again.value != nil)
    }

    @Test func theScreenIsTurnedOffOutsideItsHoursAndReportedAsOffOnPurpose() async throws {
        let rig = try Self.rig()
        let wallClock = SettableWallClock(Self.at("2026-11-23T06:59:58"))
        let tv = RecordingSwitch()
        let driver = Self.driver(rig, wallClock: wallClock, schedule: ScreenSchedule(onMinute: 7 * 60, offMinute: 19 * 60), powerSwitches: [tv])
        let wait = try #require(try driver.turn())
        #expect(rig.display.power == [false] && tv.power == [false])
        #expect(rig.store.status.snapshot().screen == .offOnPurpose)
        #expect(wait <= .milliseconds(2002))  // Wakes at the on-time.
        wallClock.set(Self.at("2026-11-23T07:00"))
        _ = try driver.turn()
        _ = try driver.turn()
        #expect(rig.display.power == [false, true] && tv.power == [false, true])  // Once per change, not every turn.
        #expect(rig.store.status.snapshot().screen == .on)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(rig.store.status.snapshot().json())) as? [String: Any])
        #expect(json["screen"] as? String == "on")
        wallClock.set(Self.at("2026-11-23T19:00"))
        _ = try driver.turn()
        #expect(rig.display.power == [false, true, false] && tv.power == [false, true, false])
    }
}
