/// How much one feed may hold, whatever its format, checked while it is read: a feed past a
/// limit is rejected with a located error and the last good program stays on screen. Chosen
/// from the largest real congresses with wide headroom: 36C3 had 1,351 events in 92 rooms over
/// 4 days, 39C3 about 900 events.
public enum FeedLimits {
    /// Larger feeds are refused before parsing (a file, a URL's body after decompression).
    public static let maxBytes = 16 * 1024 * 1024
    /// Sessions in one feed, recurrences expanded: 74 times 36C3.
    public static let maxSessions = 100_000
    /// Rooms in one feed: ten times 36C3; a lobby shows a few dozen at most.
    public static let maxRooms = 1_000
    /// Notices in one feed.
    public static let maxNotices = 1_000
    /// Occurrences of one recurring calendar event (a daily session for almost three years).
    public static let maxInstancesPerRecurrence = 1_000

    /// "1,001 rooms; a feed may have at most 1,000": the error for `count` things past `limit`.
    static func exceeded(_ count: Int, _ things: String, limit: Int) -> String {
        "\(grouped(count)) \(things); a feed may have at most \(grouped(limit))"
    }

    /// "12,345" — limits and counts in messages, grouped for reading.
    static func grouped(_ number: Int) -> String {
        let digits = String(number)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
