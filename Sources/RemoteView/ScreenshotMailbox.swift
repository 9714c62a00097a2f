import Foundation

/// Hands the frame on screen from the render loop (which alone may touch SDL) to the HTTP
/// server. A request wakes the loop, which encodes a PNG at its next turn; answers are reused
/// for `maxAge`, so a flood of requests costs the loop at most one PNG per `maxAge`.
public final class ScreenshotMailbox: @unchecked Sendable {
    public let maxAge: TimeInterval
    private let lock = NSLock()
    private var cached: (png: [UInt8], at: Date)?
    private var requested = false
    private var waiters: [CheckedContinuation<[UInt8]?, Never>] = []
    private let wakeLoop: @Sendable () -> Void

    public init(maxAge: TimeInterval = 2, wakeLoop: @escaping @Sendable () -> Void) {
        self.maxAge = maxAge
        self.wakeLoop = wakeLoop
    }

    /// Whether the loop should encode a screenshot now.
    public var isRequested: Bool { lock.withLock { requested } }

    /// Called by the render loop with the PNG of the frame on screen (nil if it has none).
    public func deliver(_ png: [UInt8]?) {
        let waiting = lock.withLock { () -> [CheckedContinuation<[UInt8]?, Never>] in
            requested = false
            if let png { cached = (png, Date()) }
            defer { waiters = [] }
            return waiters
        }
        for waiter in waiting { waiter.resume(returning: png ?? cached?.png) }
    }

    /// The latest screenshot, no older than `maxAge` (asking the loop for a new one if needed).
    public func latest() async -> [UInt8]? {
        if let fresh = lock.withLock({ cached.flatMap { Date().timeIntervalSince($0.at) < maxAge ? $0.png : nil } }) {
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
