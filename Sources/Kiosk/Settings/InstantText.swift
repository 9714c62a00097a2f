import Foundation
import ScheduleCore

/// An instant given as text by a person (`--at`, `--clock`, `--until`, a form field): the
/// feed's date-time formats, a wall-clock time read in `zone`.
public enum InstantText {
    /// The instant `text` names, or a problem naming `setting`.
    public static func parse(_ text: String, zone: TimeZone, setting: String = "--at") throws(SettingProblem) -> Date {
        var resolver = WallClockResolver(zone: zone)
        switch DateTimeText.parse(text).flatMap({ resolver.instant(of: $0) }) {
        case .success(let date): return date
        case .failure(let problem): throw SettingProblem("\(setting): \(problem.message)")
        }
    }
}
