import Clocks
import Foundation

/// A screen's reports to the hub it follows: every `interval` (and when its picture changed) a
/// small JSON saying what it is (name, sign, size, version) and what it shows (the program's and
/// the live state's versions in force, screen on or off, clock trusted), and, when the frame
/// changed, a small thumbnail. On its own thread; a hub that is down costs a failed request.
public final class HubReporter: @unchecked Sendable {
    /// What a screen is; set once.
    public struct Identity: Sendable {
        public var sign: String, size: String, rotation: Int, theme: String
        public init(sign: String, size: String, rotation: Int, theme: String) {
            (self.sign, self.size, self.rotation, self.theme) = (sign, size, rotation, theme)
        }
    }

    /// How often a report is sent at least (the hub calls a screen stale after a minute).
    public static let interval: Duration = .seconds(20)
    /// How often the picture is looked at for a change.
    public static let thumbnailInterval: Duration = .seconds(5)
    /// A thumbnail's width in pixels.
    public static let thumbnailWidth = 320

    private let base: URL
    private let headers: [String]
    private let identity: Identity
    private let status: StatusBoard
    private let thumbnails: ScreenshotMailbox?
    private let clock: AnyClock<Duration>
    private let stopped = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stopping = false
    private var thread: Thread?

    /// - Parameters:
    ///   - hub: the hub's address; `headers`: the fleet's token and this screen's name.
    ///   - thumbnails: the frame loop's thumbnails (nil: none sent).
    ///   - clock: when to report.
    public init(hub: URL, headers: [String], identity: Identity, status: StatusBoard, thumbnails: ScreenshotMailbox?, clock: some Clock<Duration>) {
        (base, self.headers, self.identity, self.status, self.thumbnails) = (hub, headers, identity, status, thumbnails)
        self.clock = AnyClock(clock)
    }

    /// Starts reporting on a thread of its own.
    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "skylt-hub-report"
        thread.qualityOfService = .utility
        self.thread = thread
        thread.start()
    }

    /// Stops (a request under way finishes or times out first).
    public func stop() {
        let running = lock.withLock { () -> Bool in
            defer { stopping = true }
            return thread != nil && !stopping
        }
        if running { _ = stopped.wait(timeout: .now() + 6) }
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    private func run() {
        defer { stopped.signal() }
        var lastReport: AnyClock<Duration>.Instant?
        var lastThumbnail: String?
        while !isStopping {
            let now = clock.now
            var changed = false
            if let png = thumbnail() {
                let hash = ContentHash.of(png)
                if hash != lastThumbnail,
                   case .success(200...299) = HTTPUpload.send("PUT", to: base.appendingPathComponent("v1/thumbnail"), body: png, contentType: "image/png", headers: headers) {
                    lastThumbnail = hash
                    changed = true
                }
            }
            if changed || lastReport.map({ $0.duration(to: now) >= Self.interval }) ?? true {
                if case .success(200...299) = HTTPUpload.send("POST", to: base.appendingPathComponent("v1/report"), body: report(), contentType: "application/json",
                                                               headers: headers) {
                    lastReport = now
                }
            }
            // Sleep in short steps so that a stop is prompt.
            let until = now.advanced(by: Self.thumbnailInterval)
            while !isStopping, clock.now < until { Thread.sleep(forTimeInterval: 0.1) }
        }
    }

    /// The thumbnail of the frame on screen, from the frame loop (waited for up to 2 s).
    private func thumbnail() -> [UInt8]? {
        guard let thumbnails else { return nil }
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            box.set(await thumbnails.latest())
            done.signal()
        }
        return done.wait(timeout: .now() + 2) == .success ? box.get() : nil
    }

    /// The report's JSON.
    func report() -> [UInt8] {
        let now = status.snapshot()
        let object: [String: Any] = [
            "sign": identity.sign, "size": identity.size, "rotation": identity.rotation, "theme": identity.theme, "version": SkyltVersion.text,
            "program_version": now.feedHash ?? NSNull(), "live_version": now.live?.hash ?? NSNull(),
            "screen_on": now.screen == .on, "clock_trusted": now.clock == .ok,
        ]
        return Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data())
    }
}

/// A value handed from a task to a waiting thread.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: [UInt8]?
    func set(_ value: [UInt8]?) { lock.withLock { self.value = value } }
    func get() -> [UInt8]? { lock.withLock { value } }
}
