/// When `main` started, for the "first frame after N ms" report.
public enum ProcessStart {
    /// The instant `mark()` fixed.
    public static let instant = ContinuousClock.now

    /// Fixes the instant (call first thing in main).
    public static func mark() { _ = instant }

    /// Milliseconds since `mark()`.
    public static var milliseconds: Double {
        let (seconds, attoseconds) = instant.duration(to: .now).components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
