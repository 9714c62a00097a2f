import Foundation

/// When a kiosk run ends by itself (`--until`, `--duration`); by default it never does.
public struct KioskLimits: Sendable {
    /// Stop when the sign's clock reaches this instant.
    public var signTime: Date?
    /// Stop after this much time on the driver's clock.
    public var realDuration: Duration?

    public init(signTime: Date? = nil, realDuration: Duration? = nil) {
        self.signTime = signTime
        self.realDuration = realDuration
    }
}
