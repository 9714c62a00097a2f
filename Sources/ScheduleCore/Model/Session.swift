import Foundation

/// One item of the program in one room: a talk, a break, a meal. Immutable and shared by
/// reference, so boards hand sessions around without copying them.
public final class Session: Sendable, Equatable, Identifiable {
    /// What kind of item it is; screens style breaks and meals differently from talks.
    public enum Kind: String, Sendable, CaseIterable {
        case talk, `break`, meal, other
    }

    /// Whether it happens. Cancelled sessions are never current or next, but screens list them.
    public enum Status: String, Sendable, CaseIterable {
        case scheduled, cancelled
    }

    public let id: String
    public let roomID: String
    public let title: String
    public let subtitle: String?
    public let start: Date
    public let end: Date
    public let kind: Kind
    public let status: Status
    public let speakers: [Speaker]
    public let abstract: String?
    /// A short note for attendees about a change ("Flyttad från 10:00").
    public let note: String?
    /// A track or theme the program groups sessions by.
    public let track: String?
    /// The session's page (http or https), for a QR code on the room sign.
    public let url: String?
    /// The languages it is held in, BCP 47 tags as feeds write them ("sv", "en", "de-CH"), the
    /// main one first: a bilingual session is `["de", "en"]` (frab exports write "de, en").
    public let languages: [String]

    /// The language it is held in (the first of several): titles are hyphenated in it.
    public var language: String? { languages.first }
    /// Seconds the session runs late against the feed's own times, from the technician's live
    /// file (`Program.applying(_:)`): `start` and `end` are already moved by it. 0 when on time.
    public let delay: TimeInterval

    public init(id: String, roomID: String, title: String, subtitle: String? = nil, start: Date, end: Date,
                kind: Kind = .talk, status: Status = .scheduled, speakers: [Speaker] = [],
                abstract: String? = nil, note: String? = nil, track: String? = nil, url: String? = nil, languages: [String] = [],
                delay: TimeInterval = 0) {
        self.id = id
        self.roomID = roomID
        self.title = DisplayText.withoutControls(title)
        self.subtitle = subtitle.map(DisplayText.withoutControls)
        self.start = start
        self.end = end
        self.kind = kind
        self.status = status
        self.speakers = speakers
        self.abstract = abstract
        self.note = note.map(DisplayText.withoutControls)
        self.track = track.map(DisplayText.withoutControls)
        self.url = url
        self.languages = languages
        self.delay = delay
    }

    /// Whether the session happens (is not cancelled).
    public var isScheduled: Bool { status == .scheduled }

    /// Whether it is a break or a meal: screens show those as a pause, not as a talk.
    public var isPause: Bool { kind == .break || kind == .meal }

    public static func == (lhs: Session, rhs: Session) -> Bool {
        lhs === rhs || (lhs.id == rhs.id && lhs.roomID == rhs.roomID && lhs.title == rhs.title && lhs.subtitle == rhs.subtitle
            && lhs.start == rhs.start && lhs.end == rhs.end && lhs.kind == rhs.kind && lhs.status == rhs.status
            && lhs.speakers == rhs.speakers && lhs.abstract == rhs.abstract && lhs.note == rhs.note && lhs.track == rhs.track
            && lhs.url == rhs.url && lhs.languages == rhs.languages && lhs.delay == rhs.delay)
    }

    /// Its length in seconds.
    public var duration: TimeInterval { end.timeIntervalSince(start) }

    /// The start the feed gives (before any live delay).
    public var plannedStart: Date { start.addingTimeInterval(-delay) }

    /// The end the feed gives (before any live delay).
    public var plannedEnd: Date { end.addingTimeInterval(-delay) }

    /// The same session moved to run `delay` seconds after its planned times (0: back on time).
    public func delayed(by delay: TimeInterval) -> Session {
        guard delay != self.delay else { return self }
        return Session(id: id, roomID: roomID, title: title, subtitle: subtitle, start: plannedStart.addingTimeInterval(delay),
                       end: plannedEnd.addingTimeInterval(delay), kind: kind, status: status, speakers: speakers, abstract: abstract,
                       note: note, track: track, url: url, languages: languages, delay: delay)
    }
}

/// A person on stage.
public struct Speaker: Sendable, Equatable {
    public var name: String
    /// Role and organisation, as printed in the program ("Folkhälsosamordnare, Region Jämtland Härjedalen").
    public var affiliation: String?

    public init(name: String, affiliation: String? = nil) {
        self.name = DisplayText.withoutControls(name)
        self.affiliation = affiliation.map(DisplayText.withoutControls)
    }
}
