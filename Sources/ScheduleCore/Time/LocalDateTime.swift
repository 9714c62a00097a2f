import Foundation

/// A wall-clock date and time with no zone attached ("2020-02-06T09:00"), as a technician
/// writes it. Proleptic Gregorian calendar, years 1–9999.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Seconds since 1970-01-01T00:00 of this wall-clock reading, as if it were UTC.
    public var secondsSinceEpoch: Int {
        CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// The wall-clock reading `seconds` after 1970-01-01T00:00.
    public init(secondsSinceEpoch seconds: Int) {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let rest = seconds - days * 86_400
        let (year, month, day) = CivilCalendar.civil(fromDaysSinceEpoch: days)
        self.init(year: year, month: month, day: day, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60)
    }

    /// The days since 1970-01-01 of this date (for comparing calendar days).
    public var dayNumber: Int { CivilCalendar.daysSinceEpoch(year: year, month: month, day: day) }

    /// `YYYY-MM-DDTHH:MM` or, with seconds, `YYYY-MM-DDTHH:MM:SS`.
    public var description: String {
        let base = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2))"
        return second == 0 ? base : base + ":" + pad(second, 2)
    }

    /// `HH:MM`.
    public var timeText: String { "\(pad(hour, 2)):\(pad(minute, 2))" }

    /// `YYYY-MM-DD`.
    public var dateText: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let text = String(abs(value))
    let padded = text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    return value < 0 ? "-" + padded : padded
}

/// Calendar arithmetic on the proleptic Gregorian calendar (H. Hinnant's algorithms),
/// independent of Foundation's calendars so that it is fast and exact for any year.
public enum CivilCalendar {
    /// Days from 1970-01-01 to the given date.
    public static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date that is `days` after 1970-01-01.
    public static func civil(fromDaysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whether `year` has a 29 February.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// 1 = Monday … 7 = Sunday.
    public static func isoWeekday(daysSinceEpoch days: Int) -> Int {
        // 1970-01-01 was a Thursday (4).
        ((days % 7 + 7) % 7 + 3) % 7 + 1
    }
}

extension LocalDateTime {
    /// The last instant a feed can name (9999-12-31T23:59:59 at UTC−12:00, the latest clock on
    /// Earth). Imports that compute an end (a duration, a recurrence) past it are refused: nothing
    /// could write that end back, and the arithmetic on absurd durations must never trap.
    public static let latestInstant = Date(timeIntervalSince1970: TimeInterval(
        LocalDateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59).secondsSinceEpoch + 12 * 3600))
}
