import Foundation
import Kiosk

/// A wall clock the test sets by hand: stepped back, jumped forward, or left in the year 2000,
/// as NTP and a board without a real-time clock do to the system clock.
public final class SettableWallClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date
    public let isSystemClock: Bool

    /// - Parameter isSystemClock: whether it stands for the system clock (checked for plausibility).
    public init(_ instant: Date, isSystemClock: Bool = true) {
        self.instant = instant
        self.isSystemClock = isSystemClock
    }

    public func now() -> Date { lock.withLock { instant } }
    public var speed: Double { 1 }

    /// Sets the clock to `instant`.
    public func set(_ instant: Date) { lock.withLock { self.instant = instant } }

    /// Moves the clock by `seconds` (negative: back).
    public func step(by seconds: TimeInterval) { lock.withLock { instant.addTimeInterval(seconds) } }
}
