import Foundation
import Logging

/// Polls a feed URL on a thread of its own: every `interval` while it works, backing off
/// exponentially (with jitter, so a fleet does not hammer a recovering server in step) while it
/// fails. Every body goes to the store for validation.
public final class URLFeedPoller: @unchecked Sendable {
    public let interval: TimeInterval
    public let maxBackoff: TimeInterval
    private let fetcher: HTTPFeedFetcher
    private let store: FeedStore
    private let logger: Logger
    private let now: @Sendable () -> Date
    private let wake = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var running = true
    private var failures = 0

    public init(fetcher: HTTPFeedFetcher, store: FeedStore, logger: Logger, interval: TimeInterval = 30, maxBackoff: TimeInterval = 300,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.fetcher = fetcher
        self.store = store
        self.logger = logger
        self.interval = interval
        self.maxBackoff = max(interval, maxBackoff)
        self.now = now
        store.setStaleAfter(2)
    }

    /// Starts polling; the first poll happens at once.
    public func start() {
        let thread = Thread { [self] in
            while lock.withLock({ running }) {
                let delay = pollOnce()
                _ = wake.wait(timeout: .now() + delay)
            }
        }
        thread.name = "skylt.feed-poller"
        thread.start()
    }

    public func stop() {
        lock.withLock { running = false }
        wake.signal()
    }

    /// One poll; returns the delay before the next.
    @discardableResult
    public func pollOnce() -> TimeInterval {
        let result = fetcher.fetch()
        let at = now()
        switch result {
        case .body(let bytes):
            failures = 0
            let outcome = store.offer(bytes, at: at, origin: fetcher.url.absoluteString)
            logger.info("polled the feed", metadata: ["url": "\(fetcher.url)", "outcome": "\(outcome)", "bytes": "\(bytes.count)"])
            return interval
        case .notModified:
            failures = 0
            store.sourceUnchanged(at: at)
            logger.debug("feed not modified", metadata: ["url": "\(fetcher.url)"])
            return interval
        case .failure(let reason):
            failures += 1
            store.sourceFailed("\(fetcher.url): \(reason)", at: at)
            let delay = URLFeedPoller.backoff(failures: failures, interval: interval, maxBackoff: maxBackoff, jitter: Double.random(in: 0.8...1.2))
            logger.debug("next poll after a failure", metadata: ["url": "\(fetcher.url)", "reason": "\(reason)", "retry_in_s": "\(Int(delay))"])
            return delay
        }
    }

    /// The wait after `failures` failures in a row: 2 s, 4 s, 8 s, … up to `maxBackoff`, times a
    /// jitter factor; never longer than needed to notice recovery within `maxBackoff`.
    public static func backoff(failures: Int, interval: TimeInterval, maxBackoff: TimeInterval, jitter: Double) -> TimeInterval {
        let base = min(maxBackoff, 2 * pow(2, Double(max(0, min(failures - 1, 20)))))
        return max(0.5, min(maxBackoff, base * jitter))
    }
}
