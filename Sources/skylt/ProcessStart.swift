/// When `main` started, for the "first frame after N ms" report.
enum ProcessStart {
    static let instant = ContinuousClock.now

    /// Fixes the instant (call first thing in main).
    static func mark() { _ = instant }

    /// Milliseconds since `mark()`.
    static var milliseconds: Double {
        let (seconds, attoseconds) = instant.duration(to: .now).components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
