import DisplayContract
import Clocks
import Foundation

/// Hands the frame on screen from the frame loop (which alone may touch the display) to the
/// remote view. A request wakes the loop, which encodes a PNG at its next turn; answers are
/// reused for `maxAge` (measured on the injected clock), so a flood of requests costs the loop
/// at most one PNG per `maxAge`.
public final class ScreenshotMailbox: @unchecked Sendable {
    public let maxAge: Duration
    private let clock: AnyClock<Duration>
    private let lock = NSLock()
    private var cached: (png: [UInt8], at: AnyClock<Duration>.Instant)?
    private var requested = false
    private var waiters: [CheckedContinuation<[UInt8]?, Never>] = []
    private let wakeLoop: @Sendable () -> Void

    /// - Parameters:
    ///   - maxAge: how long a screenshot is served again before a new one is asked for.
    ///   - clock: measures that age.
    ///   - wakeLoop: makes the frame loop take a turn.
    public init(maxAge: Duration = .seconds(2), clock: some Clock<Duration>, wakeLoop: @escaping @Sendable () -> Void) {
        self.maxAge = maxAge
        self.clock = AnyClock(clock)
        self.wakeLoop = wakeLoop
    }

    /// Whether the loop should encode a screenshot now.
    public var isRequested: Bool { lock.withLock { requested } }

    /// Called by the frame loop with the PNG of the frame on screen (nil if it has none).
    public func deliver(_ png: [UInt8]?) {
        let now = clock.now
        let waiting = lock.withLock { () -> [CheckedContinuation<[UInt8]?, Never>] in
            requested = false
            if let png { cached = (png, now) }
            defer { waiters = [] }
            return waiters
        }
        for waiter in waiting { waiter.resume(returning: png ?? cached?.png) }
    }

    /// The latest screenshot, no older than `maxAge` (asking the loop for a new one if needed).
    public func latest() async -> [UInt8]? {
        let now = clock.now
        if let fresh = lock.withLock({ cached.flatMap { $0.at.duration(to: now) < maxAge ? $0.png : nil } }) {
            return fresh
        }
        let png: [UInt8]? = await withCheckedContinuation { continuation in
            lock.withLock {
                waiters.append(continuation)
                requested = true
            }
            wakeLoop()
        }
        return png
    }
}
