import Foundation
import Logging
import Metrics
import ScheduleCore
import SignText

/// The technician's live state (delays, full rooms, alerts), shared between the thread that
/// watches or polls the live source and the render loop. Like the program's `FeedStore`: every
/// candidate is validated (against the program on screen, since a live file names its rooms),
/// only a valid one replaces the state in force, the last good one is kept in the state
/// directory and taken up again after a restart. A live file that arrives before any program
/// waits, and is judged when the loop first asks with a program (`state(for:)`).
public final class LiveStore: FeedConsumer, @unchecked Sendable {
    private struct Candidate {
        let bytes: [UInt8]
        let origin: String
        let at: Date
        let fromCache: Bool
    }

    /// The saved last good live file's name in the state directory.
    public static let cacheFileName = "last-good-live"

    private let lock = NSLock()
    private var state: LiveState = .none
    private var pending: Candidate?
    private var lastRejectedHash: String?
    private var status: LiveStatus
    private let cache: FeedCache?
    private let logger: Logger
    private let programs: @Sendable () -> Program?
    private let onChange: @Sendable (LiveStatus) -> Void
    private let wallClock: any WallClock

    /// - Parameters:
    ///   - source: named in the status.
    ///   - cache: where the last good live file is kept (nil: not kept).
    ///   - program: the program on screen (as read from the feed), to judge a live file against.
    ///   - wallClock: stamps a saved copy taken up at start.
    ///   - onChange: called with the new status after the state or status changed (the kiosk
    ///     puts it in the status file and wakes the render loop).
    public init(source: FeedSource, cache: FeedCache?, logger: Logger, wallClock: any WallClock = SystemWallClock(),
                program: @escaping @Sendable () -> Program?, onChange: @escaping @Sendable (LiveStatus) -> Void = { _ in }) {
        self.wallClock = wallClock
        self.status = LiveStatus(source: source.description)
        self.cache = cache
        self.logger = logger
        self.programs = program
        self.onChange = onChange
    }

    public var kind: FeedKind { .live }
    public var hasContent: Bool { lock.withLock { status.origin != .none || pending != nil } }

    /// The status, as the status file shows it.
    public func snapshot() -> LiveStatus {
        lock.withLock { status }
    }

    /// The live state in force, judging a live file that waited for a program against `program`.
    public func state(for program: Program) -> LiveState {
        if let candidate = lock.withLock({ pending }) {
            judge(candidate, program: program)
        }
        return lock.withLock { state }
    }

    /// Takes up the saved last good live file (judged against the program when there is one).
    @discardableResult
    public func loadCache() -> Bool {
        guard let cache, let bytes = cache.loadBytes(kind: kind) else { return false }
        let candidate = Candidate(bytes: bytes, origin: cache.path, at: wallClock.now(), fromCache: true)
        if let program = programs() {
            return judge(candidate, program: program) == .accepted
        }
        update { status in
            self.pending = candidate
            status.waitingForProgram = true
        }
        return true
    }

    @discardableResult
    public func offer(_ bytes: [UInt8], at now: Date, origin name: String) -> FeedStore.Outcome {
        let hash = FeedHash.of(bytes)
        let (currentHash, fromSource, rejectedHash) = lock.withLock { (status.hash, status.origin == .source, lastRejectedHash) }
        if hash == currentHash && fromSource || hash == rejectedHash {
            update { $0.recordAnswer(at: now, success: hash == currentHash) }
            return hash == currentHash ? .unchanged : .rejected
        }
        let candidate = Candidate(bytes: bytes, origin: name, at: now, fromCache: false)
        guard let program = programs() else {
            update { status in
                self.pending = candidate
                status.lastAttempt = now
                status.waitingForProgram = true
            }
            logger.notice("live file read; it is judged once there is a program", metadata: ["source": "\(name)"])
            return .accepted
        }
        return judge(candidate, program: program)
    }

    public func sourceFailed(_ reason: String, at now: Date) {
        update { $0.recordFailure(reason, at: now) }
        logger.warning("live source failed; what was in force stays", metadata: ["reason": "\(reason)"])
    }

    public func sourceUnchanged(at now: Date) {
        update { $0.recordAnswer(at: now, success: true) }
    }

    public func setStaleAfter(_ count: Int) {
        update { $0.staleAfter = count }
    }

    /// Validates a candidate against the program; only a valid one is put in force.
    @discardableResult
    private func judge(_ candidate: Candidate, program: Program) -> FeedStore.Outcome {
        // A saved copy the feed has since lost a room of keeps the rest in force (an emergency above all).
        let report = LiveReader.read(candidate.bytes, program: program, unknownRooms: candidate.fromCache ? .dropped : .error)
        let hash = FeedHash.of(candidate.bytes)
        guard let state = report.state else {
            let errors = report.errors.map { $0.formatted(file: candidate.origin) }
            update { status in
                if let pending = self.pending, pending.bytes == candidate.bytes { self.pending = nil }
                status.waitingForProgram = false
                guard !candidate.fromCache else { return }  // A saved copy the program no longer fits: not the technician's edit.
                status.recordAnswer(at: candidate.at, success: false)
                status.rejectedErrors = errors
                status.rejectedAt = candidate.at
                self.lastRejectedHash = hash
            }
            KioskMetrics.rejected.increment()
            logger.warning("rejected an invalid live file; the screens keep what was in force",
                           metadata: ["errors": "\(report.errorCount)", "first": "\(errors.first ?? "")"])
            return .rejected
        }
        if !candidate.fromCache {
            do {
                try cache?.store(candidate.bytes)
            } catch {
                logger.error("could not store the last good live file", metadata: ["error": "\(error)"])
            }
        }
        // For the status file, which outlives the day: days named, nothing judged against the
        // real clock (a demo's sign clock may be years away from it).
        let words = LiveSummary.lines(state, program: program, at: nil)
        update { status in
            if let pending = self.pending, pending.bytes == candidate.bytes { self.pending = nil }
            self.state = state
            self.lastRejectedHash = nil
            status.waitingForProgram = false
            status.origin = candidate.fromCache ? .cache : .source
            status.hash = hash
            status.inForce = words
            if !candidate.fromCache {
                // A saved copy taken up after a broken edit leaves that edit's errors on show.
                status.rejectedErrors = []
                status.rejectedAt = nil
                status.recordAnswer(at: candidate.at, success: true)
                status.lastChange = candidate.at
            }
        }
        logger.notice("live state in force", metadata: ["origin": "\(candidate.fromCache ? "cache" : "source")", "in_force": "\(words.joined(separator: " | "))"])
        return .accepted
    }

    private func update(_ change: (inout LiveStatus) -> Void) {
        let after = lock.withLock { () -> LiveStatus in
            change(&status)
            return status
        }
        onChange(after)
    }
}
