import Foundation

/// The system clock: the one place in Skylt's libraries that reads `Date()`.
public struct SystemWallClock: WallClock {
    public init() {}

    public func now() -> Date { Date() }
    public var speed: Double { 1 }
    public var isSystemClock: Bool { true }
}
