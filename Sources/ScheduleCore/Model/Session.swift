import Foundation

/// One item of the program in one room: a talk, a break, a meal.
public struct Session: Sendable, Equatable, Identifiable {
    /// What kind of item it is; screens style breaks and meals differently from talks.
    public enum Kind: String, Sendable, CaseIterable {
        case talk, `break`, meal, other
    }

    /// Whether it happens. Cancelled sessions are never current or next, but screens list them.
    public enum Status: String, Sendable, CaseIterable {
        case scheduled, cancelled
    }

    public var id: String
    public var roomID: String
    public var title: String
    public var subtitle: String?
    public var start: Date
    public var end: Date
    public var kind: Kind
    public var status: Status
    public var speakers: [Speaker]
    public var abstract: String?
    /// A short note for attendees about a change ("Flyttad från 10:00").
    public var note: String?
    /// A track or theme the program groups sessions by.
    public var track: String?

    public init(id: String, roomID: String, title: String, subtitle: String? = nil, start: Date, end: Date,
                kind: Kind = .talk, status: Status = .scheduled, speakers: [Speaker] = [],
                abstract: String? = nil, note: String? = nil, track: String? = nil) {
        self.id = id
        self.roomID = roomID
        self.title = title
        self.subtitle = subtitle
        self.start = start
        self.end = end
        self.kind = kind
        self.status = status
        self.speakers = speakers
        self.abstract = abstract
        self.note = note
        self.track = track
    }

    /// Whether the session happens (is not cancelled).
    public var isScheduled: Bool { status == .scheduled }

    /// Its length in seconds.
    public var duration: TimeInterval { end.timeIntervalSince(start) }
}

/// A person on stage.
public struct Speaker: Sendable, Equatable {
    public var name: String
    /// Role and organisation, as printed in the program ("Folkhälsosamordnare, Region Jämtland Härjedalen").
    public var affiliation: String?

    public init(name: String, affiliation: String? = nil) {
        self.name = name
        self.affiliation = affiliation
    }
}
