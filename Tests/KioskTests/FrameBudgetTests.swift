import Clocks
import DisplayContract
import Foundation
import Kiosk
import ScheduleCore
import SignLayout
import SkyltTestSupport
import Testing

/// A frame that takes longer than the budget is logged, and while its inputs stay the same the
/// loop shows a plain fallback frame rather than laying the slow one out again.
@Suite struct FrameBudgetTests {
    /// A clock that moves only when told, from any thread, without waiting.
    final class ManualClock: Clock, @unchecked Sendable {
        struct Instant: InstantProtocol {
            var offset: Duration
            func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
            func duration(to other: Instant) -> Duration { other.offset - offset }
            static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
        }

        private let lock = NSLock()
        private var current = Instant(offset: .zero)
        var now: Instant { lock.withLock { current } }
        var minimumResolution: Duration { .zero }
        func advance(by duration: Duration) { lock.withLock { current = current.advanced(by: duration) } }
        func sleep(until deadline: Instant, tolerance: Duration?) async throws { lock.withLock { current = max(current, deadline) } }
    }

    /// A display whose drawing takes `drawTime` on the clock.
    final class SlowDisplay: KioskDisplay {
        let layoutSize = Size(width: 1280, height: 720)
        let clock: ManualClock
        var drawTime: Duration = .seconds(3)
        var shown: [DisplayList] = []
        init(clock: ManualClock) { self.clock = clock }
        func show(_ list: DisplayList, changed: Rect) throws {
            clock.advance(by: drawTime)
            shown.append(list)
        }
        func wait(for timeout: Duration) -> DisplayEvent { .timedOut }
        func screenshotPNG() -> [UInt8]? { nil }
    }

    @Test func aSlowFrameIsReplacedByAFallbackUntilItsInputsChange() throws {
        let clock = ManualClock()
        let display = SlowDisplay(clock: clock)
        let store = KioskFixture.store(source: .file("feed.json"))
        let live = LiveStore(source: .file("live.json"), cache: nil, logger: KioskFixture.logger)
        let text = String(repeating: "Utrym byggnaden genom trappan ", count: 10)
        #expect(live.offer(Array(#"{"skylt_live": 1, "alert": {"text": "\#(text)", "level": "emergency"}}"#.utf8), at: Date(), origin: "live.json") == .accepted)
        let step = KioskStep(layout: SignLayout(theme: .dark, measurer: FixedMeasurer()), mode: nil)
        let driver = KioskDriver(step: step, store: store, display: display, wallClock: SettableWallClock(TestInstant.absolute("2020-02-06T10:00Z")),
                                 clock: clock, signal: LoopSignal(), live: live)
        var slow: [Duration] = []
        driver.onSlowFrame = { slow.append($0) }
        _ = try driver.turn()
        #expect(driver.slowFrames == 1)
        #expect(slow == [.seconds(3)])
        #expect(driver.lastFrame?.screen == .emergency)
        // The same inputs again: the fallback, the alert's first words at one size.
        _ = try driver.turn()
        let fallback = try #require(driver.lastFrame)
        #expect(fallback.screen == .emergency)
        #expect(fallback.list.texts.map(\.text).joined(separator: " ").count < text.count)
        #expect(driver.slowFrames == 1, "a fallback is not counted as slow again")
        // New inputs, drawn quickly: the real frame again.
        display.drawTime = .milliseconds(10)
        #expect(live.offer(Array(#"{"skylt_live": 1, "alert": {"text": "Utrym byggnaden", "level": "emergency"}}"#.utf8), at: Date(), origin: "live.json") == .accepted)
        _ = try driver.turn()
        #expect(driver.lastFrame?.list.texts.first?.text == "Utrym byggnaden")
        #expect(driver.slowFrames == 1)
    }
}
