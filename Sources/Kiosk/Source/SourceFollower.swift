import DisplayContract
import Clocks
import Foundation
import Logging

/// Keeps a store fed from its source: a file watched with inotify, or a URL polled. Reads a
/// file (or, for a URL, the cached last good feed) at once, so the first frame has a program.
public final class SourceFollower {
    private let stopper: () -> Void

    /// Starts following `source`.
    /// - Parameters:
    ///   - pollInterval: between polls of a URL.
    ///   - request: how a URL is asked (a hub's long requests, its token).
    ///   - wallClock: stamps the status.
    ///   - clock: debounce, re-checks and the waits between polls.
    public init(_ source: SourceAddress, store: any SourceConsumer, logger: Logger, pollInterval: Duration = .seconds(30),
                request: RequestOptions = RequestOptions(), wallClock: any WallClock, clock: some Clock<Duration>) {
        switch source {
        case .file(let path):
            store.setStaleAfter(0)
            let watcher = FileSourceWatcher(path: path, store: store, logger: logger, wallClock: wallClock, clock: clock)
            watcher.start()
            if !store.hasContent { store.loadCache() }
            stopper = { watcher.stop() }
        case .url(let url):
            store.loadCache()
            let fetcher = HTTPSourceFetcher(url: url, timeout: request.timeout, maxBytes: store.kind.maxBytes, extraHeaders: request.headers)
            let poller = URLSourcePoller(fetcher: fetcher, store: store, logger: logger, interval: pollInterval, maxBackoff: request.maxBackoff,
                                       wallClock: wallClock, clock: clock)
            poller.start()
            stopper = { poller.stop() }
        }
    }

    /// Stops watching or polling.
    public func stop() {
        stopper()
    }
}
