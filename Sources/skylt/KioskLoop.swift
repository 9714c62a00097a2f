import CSDL2
import Foundation
import Kiosk
import RemoteView
import ScheduleCore
import SDLBackend
import SignLayout
import SignText

/// The frame loop: one instant per frame; draw only what changed; sleep until the sign next
/// changes or a new feed arrives. Runs on the main thread (SDL requires it).
final class KioskLoop {
    enum Screen {
        case window(WindowPresenter)
        case headless(folder: String, size: (width: Int, height: Int))
    }

    struct Limits {
        /// Stop when the sign's clock reaches this instant.
        var signTime: Date?
        /// Stop after this much real time.
        var realSeconds: Double?
    }

    let store: FeedStore
    let requestedMode: SignMode?
    let layout: SignLayout
    let fonts: FontBook
    let rotation: Rotation
    let clock: SignClock
    let screen: Screen
    let waker: LoopWaker
    private var canvas: SoftwareCanvas?
    private var previous: DisplayList?
    private var framesWritten = 0
    private var framesShown = 0
    /// Screen on/off hours.
    var schedule = ScreenSchedule()
    /// systemd: READY=1 after the first frame, WATCHDOG=1 from this loop.
    var notifier: SystemdNotifier?
    /// Screenshots for the remote view, encoded here (SDL is this thread's alone).
    var screenshots: ScreenshotMailbox?

    /// - Parameter mode: the sign to show; nil to choose from the program (its only room, or the lobby).
    init(store: FeedStore, mode: SignMode?, layout: SignLayout, fonts: FontBook, rotation: Rotation, clock: SignClock, screen: Screen,
         waker: LoopWaker) {
        self.store = store
        self.requestedMode = mode
        self.layout = layout
        self.fonts = fonts
        self.rotation = rotation
        self.clock = clock
        self.screen = screen
        self.waker = waker
    }

    func run(limits: Limits) throws {
        while !waker.isStopRequested {
            let now = clock.now()
            if let end = limits.signTime, now >= end { break }
            if let seconds = limits.realSeconds, clock.realElapsed >= .seconds(seconds) { break }
            let frameStart = ContinuousClock.now
            var wake = try frame(at: now)
            KioskMetrics.frameTime.recordNanoseconds(Int64((ContinuousClock.now - frameStart).seconds * 1e9))
            notifier?.pingWatchdog()
            if let screenshots, screenshots.isRequested { screenshots.deliver(screenshotPNG()) }
            if let interval = notifier?.watchdogInterval, wake > now.addingTimeInterval(interval * clock.speed) {
                wake = now.addingTimeInterval(interval * clock.speed)
            }
            if let end = limits.signTime, end < wake { wake = end }
            var delay = clock.realSeconds(until: wake) + 0.002
            if let seconds = limits.realSeconds {
                delay = min(delay, max(0, seconds - clock.realElapsed.seconds))
            }
            wait(seconds: delay)
        }
    }

    /// Draws the frame for `now` if it differs from the last; returns when the sign next changes.
    private func frame(at now: Date) throws -> Date {
        let (program, status) = store.snapshot()
        let clockState = clock.isSimulated ? .ok : ClockGuard.state(of: Date())
        store.setClock(clockState)
        let words = Phrasebook(locale: program?.event.locale ?? "sv-SE")
        let (width, height) = layoutSize()
        let list: DisplayList
        var wake = now.addingTimeInterval(1)
        if clockState == .waiting {
            list = layout.message(words.waitingForClock, width: width, height: height)
        } else if let program {
            let board = Board(program: program, at: now)
            let local = program.event.timeZone.localDateTime(for: now)
            if schedule.isBlank(minuteOfDay: local.hour * 60 + local.minute, phase: board.phase) {
                // Dark until the screen's hours begin (checked each minute).
                list = DisplayList(width: width, height: height, background: Color(red: 0, green: 0, blue: 0))
                wake = Date(timeIntervalSince1970: ((now.timeIntervalSince1970 / 60).rounded(.down) + 1) * 60)
                try show(list)
                return wake
            }
            let mode = requestedMode ?? (program.rooms.count == 1 ? .room(program.rooms[0].id) : .lobby)
            list = layout.layout(board, mode: mode, width: width, height: height, statusMark: Self.statusMark(status, program: program, words: words))
            wake = RedrawSchedule.nextChange(after: board, mode: mode)
        } else {
            list = layout.message(words.waitingForProgram, width: width, height: height)
        }
        try show(list)
        return wake
    }

    /// The technician's corner mark: nothing when all is well.
    static func statusMark(_ status: KioskStatus, program: Program, words: Phrasebook) -> String? {
        if !status.rejectedErrors.isEmpty { return words.editNotPublished }
        if status.isStale || status.origin == .cache {
            return words.updatedAt(status.lastSuccess.map { words.time($0, in: program.event.timeZone) })
        }
        return nil
    }

    private func layoutSize() -> (width: Int, height: Int) {
        switch screen {
        case .window(let presenter): presenter.layoutSize
        case .headless(_, let size): size
        }
    }

    private func show(_ list: DisplayList) throws {
        if canvas.map({ $0.width != list.width || $0.height != list.height }) ?? true {
            canvas = nil  // Release the old one (it may draw into the window's old pixels) first.
            switch screen {
            case .window(let presenter): canvas = try presenter.makeCanvas(fonts: fonts)
            case .headless: canvas = try SoftwareCanvas(width: list.width, height: list.height, fonts: fonts)
            }
            previous = nil
        }
        guard let canvas, canvas.width == list.width, canvas.height == list.height else { return }
        guard let dirty = list.dirtyRegion(since: previous) else { return }
        canvas.draw(list, in: dirty)
        KioskMetrics.frames.increment()
        previous = list
        switch screen {
        case .window(let presenter):
            try presenter.present(canvas, changed: (dirty.x, dirty.y, dirty.width, dirty.height))
        case .headless(let folder, _):
            framesWritten += 1
            let name = String(format: "frame-%06d.png", framesWritten)
            try FrameFile.write(canvas, rotation: rotation, to: folder + "/" + name)
            // current.png: a hard link to the newest frame, swapped in atomically.
            let temporary = folder + "/.current.png.tmp"
            unlink(temporary)
            if link(folder + "/" + name, temporary) == 0 {
                rename(temporary, folder + "/current.png")
            }
        }
        if framesShown == 0 {
            Output.error("skylt: first frame on screen after \(String(format: "%.0f", ProcessStart.milliseconds)) ms")
            notifier?.ready(status: "showing \(store.snapshot().program?.event.name ?? "a waiting screen")")
        }
        framesShown += 1
    }

    /// The frame on screen as PNG bytes, as the panel shows it (rotated).
    private func screenshotPNG() -> [UInt8]? {
        guard let canvas else { return nil }
        let path = NSTemporaryDirectory() + "skylt-screenshot-\(getpid()).png"
        defer { unlink(path) }
        guard (try? FrameFile.write(canvas, rotation: rotation, to: path)) != nil else { return nil }
        return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// Sleeps, but wakes at once for a quit (window events, SIGTERM/SIGINT) or a new feed.
    private func wait(seconds: Double) {
        switch screen {
        case .window:
            let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
            var event = SDL_Event()
            while !waker.isStopRequested {
                let remaining = (deadline - ContinuousClock.now).seconds
                let milliseconds = Int32(max(0, min(Double(Int32.max), remaining * 1000)))
                if SDL_WaitEventTimeout(&event, milliseconds) == 0 { return }
                if handle(event) { return }
                if ContinuousClock.now >= deadline { return }
            }
        case .headless:
            waker.wait(seconds: seconds)
        }
    }

    /// Returns true when the event asks for a new frame now.
    private func handle(_ event: SDL_Event) -> Bool {
        switch SDL_EventType(event.type) {
        case SDL_QUIT:
            waker.requestStop()
        case SDL_KEYDOWN:
            let key = event.key.keysym.sym
            if key == Int32(SDLK_ESCAPE.rawValue) || key == Int32(SDLK_q.rawValue) { waker.requestStop() }
        case SDL_WINDOWEVENT:
            previous = nil  // Exposed or resized: redraw everything.
            return true
        case SDL_USEREVENT:
            return true  // A new feed or status.
        default:
            break
        }
        return false
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// Wakes the sleeping loop from other threads (a new feed, a signal) and carries a quit request.
final class LoopWaker: @unchecked Sendable {
    private let lock = NSLock()
    private var stopRequested = false
    private var usesSDLEvents = false
    private let semaphore = DispatchSemaphore(value: 0)
    private var sources: [DispatchSourceSignal] = []

    var isStopRequested: Bool { lock.withLock { stopRequested } }

    /// From now on wake the loop through SDL's event queue (a window is open).
    func useSDLEvents() { lock.withLock { usesSDLEvents = true } }

    func requestStop() {
        lock.withLock { stopRequested = true }
        wake()
    }

    /// Makes the loop draw a frame now.
    func wake() {
        if lock.withLock({ usesSDLEvents }) {
            var event = SDL_Event()
            event.type = SDL_USEREVENT.rawValue
            SDL_PushEvent(&event)
        } else {
            semaphore.signal()
        }
    }

    func wait(seconds: Double) {
        _ = semaphore.wait(timeout: .now() + seconds)
    }

    /// SIGTERM and SIGINT stop the loop cleanly instead of killing the process mid-write.
    func installSignalHandlers() {
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.requestStop() }
            source.resume()
            sources.append(source)
        }
    }
}
