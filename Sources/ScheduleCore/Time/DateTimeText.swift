import Foundation

/// A date-time as written in a feed or on the command line: either a wall-clock reading in
/// the event's zone, or an absolute instant (trailing `Z` or `±HH:MM`).
public enum DateTimeText: Sendable, Equatable {
    case wallClock(LocalDateTime)
    case absolute(LocalDateTime, offsetSeconds: Int)

    /// The instant, when the text carried its own offset.
    public var absoluteDate: Date? {
        guard case .absolute(let local, let offset) = self else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(local.secondsSinceEpoch - offset))
    }

    /// The format, for error messages.
    public static let formatHint = "YYYY-MM-DDTHH:MM[:SS], optionally followed by Z or ±HH:MM"

    /// Parses `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]` (a space may stand for the `T`).
    /// - Returns: the parsed value, or a message that says what is wrong.
    public static func parse(_ text: String) -> Result<DateTimeText, DateTimeTextError> {
        var utf8 = text
        return utf8.withUTF8 { bytes in
            var parser = Scanner(bytes: bytes)
            return parser.parse(text)
        }
    }
}

/// Why a date-time text was refused, in words for a technician.
public struct DateTimeTextError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    mutating func parse(_ text: String) -> Result<DateTimeText, DateTimeTextError> {
        func fail(_ reason: String) -> Result<DateTimeText, DateTimeTextError> {
            .failure(DateTimeTextError(message: "\"\(text)\" is not a date-time: \(reason)"))
        }
        guard let year = digits(4), take("-"), let month = digits(2), take("-"), let day = digits(2) else {
            return fail("expected \(DateTimeText.formatHint)")
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "t") else {
            return fail(index == bytes.count ? "a time is missing; expected \(DateTimeText.formatHint)" : "expected \(DateTimeText.formatHint)")
        }
        index += 1
        guard let hour = digits(2), take(":"), let minute = digits(2) else {
            return fail("expected \(DateTimeText.formatHint)")
        }
        var second = 0
        if take(":") {
            guard let value = digits(2) else { return fail("seconds need two digits") }
            second = value
        }
        if peek == UInt8(ascii: ".") { return fail("fractions of a second are not supported") }
        guard year >= 1 else { return fail("year 0000 does not exist") }
        guard (1...12).contains(month) else { return fail("month \(month) does not exist") }
        let monthLength = CivilCalendar.daysInMonth(year: year, month: month)
        guard (1...monthLength).contains(day) else {
            if month == 2 && day == 29 { return fail("\(year) is not a leap year, so it has no 29 February") }
            return fail("day \(day) does not exist in that month (it has \(monthLength) days)")
        }
        guard hour <= 23 else { return fail("hour \(hour) is out of range (00–23)") }
        guard minute <= 59 else { return fail("minute \(minute) is out of range (00–59)") }
        guard second <= 59 else { return fail("second \(second) is out of range (00–59)") }
        let local = LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        if index == bytes.count { return .success(.wallClock(local)) }
        if take("Z") || take("z") {
            return index == bytes.count ? .success(.absolute(local, offsetSeconds: 0)) : fail("unexpected text after 'Z'")
        }
        guard let sign = peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else {
            return fail("unexpected text after the time; expected Z or ±HH:MM")
        }
        index += 1
        guard let offsetHours = digits(2), take(":"), let offsetMinutes = digits(2), index == bytes.count else {
            return fail("the offset must be written ±HH:MM")
        }
        guard offsetHours <= 18, offsetMinutes <= 59 else { return fail("offset is out of range (at most ±18:00)") }
        let offset = (offsetHours * 3600 + offsetMinutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
        return .success(.absolute(local, offsetSeconds: offset))
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let byte = bytes[index + offset]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += count
        return value
    }
}
