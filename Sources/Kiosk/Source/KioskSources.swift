import Foundation
import Logging
import ScheduleCore

/// The kiosk's inputs wired together, as `skylt run` uses them: the status board, the program
/// fed from its source, the technician's live file fed from its own, each followed (watched or
/// polled) from now until `stop()`, with their saved copies in the state directory. A source's
/// saved copy or file is read at once, so the first frame has what there is.
public final class KioskSources {
    public let status: StatusBoard
    public let programs: ProgramStore
    public let live: LiveStore?
    private var followers: [SourceFollower] = []

    /// Why the sources cannot be wired: a file the kiosk writes would replace one it reads.
    public struct Clash: Error, CustomStringConvertible {
        public let description: String
    }

    /// Starts following `feed` and (when given) `live`.
    /// - Parameters:
    ///   - cache: the state directory's saved feed (nil: none kept); the live file's is beside it.
    ///   - statusFile: the status JSON (nil: none).
    ///   - names: how the feed and status file were named (flags or settings), for a clash.
    ///   - request: how URL sources are asked (a hub's long requests, its token and the screen's name).
    ///   - fallbackZone: the zone for a schedule or live time that names none (the machine's).
    ///   - wallClock, clock: stamp the status; pace debounce, re-checks and polls.
    ///   - onChange: wakes the render loop after anything changed.
    public init(feed: SourceAddress, live: SourceAddress?, cache: SourceCache?, statusFile: String?, names: (feed: String, status: String),
                pollInterval: Duration, livePollInterval: Duration, request: RequestOptions = RequestOptions(), fallbackZone: TimeZone, logger: Logger,
                wallClock: any WallClock, clock: some Clock<Duration>, onChange: @escaping @Sendable () -> Void) throws(Clash) {
        let liveCache = cache?.sibling(LiveStore.cacheFileName)
        // The files the kiosk writes are regular files (or absent) and neither the feed nor each other.
        if let problem = PathClash.problems(feed: feed, feedName: names.feed, savedFeed: cache?.path, statusFile: statusFile,
                                            statusName: names.status, live: live, savedLive: liveCache?.path).first {
            throw Clash(description: problem)
        }
        let status = StatusBoard(source: feed, statusFile: statusFile, logger: logger, onChange: onChange)
        self.status = status
        programs = ProgramStore(status: status, cache: cache, logger: logger, fallbackZone: fallbackZone)
        followers.append(SourceFollower(feed, store: programs, logger: logger, pollInterval: pollInterval, request: request, wallClock: wallClock, clock: clock))
        self.live = live.map { source in
            LiveStore(source: source, cache: liveCache, logger: logger, fallbackZone: fallbackZone, onChange: { status.setLiveStatus($0) })
        }
        if let live, let store = self.live {
            followers.append(SourceFollower(live, store: store, logger: logger, pollInterval: livePollInterval, request: request, wallClock: wallClock, clock: clock))
        }
    }

    /// Stops watching and polling.
    public func stop() {
        for follower in followers { follower.stop() }
    }
}
