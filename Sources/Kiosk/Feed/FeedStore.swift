import Foundation
import Logging
import Metrics
import ScheduleCore

/// The program on screen and the status around it, shared between the threads that fetch
/// feeds and the render loop. Every candidate feed goes through the same validation; only a
/// valid one replaces the program, in one step, so the renderer never sees half an update.
public final class FeedStore: FeedConsumer, @unchecked Sendable {
    /// What a candidate feed led to.
    public enum Outcome: Equatable, Sendable {
        case accepted, unchanged, rejected
    }

    private let lock = NSLock()
    /// Counts status changes (under `lock`); the status file holds the newest written (under `writeLock`).
    private var statusVersion = 0
    private let writeLock = NSLock()
    private var writtenVersion = 0
    private var program: Program?
    private var status: KioskStatus
    private var lastRejectedHash: String?
    private let cache: FeedCache?
    private let logger: Logger
    private let onChange: @Sendable () -> Void
    private let statusFile: String?
    private let fallbackZone: TimeZone?

    /// - Parameters:
    ///   - source: named in the status.
    ///   - cache: where the last good feed is kept (nil: not kept).
    ///   - statusFile: rewritten atomically on every change (nil: none).
    ///   - fallbackZone: the zone for a schedule that names none and gives no offsets (`FeedReader`);
    ///     the executable passes the machine's zone.
    ///   - onChange: called (on the caller's thread) after the program or status changed, to wake the render loop.
    public init(source: FeedSource, cache: FeedCache?, statusFile: String?, logger: Logger, fallbackZone: TimeZone? = nil,
                onChange: @escaping @Sendable () -> Void = {}) {
        self.fallbackZone = fallbackZone
        self.status = KioskStatus(source: source.description)
        self.cache = cache
        self.statusFile = statusFile
        self.logger = logger
        self.onChange = onChange
    }

    public var kind: FeedKind { .feed }
    public var hasContent: Bool { lock.withLock { program != nil } }

    /// The program on screen and the status, read together.
    public func snapshot() -> (program: Program?, status: KioskStatus) {
        lock.withLock { (program, status) }
    }

    /// Shows the cached last good feed, if there is one (used at start).
    @discardableResult
    public func loadCache() -> Bool {
        guard let cache, let (bytes, program) = cache.load(fallbackZone: fallbackZone) else { return false }
        update { status in
            self.program = program
            status.origin = .cache
            status.feedHash = FeedHash.of(bytes)
            status.sessionCount = program.sessions.count
            status.roomCount = program.rooms.count
        }
        logger.notice("showing the cached last good feed", metadata: ["sessions": "\(program.sessions.count)", "hash": "\(FeedHash.of(bytes))"])
        return true
    }

    /// A candidate feed from the source: validated, and shown only if valid.
    @discardableResult
    public func offer(_ bytes: [UInt8], at now: Date, origin name: String) -> Outcome {
        let hash = FeedHash.of(bytes)
        let (currentHash, fromSource, rejectedHash) = lock.withLock { (status.feedHash, status.origin == .source, lastRejectedHash) }
        if hash == currentHash && fromSource || hash == rejectedHash {
            update { $0.recordAnswer(at: now, success: hash == currentHash) }
            return hash == currentHash ? .unchanged : .rejected
        }
        let report = FeedReader.read(bytes, fallbackZone: fallbackZone)
        defer { if bytes.count > 1_048_576 { MemoryTuning.returnFreedMemory() } }  // After a large feed: its parse tree (and the program it replaced) are gone.
        guard let program = report.program else {
            let errors = report.errors.map { $0.formatted(file: name) }
            update { status in
                status.recordAnswer(at: now, success: false)
                status.rejectedErrors = errors
                status.rejectedAt = now
                self.lastRejectedHash = hash
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
        let previousCount = lock.withLock { self.program?.sessions.count ?? 0 }
        let emptied = program.sessions.isEmpty && previousCount > 0 && report.format != .skyltV1 ? previousCount : nil
        if let emptied {
            logger.warning("an imported feed with no sessions replaced a program of \(emptied); check the export", metadata: ["format": "\(report.format.rawValue)"])
        }
        update { status in
            status.feedSaved = saved
            status.emptiedFrom = emptied
            self.program = program
            self.lastRejectedHash = nil
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
        update { $0.recordFailure(reason, at: now) }
        logger.warning("feed source failed", metadata: ["reason": "\(reason)", "in_a_row": "\(lock.withLock { status.failuresInARow })",
                                                     "screen": "\(lock.withLock { program == nil } ? "waiting" : "keeps the last good program")"])
    }

    /// The source answered that nothing changed (HTTP 304).
    public func sourceUnchanged(at now: Date) {
        update { $0.recordAnswer(at: now, success: true) }
    }

    /// Sets how many failures make the feed stale.
    public func setStaleAfter(_ count: Int) {
        update { $0.staleAfter = count }
    }

    /// Records whether the clock can be trusted.
    public func setClock(_ state: KioskStatus.ClockState) {
        guard lock.withLock({ status.clock }) != state else { return }
        update { $0.clock = state }
        logger.notice(state == .ok ? "system clock is plausible" : "system clock is implausible; waiting for it", metadata: [:])
    }

    /// Records the technician's live source's status (it goes into the status file, and a
    /// rejected live edit puts the corner mark on screen).
    public func setLiveStatus(_ live: LiveStatus) {
        guard lock.withLock({ status.live }) != live else { return }
        update { $0.live = live }
    }

    /// Records whether the screen is on or off on purpose (never a fault).
    public func setScreenPower(_ power: KioskStatus.ScreenPower) {
        guard lock.withLock({ status.screen }) != power else { return }
        update { $0.screen = power }
        logger.notice(power == .on ? "screen on" : "screen off until its hours begin", metadata: [:])
    }

    private func update(_ change: (inout KioskStatus) -> Void) {
        let (after, version) = lock.withLock { () -> (KioskStatus, Int) in
            change(&status)
            statusVersion += 1
            return (status, statusVersion)
        }
        if let statusFile {
            // The feed's and the live file's threads update at once: the file is written in
            // order, and a status older than the one on disk is never written over it.
            writeLock.withLock {
                guard version > writtenVersion else { return }
                do {
                    try AtomicFile.write(try after.json(), to: statusFile)
                    writtenVersion = version
                } catch {
                    logger.error("could not write the status file", metadata: ["path": "\(statusFile)", "error": "\(error)"])
                }
            }
        }
        onChange()
    }
}
