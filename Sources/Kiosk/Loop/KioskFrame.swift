import Foundation
import SignLayout

/// What the kiosk's step decided for one instant: the screen to show, its display list, and
/// when the sign next looks different.
public struct KioskFrame: Sendable, Equatable {
    /// Which screen is shown.
    public enum Screen: Sendable, Equatable {
        /// The program's board: a room's sign or the lobby.
        case board(SignMode)
        /// Dark on purpose: outside the screen's hours, or after the last session.
        case blank
        /// The system clock is not set yet (a board without a real-time clock before NTP).
        case waitingForClock
        /// No valid program yet (no feed, no cache).
        case waitingForProgram
        /// The technician's emergency alert, over everything else.
        case emergency
    }

    public var screen: Screen
    public var list: DisplayList
    /// The technician's corner mark shown, if any.
    public var statusMark: String?
    /// Whether the system clock could be trusted at this instant.
    public var clock: KioskStatus.ClockState
    /// The sign's next instant at which the frame may differ (waking earlier is harmless).
    public var wake: Date

    public init(screen: Screen, list: DisplayList, statusMark: String?, clock: KioskStatus.ClockState, wake: Date) {
        self.screen = screen
        self.list = list
        self.statusMark = statusMark
        self.clock = clock
        self.wake = wake
    }
}
