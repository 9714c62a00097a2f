import CSDL2
import Foundation
import ScheduleCore
import SDLBackend
import SignLayout

/// The frame loop: one instant per frame; draw only what changed; sleep until the sign next
/// changes. Runs on the main thread (SDL requires it).
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

    let program: Program
    let mode: SignMode
    let layout: SignLayout
    let fonts: FontBook
    let rotation: Rotation
    let clock: SignClock
    let screen: Screen
    private var canvas: SoftwareCanvas?
    private var previous: DisplayList?
    private var framesWritten = 0
    private var framesShown = 0
    private let stop = StopSignal()

    init(program: Program, mode: SignMode, layout: SignLayout, fonts: FontBook, rotation: Rotation, clock: SignClock, screen: Screen) {
        self.program = program
        self.mode = mode
        self.layout = layout
        self.fonts = fonts
        self.rotation = rotation
        self.clock = clock
        self.screen = screen
    }

    func run(limits: Limits) throws {
        if case .headless = screen { stop.installSignalHandlers() }
        while !stop.isRequested {
            let now = clock.now()
            if let end = limits.signTime, now >= end { break }
            if let seconds = limits.realSeconds, clock.realElapsed >= .seconds(seconds) { break }
            let board = Board(program: program, at: now)
            try drawIfChanged(board)
            var wake = RedrawSchedule.nextChange(after: board, mode: mode)
            if let end = limits.signTime, end < wake { wake = end }
            var delay = clock.realSeconds(until: wake) + 0.002
            if let seconds = limits.realSeconds {
                let elapsed = clock.realElapsed
                delay = min(delay, max(0, seconds - (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)))
            }
            wait(seconds: delay)
        }
    }

    private func layoutSize() -> (width: Int, height: Int) {
        switch screen {
        case .window(let presenter): presenter.layoutSize
        case .headless(_, let size): size
        }
    }

    private func drawIfChanged(_ board: Board) throws {
        let (width, height) = layoutSize()
        if canvas.map({ $0.width != width || $0.height != height }) ?? true {
            canvas = nil  // Release the old one (it may draw into the window's old pixels) first.
            switch screen {
            case .window(let presenter): canvas = try presenter.makeCanvas(fonts: fonts)
            case .headless: canvas = try SoftwareCanvas(width: width, height: height, fonts: fonts)
            }
            previous = nil
        }
        guard let canvas else { return }
        let list = layout.layout(board, mode: mode, width: width, height: height)
        guard let dirty = list.dirtyRegion(since: previous) else { return }
        canvas.draw(list, in: dirty)
        let first = previous == nil && framesShown == 0
        previous = list
        defer {
            framesShown += 1
            if first { Output.error("skylt: first frame on screen after \(String(format: "%.0f", ProcessStart.milliseconds)) ms") }
        }
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
    }

    /// Sleeps, but wakes at once for a quit (window events, SIGTERM/SIGINT).
    private func wait(seconds: Double) {
        switch screen {
        case .window:
            let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
            var event = SDL_Event()
            while !stop.isRequested {
                let remaining = deadline - ContinuousClock.now
                let milliseconds = Int32(max(0, min(Double(Int32.max), Double(remaining.components.seconds) * 1000 + Double(remaining.components.attoseconds) / 1e15)))
                if SDL_WaitEventTimeout(&event, milliseconds) == 0 { return }
                handle(event)
                if ContinuousClock.now >= deadline { return }
            }
        case .headless:
            stop.wait(seconds: seconds)
        }
    }

    private func handle(_ event: SDL_Event) {
        switch SDL_EventType(event.type) {
        case SDL_QUIT:
            stop.request()
        case SDL_KEYDOWN:
            let key = event.key.keysym.sym
            if key == Int32(SDLK_ESCAPE.rawValue) || key == Int32(SDLK_q.rawValue) { stop.request() }
        case SDL_WINDOWEVENT:
            previous = nil  // Exposed or resized: redraw everything.
        default:
            break
        }
    }
}

/// A quit request from a signal or an event, which also wakes a sleeping loop.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false
    private let semaphore = DispatchSemaphore(value: 0)
    private var sources: [DispatchSourceSignal] = []

    var isRequested: Bool { lock.withLock { requested } }

    func request() {
        lock.withLock { requested = true }
        semaphore.signal()
    }

    func wait(seconds: Double) {
        _ = semaphore.wait(timeout: .now() + seconds)
    }

    /// SIGTERM and SIGINT stop the loop cleanly instead of killing the process mid-write.
    func installSignalHandlers() {
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.request() }
            source.resume()
            sources.append(source)
        }
    }
}
