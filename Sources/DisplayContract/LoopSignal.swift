import Foundation

/// Wakes the kiosk's loop from other threads (a new feed, a screenshot request, a signal) and
/// carries a stop request. A display that waits on its own event queue (SDL's) installs a
/// handler that posts to it; otherwise `wait(for:)` sleeps on a semaphore.
public final class LoopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var stopRequested = false
    private var handler: (@Sendable () -> Void)?
    private let semaphore = DispatchSemaphore(value: 0)
    private var sources: [any DispatchSourceSignal] = []

    public init() {}

    /// Whether a stop was asked for.
    public var isStopRequested: Bool { lock.withLock { stopRequested } }

    /// Asks the loop to stop (and wakes it).
    public func requestStop() {
        lock.withLock { stopRequested = true }
        wake()
    }

    /// Makes the loop take a turn now.
    public func wake() {
        if let handler = lock.withLock({ handler }) {
            handler()
        } else {
            semaphore.signal()
        }
    }

    /// From now on, wakes go to `handler` (a display's own event queue) instead of the semaphore.
    public func setWakeHandler(_ handler: @escaping @Sendable () -> Void) {
        lock.withLock { self.handler = handler }
    }

    /// Sleeps up to `timeout` unless woken; returns whether it was woken.
    public func wait(for timeout: Duration) -> Bool {
        let nanoseconds = Int(min(timeout.seconds, 86_400) * 1e9)
        return semaphore.wait(timeout: .now() + .nanoseconds(max(0, nanoseconds))) == .success
    }

    /// SIGTERM and SIGINT stop the loop cleanly instead of killing the process mid-write.
    public func installSignalHandlers() {
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in self?.requestStop() }
            source.resume()
            lock.withLock { sources.append(source) }
        }
    }
}
