import Foundation
import ScheduleCore

/// Instants written as in feeds, for tests.
public enum TestInstant {
    /// An absolute instant from `YYYY-MM-DDTHH:MM[:SS]Z` or `…±HH:MM`.
    public static func absolute(_ text: String) -> Date {
        guard case .success(let parsed) = DateTimeText.parse(text), let date = parsed.absoluteDate else {
            fatalError("bad test instant \(text)")
        }
        return date
    }

    /// A wall-clock time (`YYYY-MM-DDTHH:MM[:SS]`) in `zone`.
    public static func local(_ text: String, in zone: TimeZone) -> Date {
        var resolver = WallClockResolver(zone: zone)
        guard case .success(let date) = DateTimeText.parse(text).flatMap({ resolver.instant(of: $0) }) else {
            fatalError("bad test time \(text)")
        }
        return date
    }
}
