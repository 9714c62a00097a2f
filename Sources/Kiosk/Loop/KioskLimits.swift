import Foundation

/// When a kiosk run ends by itself (`--until`, `--duration`); by default it never does.
public struct KioskLimits: Sendable {
    /// Stop when the sign's clock reaches this instant.
    public var signTime: Date?
    /// Stop after this much time on the driver's clock.
    public var realDuration: Duration?

    /// The longest a frame (layout and drawing) may take. The readers bound every text so that
    /// no accepted input comes near it (`skylt-bench worst-text`); a frame that takes longer all
    /// the same is logged, and while its inputs stay the same the loop shows a plain fallback
    /// frame instead of laying it out again. The watchdog is fed before and after each frame.
    public static let frameBudget: Duration = .seconds(2)

    public init(signTime: Date? = nil, realDuration: Duration? = nil) {
        self.signTime = signTime
        self.realDuration = realDuration
    }
}
