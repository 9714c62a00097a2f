import Foundation

/// Time bounds in tests that check a promise made to people ("on every screen within a
/// second"). They hold as written in the plain test run (`.ci/test`); under a sanitizer every
/// instruction costs several times more, and `.ci/leaks` says so with
/// `SKYLT_TEST_TIME_FACTOR` (there the bounds catch hangs, and the plain run the latency).
public enum TimingAllowance {
    /// How many times slower than a plain build this run is (1 unless the environment says).
    public static let factor: Double = {
        guard let text = ProcessInfo.processInfo.environment["SKYLT_TEST_TIME_FACTOR"], let value = Double(text), value >= 1, value <= 100 else { return 1 }
        return value
    }()

    /// `seconds`, allowing for this run's factor.
    public static func seconds(_ seconds: Double) -> Double { seconds * factor }
}
