import Foundation

/// The sign's idea of "now": the real clock, or a simulated one that starts at a chosen time
/// and may run faster (`--clock`, `--speed`) for demos and tests.
struct SignClock {
    let start: Date
    let speed: Double
    /// Set by `--clock`/`--speed`; otherwise the sign follows the system clock, NTP jumps and all.
    let isSimulated: Bool
    private let realStart = ContinuousClock.now

    /// The system clock.
    init() {
        start = Date()
        speed = 1
        isSimulated = false
    }

    /// A clock that starts at `start` and runs `speed` times faster than real time.
    init(start: Date, speed: Double) {
        self.start = start
        self.speed = speed
        isSimulated = true
    }

    /// Real time elapsed since the clock started.
    var realElapsed: Duration { ContinuousClock.now - realStart }

    /// The sign's current instant.
    func now() -> Date {
        guard isSimulated else { return Date() }
        let elapsed = realElapsed
        let seconds = elapsed.seconds
        return start.addingTimeInterval(seconds * speed)
    }

    /// Real seconds until the sign's clock reaches `instant` (0 if it has).
    func realSeconds(until instant: Date) -> Double {
        max(0, instant.timeIntervalSince(now()) / speed)
    }
}

/// When `main` started, for the "first frame after N ms" report.
enum ProcessStart {
    static let instant = ContinuousClock.now

    /// Fixes the instant (call first thing in main).
    static func mark() { _ = instant }

    static var milliseconds: Double {
        let elapsed = ContinuousClock.now - instant
        return elapsed.seconds * 1000
    }
}
