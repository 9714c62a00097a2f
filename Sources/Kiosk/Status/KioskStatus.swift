import Foundation

/// What the kiosk knows about its feed and clock, for the technician (the status file) and for
/// the small mark on screen.
public struct KioskStatus: SourceAttempts, Sendable, Equatable, Codable {
    /// Where the program on screen came from.
    public enum Origin: String, Sendable, Codable {
        case source, cache, none
    }

    public enum ClockState: String, Sendable, Codable {
        case ok
        /// The system clock is before Skylt was built: an SBC without a real-time clock that
        /// has not synced with NTP yet.
        case waiting = "waiting-for-clock"
    }

    /// Whether the screen is on, or off on purpose (outside its hours, after the last session).
    public enum ScreenPower: String, Sendable, Codable {
        case on
        case offOnPurpose = "off-on-purpose"
    }

    public var source: String
    public var lastAttempt: Date?
    public var lastSuccess: Date?
    public var lastChange: Date?
    public var failuresInARow = 0
    public var lastError: String?
    public var feedHash: String?
    public var feedFormat: String?
    public var sessionCount = 0
    public var roomCount = 0
    public var origin: Origin = .none
    /// The errors of the latest rejected edit (as `skylt validate` prints them), until a valid one arrives.
    public var rejectedErrors: [String] = []
    public var rejectedAt: Date?
    public var clock: ClockState = .ok
    public var screen: ScreenPower = .on
    /// Whether the feed on screen is also the saved last good feed (false: saving it failed,
    /// a full disk say, so a restart would show the one before).
    public var feedSaved = true
    /// When an imported feed with no sessions replaced a program that had some: how many it
    /// had (a broken export looks like this); nil otherwise.
    public var emptiedFrom: Int?
    /// How many failed attempts in a row make the feed stale (URL sources: polls).
    public var staleAfter = 2
    /// The technician's live source, when there is one.
    public var live: LiveStatus?

    public init(source: String) {
        self.source = source
    }

    /// The source has failed more than `staleAfter` times in a row.
    public var isStale: Bool { failuresInARow > staleAfter }

    enum CodingKeys: String, CodingKey {
        case source, lastAttempt = "last_attempt", lastSuccess = "last_success", lastChange = "last_change"
        case failuresInARow = "failures_in_a_row", lastError = "last_error", feedHash = "feed_hash", feedFormat = "feed_format"
        case sessionCount = "session_count", roomCount = "room_count", origin, rejectedErrors = "rejected_errors"
        case rejectedAt = "rejected_at", clock, screen, staleAfter = "stale_after", stale, feedSaved = "feed_saved", emptiedFrom = "emptied_from"
        case live
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decode(String.self, forKey: .source)
        lastAttempt = try container.decodeIfPresent(Date.self, forKey: .lastAttempt)
        lastSuccess = try container.decodeIfPresent(Date.self, forKey: .lastSuccess)
        lastChange = try container.decodeIfPresent(Date.self, forKey: .lastChange)
        failuresInARow = try container.decode(Int.self, forKey: .failuresInARow)
        lastError = try container.decodeIfPresent(String.self, forKey: .lastError)
        feedHash = try container.decodeIfPresent(String.self, forKey: .feedHash)
        feedFormat = try container.decodeIfPresent(String.self, forKey: .feedFormat)
        sessionCount = try container.decode(Int.self, forKey: .sessionCount)
        roomCount = try container.decode(Int.self, forKey: .roomCount)
        origin = try container.decode(Origin.self, forKey: .origin)
        rejectedErrors = try container.decode([String].self, forKey: .rejectedErrors)
        rejectedAt = try container.decodeIfPresent(Date.self, forKey: .rejectedAt)
        clock = try container.decode(ClockState.self, forKey: .clock)
        screen = try container.decodeIfPresent(ScreenPower.self, forKey: .screen) ?? .on
        staleAfter = try container.decode(Int.self, forKey: .staleAfter)
        feedSaved = try container.decodeIfPresent(Bool.self, forKey: .feedSaved) ?? true
        emptiedFrom = try container.decodeIfPresent(Int.self, forKey: .emptiedFrom)
        live = try container.decodeIfPresent(LiveStatus.self, forKey: .live)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(lastAttempt, forKey: .lastAttempt)
        try container.encode(lastSuccess, forKey: .lastSuccess)
        try container.encode(lastChange, forKey: .lastChange)
        try container.encode(failuresInARow, forKey: .failuresInARow)
        try container.encode(lastError, forKey: .lastError)
        try container.encode(feedHash, forKey: .feedHash)
        try container.encode(feedFormat, forKey: .feedFormat)
        try container.encode(sessionCount, forKey: .sessionCount)
        try container.encode(roomCount, forKey: .roomCount)
        try container.encode(origin, forKey: .origin)
        try container.encode(rejectedErrors, forKey: .rejectedErrors)
        try container.encode(rejectedAt, forKey: .rejectedAt)
        try container.encode(clock, forKey: .clock)
        try container.encode(screen, forKey: .screen)
        try container.encode(staleAfter, forKey: .staleAfter)
        try container.encode(isStale, forKey: .stale)
        try container.encode(feedSaved, forKey: .feedSaved)
        try container.encode(emptiedFrom, forKey: .emptiedFrom)
        try container.encodeIfPresent(live, forKey: .live)
    }

    /// The status as JSON, with ISO 8601 dates.
    public func json() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return Array(try encoder.encode(self)) + [0x0A]
    }
}
