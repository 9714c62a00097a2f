/// When the frame loop pings systemd's watchdog: every `interval` (half of `WatchdogSec`), on
/// the loop's own clock, so a hung loop really stops the pings and a wall clock stepped by NTP
/// neither stops nor floods them.
public struct WatchdogSchedule<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    public let interval: Duration
    private var lastPing: Instant?

    public init(interval: Duration) {
        self.interval = interval
    }

    /// Whether a ping is due at `now` (a little early is fine: 90 % of the interval).
    public func isDue(at now: Instant) -> Bool {
        guard let lastPing else { return true }
        return lastPing.duration(to: now) >= interval * 0.9
    }

    /// Records a ping sent at `now`.
    public mutating func pinged(at now: Instant) {
        lastPing = now
    }

    /// How long the loop may sleep from `now` before the next ping is due.
    public func timeUntilNextPing(from now: Instant) -> Duration {
        guard let lastPing else { return .zero }
        let remaining = interval - lastPing.duration(to: now)
        return remaining > .zero ? remaining : .zero
    }
}
