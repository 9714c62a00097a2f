import Foundation

/// The event as a whole: its name, where, and the zone and language its screens use.
public struct Event: Sendable, Equatable {
    public var name: String
    public var subtitle: String?
    public var venue: String?
    /// The zone wall-clock times in the feed are read in, and the one screens show.
    public var timeZone: TimeZone
    /// The BCP 47 tag from the feed (`sv-SE` by default).
    public var locale: String
    /// The conference's own colour per track name (`#RRGGBB`), as its app and printed program
    /// show them; tracks not listed get a colour made up from their name.
    public var trackColors: [String: String]

    public init(name: String, subtitle: String? = nil, venue: String? = nil, timeZone: TimeZone, locale: String = "sv-SE",
                trackColors: [String: String] = [:]) {
        self.name = DisplayText.withoutControls(name)
        self.subtitle = subtitle.map(DisplayText.withoutControls)
        self.venue = venue.map(DisplayText.withoutControls)
        self.timeZone = timeZone
        self.locale = locale
        self.trackColors = trackColors
    }
}
