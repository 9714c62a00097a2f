import DisplayContract
import Clocks
import Foundation
import Logging

/// Polls a feed URL: every `interval` while it works, backing off exponentially (with jitter,
/// so a fleet does not hammer a recovering server in step) while it fails. Every body goes to
/// the store for validation. The waits are sleeps on the injected clock (a test clock drives
/// them without waiting); each fetch blocks a thread of the poller's own, never Swift's
/// concurrency pool or the frame loop.
public final class URLSourcePoller: @unchecked Sendable {
    public let interval: Duration
    public let maxBackoff: Duration
    private let fetcher: HTTPSourceFetcher
    private let store: any SourceConsumer
    private let logger: Logger
    private let wallClock: any WallClock
    private let clock: AnyClock<Duration>
    private let fetchQueue = DispatchQueue(label: "skylt.feed-poller")
    private let lock = NSLock()
    private var task: Task<Void, Never>?
    private var failures = 0
    private var polls = 0

    /// - Parameters:
    ///   - interval: between polls while the source works.
    ///   - maxBackoff: the longest wait while it fails.
    ///   - wallClock: stamps the status.
    ///   - clock: the waits between polls.
    public init(fetcher: HTTPSourceFetcher, store: any SourceConsumer, logger: Logger, interval: Duration = .seconds(30), maxBackoff: Duration = .seconds(300),
                wallClock: any WallClock, clock: some Clock<Duration>) {
        self.fetcher = fetcher
        self.store = store
        self.logger = logger
        self.interval = interval
        self.maxBackoff = max(interval, maxBackoff)
        self.wallClock = wallClock
        self.clock = AnyClock(clock)
        store.setStaleAfter(2)
    }

    deinit {
        task?.cancel()
    }

    /// How many polls have finished (for tests and the log).
    public var pollCount: Int { lock.withLock { polls } }

    /// Starts polling; the first poll happens at once.
    public func start() {
        let task = Task.detached { [weak self] in
            while !Task.isCancelled, let self {
                let delay = await self.pollOffThread()
                do { try await self.clock.sleep(for: delay) } catch { return }
            }
        }
        lock.withLock { self.task = task }
    }

    /// Stops polling (a fetch under way finishes, and is the last).
    public func stop() {
        lock.withLock { task }?.cancel()
    }

    private func pollOffThread() async -> Duration {
        await withCheckedContinuation { continuation in
            fetchQueue.async { continuation.resume(returning: self.pollOnce()) }
        }
    }

    /// One poll, on the caller's thread (it blocks while fetching); returns the wait before the next.
    @discardableResult
    public func pollOnce() -> Duration {
        let result = fetcher.fetch()
        let at = wallClock.now()
        defer { lock.withLock { polls += 1 } }
        switch result {
        case .body(let bytes):
            lock.withLock { failures = 0 }
            let outcome = store.offer(bytes, at: at, origin: fetcher.displayURL)
            logger.info("polled the feed", metadata: ["url": "\(fetcher.displayURL)", "outcome": "\(outcome)", "bytes": "\(bytes.count)"])
            return interval
        case .notModified:
            lock.withLock { failures = 0 }
            store.sourceUnchanged(at: at)
            logger.debug("feed not modified", metadata: ["url": "\(fetcher.displayURL)"])
            return interval
        case .failure(let reason):
            let count = lock.withLock { () -> Int in
                failures += 1
                return failures
            }
            store.sourceFailed("\(fetcher.displayURL): \(reason)", at: at)
            let delay = URLSourcePoller.backoff(failures: count, maxBackoff: maxBackoff, jitter: Double.random(in: 0.8...1.2))
            logger.debug("next poll after a failure", metadata: ["url": "\(fetcher.displayURL)", "reason": "\(reason)", "retry_in_s": "\(Int(delay.seconds))"])
            return delay
        }
    }

    /// The wait after `failures` failures in a row: 2 s, 4 s, 8 s, … up to `maxBackoff`, times a
    /// jitter factor (never under half a second).
    public static func backoff(failures: Int, maxBackoff: Duration, jitter: Double) -> Duration {
        let base = min(maxBackoff.seconds, 2 * pow(2, Double(max(0, min(failures - 1, 20)))))
        return .seconds(of: max(0.5, min(maxBackoff.seconds, base * jitter)))
    }
}
