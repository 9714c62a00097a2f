import Foundation
import Logging
import Metrics
import ScheduleCore
import SignText

/// The technician's live state (delays, full rooms, alerts), shared between the thread that
/// watches or polls the live source and the render loop. Like the `ProgramStore`: every
/// candidate is validated, only a valid one replaces the state in force, the last good one is
/// kept in the state directory and taken up again after a restart. A live file stands on its
/// own: it is judged without waiting for a program (an alert needs none), and judged again
/// against each new program the loop shows (`state(for:)`), where a room the program lacks
/// is a warning in the status and every other entry stays in force.
public final class LiveStore: SourceConsumer, @unchecked Sendable {
    /// The saved last good live file's name in the state directory.
    public static let cacheFileName = "last-good-live"

    /// The live file in force and what it was last read against.
    private struct InForce {
        let bytes: [UInt8]
        let origin: String
        var state: LiveState
        /// The program it was last read against (nil: none), to read it again for a new one.
        var program: Program?
    }

    private let lock = NSLock()
    private var inForce: InForce?
    private var lastRejectedHash: String?
    private var status: LiveStatus
    private let cache: SourceCache?
    private let logger: Logger
    private let fallbackZone: TimeZone?
    private let onChange: @Sendable (LiveStatus) -> Void

    /// - Parameters:
    ///   - source: named in the status.
    ///   - cache: where the last good live file is kept (nil: not kept).
    ///   - fallbackZone: the zone for a hand-written wall-clock time before there is a program.
    ///   - onChange: called with the new status after the state or status changed (the kiosk
    ///     puts it in the status file and wakes the render loop).
    public init(source: SourceAddress, cache: SourceCache?, logger: Logger, fallbackZone: TimeZone? = nil,
                onChange: @escaping @Sendable (LiveStatus) -> Void = { _ in }) {
        self.status = LiveStatus(source: source.description)
        self.cache = cache
        self.logger = logger
        self.fallbackZone = fallbackZone
        self.onChange = onChange
    }

    public var kind: SourceKind { .live }
    public var hasContent: Bool { lock.withLock { inForce != nil } }

    /// The status, as the status file shows it.
    public func snapshot() -> LiveStatus {
        lock.withLock { status }
    }

    /// The live state in force, read against `program` (the one on screen; nil: none yet).
    /// Reading it again for a new program takes a moment only when the program changed.
    public func state(for program: Program?) -> LiveState {
        guard let current = lock.withLock({ inForce }) else { return .none }
        if current.program === program { return current.state }
        let report = LiveReader.read(current.bytes, program: program, fallbackZone: fallbackZone)
        let warnings = report.diagnostics.map { $0.formatted(file: current.origin) }
        // A file that was valid stays valid for any program (rooms are only warned about); a
        // wall-clock time in a zone's gap is the one way it may not: then the state read before stays.
        let state = report.state ?? current.state
        let words = LiveSummary.lines(state, program: program, at: nil)
        update { status in
            guard self.inForce?.bytes == current.bytes else { return }
            self.inForce?.state = state
            self.inForce?.program = program
            status.warnings = warnings
            status.inForce = words
        }
        return state
    }

    /// Takes up the saved last good live file, if there is one (at start).
    @discardableResult
    public func loadCache() -> Bool {
        guard let cache, let bytes = cache.loadBytes(kind: kind) else { return false }
        return judge(bytes, origin: cache.path, at: nil) == .accepted
    }

    @discardableResult
    public func offer(_ bytes: [UInt8], at now: Date, origin name: String) -> SourceOutcome {
        let hash = ContentHash.of(bytes)
        let (currentHash, fromSource, rejectedHash) = lock.withLock { (status.hash, status.origin == .source, lastRejectedHash) }
        if hash == currentHash && fromSource || hash == rejectedHash {
            update { $0.recordAnswer(at: now, success: hash == currentHash) }
            return hash == currentHash ? .unchanged : .rejected
        }
        return judge(bytes, origin: name, at: now)
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

    /// Validates a candidate (against the program last shown); only a valid one is put in force.
    /// - Parameter now: when it arrived from the source; nil for the saved copy.
    @discardableResult
    private func judge(_ bytes: [UInt8], origin: String, at now: Date?) -> SourceOutcome {
        let program = lock.withLock { inForce?.program }
        let report = LiveReader.read(bytes, program: program, fallbackZone: fallbackZone)
        let hash = ContentHash.of(bytes)
        guard let state = report.state else {
            let errors = report.errors.map { $0.formatted(file: origin) }
            if let now {
                update { status in
                    self.lastRejectedHash = hash
                    status.recordAnswer(at: now, success: false)
                    status.rejectedErrors = errors
                    status.rejectedAt = now
                }
            }
            KioskMetrics.rejected.increment()
            logger.warning(now == nil ? "the saved live file is not valid; left alone" : "rejected an invalid live file; the screens keep what was in force",
                           metadata: ["errors": "\(report.errorCount)", "first": "\(errors.first ?? "")"])
            return .rejected
        }
        if now != nil {
            do {
                try cache?.store(bytes)
            } catch {
                logger.error("could not store the last good live file", metadata: ["error": "\(error)"])
            }
        }
        // For the status file, which outlives the day: days named, nothing judged against the
        // real clock (a demo's sign clock may be years away from it).
        let words = LiveSummary.lines(state, program: program, at: nil)
        let warnings = report.diagnostics.map { $0.formatted(file: origin) }
        update { status in
            self.inForce = InForce(bytes: bytes, origin: origin, state: state, program: program)
            self.lastRejectedHash = nil
            status.origin = now == nil ? .cache : .source
            status.hash = hash
            status.inForce = words
            status.warnings = warnings
            if let now {
                // A saved copy taken up after a broken edit leaves that edit's errors on show.
                status.rejectedErrors = []
                status.rejectedAt = nil
                status.recordAnswer(at: now, success: true)
                status.lastChange = now
            }
        }
        for warning in warnings { logger.warning("live file: \(warning)", metadata: [:]) }
        logger.notice("live state in force", metadata: ["origin": "\(now == nil ? "cache" : "source")", "in_force": "\(words.joined(separator: " | "))"])
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
