import Foundation

/// Whether the system clock can be trusted. A board without a real-time clock starts in 1970
/// until NTP syncs, and systemd advances such a clock to its own build date at boot; a sign
/// must then say it is waiting rather than show a wrong board.
public enum ClockGuard {
    /// No real clock reads earlier than this: Skylt did not exist before 2026-01-01.
    public static let earliestPlausible = Date(timeIntervalSince1970: 1_767_225_600)

    /// The clock's state at `now`.
    /// - Parameter evidence: what the system says of its clock; nil for a clock trusted as
    ///   given (a simulated one).
    ///
    /// Waiting when the clock reads before `earliestPlausible`, or when, unless NTP has
    /// synchronised it, the clock read earlier than the system's epoch when the kernel started:
    /// it was then advanced to that epoch, not read from a real clock. Setting the clock by hand
    /// (`date -s`, `timedatectl set-time`) moves the boot instant past the epoch and ends the wait.
    public static func state(of now: Date, evidence: ClockEvidence?) -> KioskStatus.ClockState {
        guard let evidence else { return .ok }
        if now < earliestPlausible { return .waiting }
        if evidence.synchronized { return .ok }
        if let epoch = evidence.epoch, now.addingTimeInterval(-evidence.secondsSinceBoot) < epoch { return .waiting }
        return .ok
    }
}
