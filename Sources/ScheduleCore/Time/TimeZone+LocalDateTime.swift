import Foundation

extension TimeZone {
    /// The wall-clock reading of `date` in this zone.
    public func localDateTime(for date: Date) -> LocalDateTime {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        return LocalDateTime(secondsSinceEpoch: seconds + secondsFromGMT(for: date))
    }

    /// ISO 8601 with this zone's offset at that instant, e.g. `2020-02-06T10:20:00+01:00`.
    public func iso8601(_ date: Date) -> String {
        let offset = secondsFromGMT(for: date)
        let local = LocalDateTime(secondsSinceEpoch: Int(date.timeIntervalSince1970.rounded(.down)) + offset)
        return "\(local.dateText)T\(pad(local.hour, 2)):\(pad(local.minute, 2)):\(pad(local.second, 2))" + OffsetText.format(offset)
    }
}
