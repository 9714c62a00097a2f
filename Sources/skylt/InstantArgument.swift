import Foundation
import Kiosk

/// `--at` values: the feed's date-time formats, resolved in the feed's zone (`InstantText`).
enum InstantArgument {
    static func parse(_ text: String, zone: TimeZone, option: String = "--at") throws -> Date {
        do throws(SettingProblem) { return try InstantText.parse(text, zone: zone, setting: option) } catch { throw CLIError.usage(error.description) }
    }
}
