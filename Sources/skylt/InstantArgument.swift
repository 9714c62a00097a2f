import Foundation
import ScheduleCore

/// `--at` values: the feed's date-time formats, resolved in the feed's zone.
enum InstantArgument {
    static func parse(_ text: String, zone: TimeZone, option: String = "--at") throws -> Date {
        var resolver = WallClockResolver(zone: zone)
        switch DateTimeText.parse(text).flatMap({ resolver.instant(of: $0) }) {
        case .success(let date): return date
        case .failure(let problem): throw CLIError.usage("\(option): \(problem.message)")
        }
    }
}
