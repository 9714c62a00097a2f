import DisplayContract
import Foundation
import Metrics
import ScheduleCore
import SignLayout

/// The kiosk's frame loop, the part that does things: each turn it reads the sign's instant
/// once, asks the `KioskStep` what to show, draws only what changed, pings systemd's watchdog,
/// answers a screenshot request, and says how long to sleep; `run()` sleeps on the display
/// until then or until something wakes it. Real time is measured on the injected clock only,
/// so a test clock drives every turn without waiting, and a wall clock stepped by NTP cannot
/// stall the loop or the watchdog.
public final class KioskDriver<C: Clock> where C.Duration == Duration {
    public let step: KioskStep
    private let store: ProgramStore
    private let status: StatusBoard
    private let display: any KioskDisplay
    private let wallClock: any WallClock
    private let clock: C
    private let signal: LoopSignal
    private let limits: KioskLimits
    private let notifier: SystemdNotifier?
    private let screenshots: ScreenshotMailbox?
    private let thumbnails: ScreenshotMailbox?
    private let powerSwitches: [any ScreenPowerSwitch]
    private let live: LiveStore?
    private let overlay = LiveOverlay()
    private let started: C.Instant
    private var watchdog: WatchdogSchedule<C.Instant>?
    private var previous: DisplayList?
    /// The inputs of a frame that took longer than the budget: while they stay, a fallback frame is shown.
    private var slowInputs: (program: Program?, live: LiveState)?

    /// The last frame decided (shown or unchanged).
    public private(set) var lastFrame: KioskFrame?
    /// Frames drawn and shown so far.
    public private(set) var framesShown = 0
    /// Watchdog pings sent so far.
    public private(set) var watchdogPings = 0
    /// Called once, after the first frame is on screen.
    public var onFirstFrame: ((KioskFrame) -> Void)?
    /// Called when a frame took longer than `KioskLimits.frameBudget` (to log it).
    public var onSlowFrame: ((Duration) -> Void)?
    /// Frames that took longer than the budget so far.
    public private(set) var slowFrames = 0

    /// - Parameters:
    ///   - wallClock: the sign's instants.
    ///   - clock: real elapsed time (waits, watchdog, limits).
    ///   - signal: wakes and stops the loop from other threads.
    ///   - notifier: systemd (READY=1 after the first frame, WATCHDOG=1 at half `WatchdogSec`).
    ///   - screenshots: requests from the remote view.
    ///   - thumbnails: requests from the hub reporter (`HubReporter.thumbnailWidth` wide).
    ///   - powerSwitches: besides the display, what else turns the panel off and on (HDMI-CEC).
    ///   - store: the program; the status board it reports to is the one the driver reads and sets.
    ///   - live: the technician's live state, laid over the program each turn (nil: none).
    public init(step: KioskStep, store: ProgramStore, display: any KioskDisplay, wallClock: any WallClock, clock: C, signal: LoopSignal,
                limits: KioskLimits = KioskLimits(), notifier: SystemdNotifier? = nil, screenshots: ScreenshotMailbox? = nil,
                thumbnails: ScreenshotMailbox? = nil, powerSwitches: [any ScreenPowerSwitch] = [], live: LiveStore? = nil) {
        self.live = live
        self.step = step
        self.store = store
        status = store.status
        self.display = display
        self.wallClock = wallClock
        self.clock = clock
        self.signal = signal
        self.limits = limits
        self.notifier = notifier
        self.screenshots = screenshots
        self.thumbnails = thumbnails
        self.powerSwitches = powerSwitches
        started = clock.now
        watchdog = notifier?.watchdogInterval.map { WatchdogSchedule(interval: $0) }
    }

    /// Turns until a stop is asked for, the viewer quits, or a limit is reached.
    public func run() throws {
        while !signal.isStopRequested, let timeout = try turn() {
            switch display.wait(for: timeout) {
            case .quit: return
            case .needsFullRedraw: previous = nil
            case .timedOut, .woken: break
            }
        }
    }

    /// One turn of the loop.
    /// - Returns: how long to sleep before the next turn, or nil when a limit is reached.
    public func turn() throws -> Duration? {
        let now = wallClock.now()
        let turnStart = clock.now
        if let end = limits.signTime, now >= end { return nil }
        if let limit = limits.realDuration, started.duration(to: turnStart) >= limit { return nil }

        // Before the frame too, once running (systemd's watchdog starts at READY=1): one slow
        // frame must not starve it.
        if framesShown > 0 { pingWatchdogIfDue(at: turnStart) }
        let planned = store.program
        let liveState = live?.state(for: planned) ?? .none
        let program = planned.map { overlay.program($0, live: liveState) }
        let evidence = wallClock.evidence(at: now)
        let isSlow = slowInputs.map { $0.program === planned && $0.live == liveState } ?? false
        let frame = isSlow
            ? step.fallbackFrame(program: program, live: liveState, at: now, clockEvidence: evidence, size: display.layoutSize)
            : step.frame(program: program, live: liveState, status: status.snapshot(), at: now, clockEvidence: evidence, size: display.layoutSize)
        status.setClock(frame.clock)
        let screenOn = frame.screen != .blank
        if lastFrame.map({ ($0.screen != .blank) != screenOn }) ?? true {
            display.setScreenPower(screenOn)
            for power in powerSwitches { power.setScreenPower(screenOn) }
            status.setScreenPower(screenOn ? .on : .offOnPurpose)
        }
        if let changed = frame.list.dirtyRegion(since: previous) {
            try display.show(frame.list, changed: changed)
            previous = frame.list
            framesShown += 1
            KioskMetrics.frames.increment()
            if framesShown == 1 {
                notifier?.ready(status: "showing \(program?.event.name ?? "a waiting screen")")
                onFirstFrame?(frame)
            }
        }
        lastFrame = frame
        if let screenshots, screenshots.isRequested { screenshots.deliver(display.screenshotPNG()) }
        if let thumbnails, thumbnails.isRequested { thumbnails.deliver(display.thumbnailPNG(maxWidth: HubReporter.thumbnailWidth)) }
        let took = turnStart.duration(to: clock.now)
        if took > KioskLimits.frameBudget, !isSlow {
            slowInputs = (planned, liveState)
            slowFrames += 1
            onSlowFrame?(took)
        } else if !isSlow {
            slowInputs = nil
        }

        let afterDrawing = clock.now
        KioskMetrics.frameTime.recordNanoseconds(Self.nanoseconds(turnStart.duration(to: afterDrawing)))
        var timeout = wallClock.realDuration(until: min(frame.wake, limits.signTime ?? frame.wake), from: now) + .milliseconds(2)
        pingWatchdogIfDue(at: afterDrawing)
        if let schedule = watchdog {
            timeout = min(timeout, schedule.timeUntilNextPing(from: afterDrawing))
        }
        if let limit = limits.realDuration {
            timeout = min(timeout, max(.zero, limit - started.duration(to: afterDrawing)))
        }
        return timeout
    }

    private func pingWatchdogIfDue(at instant: C.Instant) {
        guard var schedule = watchdog, schedule.isDue(at: instant) else { return }
        notifier?.watchdogPing()
        watchdogPings += 1
        schedule.pinged(at: instant)
        watchdog = schedule
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
