import Foundation
import Kiosk

/// A wall clock the test sets by hand: stepped back, jumped forward, or left in the year 2000,
/// as NTP and a board without a real-time clock do to the system clock.
public final class SettableWallClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date
    /// Seconds since boot, as `ClockEvidence` reports them: the tests' clocks stand still.
    private let secondsSinceBoot: TimeInterval = 30
    private let isSystemClock: Bool
    /// The system's epoch (`ClockEvidence.epoch`) when it stands for the system clock.
    public let epoch: Date?

    /// - Parameters:
    ///   - isSystemClock: whether it stands for the system clock (checked by `ClockGuard`).
    ///   - epoch: the date systemd advanced the clock to at boot, if it stands for that.
    public init(_ instant: Date, isSystemClock: Bool = true, epoch: Date? = nil) {
        self.instant = instant
        self.isSystemClock = isSystemClock
        self.epoch = epoch
    }

    public func now() -> Date { lock.withLock { instant } }
    public var speed: Double { 1 }

    public func evidence(at now: Date) -> ClockEvidence? {
        guard isSystemClock else { return nil }
        return ClockEvidence(secondsSinceBoot: secondsSinceBoot, epoch: epoch, synchronized: false)
    }

    /// Sets the clock to `instant` (as `date -s` does; the time since boot is unchanged).
    public func set(_ instant: Date) { lock.withLock { self.instant = instant } }

    /// Moves the clock by `seconds` (negative: back), as NTP steps it.
    public func step(by seconds: TimeInterval) { lock.withLock { instant.addTimeInterval(seconds) } }
}
