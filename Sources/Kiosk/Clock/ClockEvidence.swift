import Foundation

/// What the system says about its own clock, gathered at the edge (`SystemWallClock`) for
/// `ClockGuard`: a board without a real-time clock, or with one that was never set, boots with
/// a clock that *looks* plausible once systemd has advanced it to its build date.
public struct ClockEvidence: Sendable, Equatable {
    /// Seconds since the kernel started (`CLOCK_BOOTTIME`).
    public var secondsSinceBoot: TimeInterval
    /// The latest date the system knows it is not earlier than: systemd advances a clock that
    /// reads earlier to this at boot (its build date, or `/usr/lib/clock-epoch`). nil: unknown.
    public var epoch: Date?
    /// Whether an NTP client has said the clock is synchronised during this boot
    /// (systemd-timesyncd's `/run/systemd/timesync/synchronized`).
    public var synchronized: Bool

    public init(secondsSinceBoot: TimeInterval, epoch: Date?, synchronized: Bool) {
        self.secondsSinceBoot = secondsSinceBoot
        self.epoch = epoch
        self.synchronized = synchronized
    }
}
