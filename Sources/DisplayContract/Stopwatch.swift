/// Real time elapsed since it was made, on an injected clock: what a display measures its
/// waits and its probes with, so that a test's clock drives them and nothing reads the
/// system's clock behind the loop's back.
public struct Stopwatch: Sendable {
    private let read: @Sendable () -> Duration

    /// Starts measuring on `clock`.
    public init<C: Clock>(_ clock: C) where C.Duration == Duration {
        let start = clock.now
        read = { start.duration(to: clock.now) }
    }

    /// The time since it was made.
    public var elapsed: Duration { read() }
}
