import DisplayContract
import Clocks
import Foundation
import Kiosk
import SkyltTestSupport
import Testing

/// Debounce, re-check and backoff run on the injected clock: a test clock drives them, and a
/// wall clock stepped back an hour or forward a day (NTP on a board that booted without a
/// real-time clock) stalls none of them. The files and sockets are real.
@Suite struct SteppedClockTests {
    /// Waits without blocking Swift's concurrency threads (the poller and the test clock need them).
    static func eventually(_ seconds: Double = 5, _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }

    /// Whether something (the poller) is sleeping on the test clock, waited for up to a minute.
    static func isSleeping(_ clock: TestClock<Duration>) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if (try? await clock.checkSuspension()) == nil { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    @Test func theDebounceWaitsForTheInjectedClockNotTheWallClock() async throws {
        let folder = try KioskFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/feed.json"
        try KioskFixture.write(KioskFixture.feed(title: "Start"), to: path)
        let store = KioskFixture.store(folder, source: .file(path))
        let clock = TestClock<Duration>()
        let wallClock = SettableWallClock(TestInstant.absolute("2026-11-23T10:00:00Z"))
        let watcher = FileSourceWatcher(path: path, store: store, logger: KioskFixture.logger, recheckInterval: .seconds(3600),
                                      wallClock: wallClock, clock: clock)
        watcher.start()
        defer { watcher.stop() }
        #expect(KioskFixture.title(store) == "Start")
        wallClock.step(by: 86_400)  // A day forward: the debounce must not think it long over.
        try KioskFixture.write(KioskFixture.feed(title: "Edited"), to: path)
        try await Task.sleep(for: .milliseconds(400))
        #expect(KioskFixture.title(store) == "Start")  // Still within the (test clock's) 150 ms.
        await clock.advance(by: .milliseconds(150))
        #expect(await Self.eventually(1) { KioskFixture.title(store) == "Edited" })
        #expect(store.status.snapshot().lastChange == TestInstant.absolute("2026-11-24T10:00:00Z"))
    }

    @Test func anEditIsOnScreenPromptlyAfterTheWallClockStepsBackAnHour() throws {
        let folder = try KioskFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/feed.json"
        try KioskFixture.write(KioskFixture.feed(title: "Start"), to: path)
        let store = KioskFixture.store(folder, source: .file(path))
        let wallClock = SettableWallClock(TestInstant.absolute("2026-11-23T10:00:00Z"))
        let watcher = FileSourceWatcher(path: path, store: store, logger: KioskFixture.logger, wallClock: wallClock, clock: KioskFixture.clock)
        watcher.start()
        defer { watcher.stop() }
        try KioskFixture.write(KioskFixture.feed(title: "First"), to: path)
        wallClock.step(by: -3600)  // Mid-debounce, the wall clock goes back an hour.
        let seconds = KioskFixture.waitUntil(2) { KioskFixture.title(store) == "First" }
        #expect(seconds.map { $0 < 1 } == true, "took \(String(describing: seconds)) s")
    }

    @Test(arguments: [0.0, 86_400.0, -3600.0])
    func theBackoffRunsOnTheInjectedClock(_ wallStep: Double) async throws {
        // A port on 127.0.0.1 that nothing listens on: every poll fails at once.
        let url = URL(string: "http://127.0.0.1:9/feed.json")!
        let folder = try KioskFixture.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = KioskFixture.store(folder, source: .url(url))
        let clock = TestClock<Duration>()
        let wallClock = SettableWallClock(TestInstant.absolute("2026-11-23T10:00:00Z"))
        let poller = URLSourcePoller(fetcher: HTTPSourceFetcher(url: url, timeout: 2), store: store, logger: KioskFixture.logger,
                                   interval: .seconds(30), wallClock: wallClock, clock: clock)
        poller.start()
        defer { poller.stop() }
        // Generous limits: under a loaded test run the poller's task may wait for a thread.
        #expect(await Self.eventually(60) { poller.pollCount == 1 })
        #expect(await Self.isSleeping(clock))
        wallClock.step(by: wallStep)
        await clock.advance(by: .milliseconds(1500))  // The first backoff is 2 s ± 20 %: not yet.
        #expect(await Self.isSleeping(clock))
        #expect(poller.pollCount == 1)
        await clock.advance(by: .milliseconds(1000))
        #expect(await Self.eventually(60) { poller.pollCount == 2 })
        #expect(store.status.snapshot().failuresInARow == 2)
        #expect(store.status.snapshot().lastAttempt == TestInstant.absolute("2026-11-23T10:00:00Z").addingTimeInterval(wallStep))
    }
}
