import Foundation

/// Whether the system clock can be trusted. A board without a real-time clock starts in 1970
/// until NTP syncs; a sign must then say it is waiting rather than show a wrong board.
public enum ClockGuard {
    /// No real clock reads earlier than this: Skylt did not exist before 2026-01-01.
    public static let earliestPlausible = Date(timeIntervalSince1970: 1_767_225_600)

    public static func state(of systemTime: Date) -> KioskStatus.ClockState {
        systemTime < earliestPlausible ? .waiting : .ok
    }
}
