import DisplayContract
import Foundation

/// Where the sign's instants come from: what it shows as "now". The system clock in service
/// (`SystemWallClock`), a simulated one for demos (`SimulatedWallClock`, `--clock`/`--speed`),
/// a hand-set one in tests. Elapsed time (debounce, backoff, watchdog, the loop's waits) is
/// never measured with it, but with a `Clock<Duration>`: a wall clock can be stepped by NTP.
public protocol WallClock: Sendable {
    /// The instant the sign shows now.
    func now() -> Date
    /// Sign seconds per real second (1 unless simulated faster).
    var speed: Double { get }
    /// What the system says of this clock at `now`, which `ClockGuard` weighs: the system
    /// clock may not be set yet on a board without a real-time clock. nil: trusted as given
    /// (a simulated clock).
    func evidence(at now: Date) -> ClockEvidence?
}

extension WallClock {
    /// The real time until this clock reaches `instant`, seen from `now` (zero if it has).
    public func realDuration(until instant: Date, from now: Date) -> Duration {
        .seconds(of: instant.timeIntervalSince(now) / speed)
    }
}
