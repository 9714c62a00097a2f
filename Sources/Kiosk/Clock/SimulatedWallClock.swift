import DisplayContract
import Foundation

/// A sign clock that starts at a chosen instant and runs `speed` times faster than `clock`
/// (`skylt run --clock 2020-02-06T08:20 --speed 60`: a conference day in eight minutes). It
/// advances with the injected clock, so a test clock moves it without waiting.
public struct SimulatedWallClock<C: Clock>: WallClock where C.Duration == Duration {
    public let start: Date
    public let speed: Double
    private let clock: C
    private let origin: C.Instant

    /// - Parameters:
    ///   - start: the instant shown at once.
    ///   - speed: sign seconds per second of `clock` (> 0).
    public init(start: Date, speed: Double, clock: C) {
        self.start = start
        self.speed = speed
        self.clock = clock
        origin = clock.now
    }

    public func now() -> Date {
        start.addingTimeInterval(origin.duration(to: clock.now).seconds * speed)
    }

    public func evidence(at now: Date) -> ClockEvidence? { nil }
}
