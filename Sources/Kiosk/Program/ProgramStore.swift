import Foundation
import Logging
import Metrics
import ScheduleCore

/// The program on screen, shared between the threads that fetch the feed and the render loop.
/// Every candidate feed goes through the same validation; only a valid one replaces the
/// program, in one step, so the renderer never sees half an update. What happened to the feed
/// is reported to the kiosk's `StatusBoard`.
public final class ProgramStore: SourceConsumer, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Program?
    private var lastRejectedHash: String?
    private let cache: SourceCache?
    private let logger: Logger
    private let fallbackZone: TimeZone?
    /// Where the feed's status goes.
    public let status: StatusBoard

    /// - Parameters:
    ///   - status: where the feed's status is reported.
    ///   - cache: where the last good feed is kept (nil: not kept).
    ///   - fallbackZone: the zone for a schedule that names none and gives no offsets (`FeedReader`);
    ///     the executable passes the machine's zone.
    public init(status: StatusBoard, cache: SourceCache?, logger: Logger, fallbackZone: TimeZone? = nil) {
        self.status = status
        self.fallbackZone = fallbackZone
        self.cache = cache
        self.logger = logger
    }

    public var kind: SourceKind { .feed }
    public var hasContent: Bool { program != nil }

    /// The program on screen (nil: none yet).
    public var program: Program? { lock.withLock { current } }

    /// Shows the cached last good feed, if there is one (used at start).
    @discardableResult
    public func loadCache() -> Bool {
        guard let cache, let (bytes, program) = cache.load(fallbackZone: fallbackZone) else { return false }
        lock.withLock { current = program }
        status.update { status in
            status.origin = .cache
            status.feedHash = ContentHash.of(bytes)
            status.sessionCount = program.sessions.count
            status.roomCount = program.rooms.count
        }
        logger.notice("showing the cached last good feed", metadata: ["sessions": "\(program.sessions.count)", "hash": "\(ContentHash.of(bytes))"])
        return true
    }

    /// A candidate feed from the source: validated, and shown only if valid.
    @discardableResult
    public func offer(_ bytes: [UInt8], at now: Date, origin name: String) -> SourceOutcome {
        let hash = ContentHash.of(bytes)
        let (currentHash, fromSource) = status.read { ($0.feedHash, $0.origin == .source) }
        let rejectedHash = lock.withLock { lastRejectedHash }
        if hash == currentHash && fromSource || hash == rejectedHash {
            status.update { $0.recordAnswer(at: now, success: hash == currentHash) }
            return hash == currentHash ? .unchanged : .rejected
        }
        let report = FeedReader.read(bytes, fallbackZone: fallbackZone)
        defer { if bytes.count > 1_048_576 { MemoryTuning.returnFreedMemory() } }  // After a large feed: its parse tree (and the program it replaced) are gone.
        guard let program = report.program else {
            let errors = report.errors.map { $0.formatted(file: name) }
            lock.withLock { lastRejectedHash = hash }
            status.update { status in
                status.recordAnswer(at: now, success: false)
                status.rejectedErrors = errors
                status.rejectedAt = now
            }
            KioskMetrics.rejected.increment()
            logger.warning("rejected an invalid feed; the screen keeps the last good program",
                           metadata: ["errors": "\(report.errorCount)", "first": "\(errors.first ?? "")"])
            return .rejected
        }
        var saved = true
        do {
            try cache?.store(bytes)
        } catch {
            saved = false
            logger.error("could not store the last good feed", metadata: ["error": "\(error)"])
        }
        let previousCount = self.program?.sessions.count ?? 0
        let emptied = program.sessions.isEmpty && previousCount > 0 && report.format != .skyltV1 ? previousCount : nil
        if let emptied {
            logger.warning("an imported feed with no sessions replaced a program of \(emptied); check the export", metadata: ["format": "\(report.format.rawValue)"])
        }
        lock.withLock {
            current = program
            lastRejectedHash = nil
        }
        status.update { status in
            status.feedSaved = saved
            status.emptiedFrom = emptied
            status.origin = .source
            status.recordAnswer(at: now, success: true)
            status.lastChange = now
            status.feedHash = hash
            status.feedFormat = report.format.rawValue
            status.sessionCount = program.sessions.count
            status.roomCount = program.rooms.count
            status.rejectedErrors = []
            status.rejectedAt = nil
        }
        KioskMetrics.reloads.increment()
        logger.notice("new feed on screen", metadata: ["sessions": "\(program.sessions.count)", "rooms": "\(program.rooms.count)",
                                                       "hash": "\(hash)", "warnings": "\(report.warningCount)"])
        return .accepted
    }

    /// The source could not be reached or read; the program on screen stays.
    public func sourceFailed(_ reason: String, at now: Date) {
        KioskMetrics.sourceFailures.increment()
        status.update { $0.recordFailure(reason, at: now) }
        logger.warning("feed source failed", metadata: ["reason": "\(reason)", "in_a_row": "\(status.read(\.failuresInARow))",
                                                     "screen": "\(program == nil ? "waiting" : "keeps the last good program")"])
    }

    /// The source answered that nothing changed (HTTP 304).
    public func sourceUnchanged(at now: Date) {
        status.update { $0.recordAnswer(at: now, success: true) }
    }

    /// Sets how many failures make the feed stale.
    public func setStaleAfter(_ count: Int) {
        status.update { $0.staleAfter = count }
    }
}
