import SignRaster
import CSDL2
import DisplayContract
import SignLayout

/// The kiosk's display in a window, full screen, or on the console through SDL's video
/// drivers. Draws into the window's own pixels where it can (see `WindowPresenter`), sleeps in
/// SDL's event queue, and turns keys and window events into the loop's `DisplayEvent`s. Must
/// be made and used on the thread that started SDL's video.
public final class WindowDisplay: KioskDisplay {
    private let presenter: WindowPresenter
    private let fonts: FontBook
    private var canvas: SoftwareCanvas?
    private let stopwatch: Stopwatch

    /// - Parameters:
    ///   - signal: from now on wakes this display through SDL's event queue.
    ///   - clock: measures its waits.
    public init(presenter: WindowPresenter, fonts: FontBook, signal: LoopSignal, clock: some Clock<Duration>) {
        stopwatch = Stopwatch(clock)
        self.presenter = presenter
        self.fonts = fonts
        signal.setWakeHandler {
            // SDL_PushEvent is safe from any thread.
            var event = SDL_Event()
            event.type = SDL_USEREVENT.rawValue
            SDL_PushEvent(&event)
        }
    }

    public var layoutSize: Size { presenter.layoutSize }

    public func show(_ list: DisplayList, changed: Rect) throws {
        var region = changed
        if canvas.map({ $0.width != list.width || $0.height != list.height }) ?? true {
            canvas = nil  // Release the old one (it may draw into the window's old pixels) first.
            canvas = try presenter.makeCanvas(fonts: fonts)
            region = Rect(x: 0, y: 0, width: list.width, height: list.height)
        }
        // The window changed size since the frame was laid out: the resize event brings a new one.
        guard let canvas, canvas.width == list.width, canvas.height == list.height else { return }
        canvas.draw(list, in: region)
        try presenter.present(canvas, changed: region)
    }

    public func wait(for timeout: Duration) -> DisplayEvent {
        let deadline = stopwatch.elapsed + timeout
        var event = SDL_Event()
        while true {
            let remaining = deadline - stopwatch.elapsed
            let milliseconds = Int32(max(0, min(Double(Int32.max), (remaining.seconds * 1000).rounded(.up))))
            guard SDL_WaitEventTimeout(&event, milliseconds) != 0 else { return .timedOut }
            if let result = Self.meaning(of: event) { return result }
            if stopwatch.elapsed >= deadline { return .timedOut }
        }
    }

    /// What an SDL event means to the loop (nil: nothing; keep waiting).
    private static func meaning(of event: SDL_Event) -> DisplayEvent? {
        switch SDL_EventType(event.type) {
        case SDL_QUIT:
            return .quit
        case SDL_KEYDOWN:
            let key = event.key.keysym.sym
            return key == Int32(SDLK_ESCAPE.rawValue) || key == Int32(SDLK_q.rawValue) ? .quit : nil
        case SDL_WINDOWEVENT:
            return .needsFullRedraw  // Exposed or resized.
        case SDL_USEREVENT:
            return .woken  // The loop's signal.
        default:
            return nil
        }
    }

    public func screenshotPNG() -> [UInt8]? {
        canvas.flatMap { try? FrameFile.png($0, rotation: presenter.rotation) }
    }

    public func thumbnailPNG(maxWidth: Int) -> [UInt8]? {
        canvas.flatMap { try? FrameFile.thumbnailPNG($0, rotation: presenter.rotation, maxWidth: maxWidth) }
    }
}
