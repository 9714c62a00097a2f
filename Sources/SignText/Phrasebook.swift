import Foundation
import ScheduleCore

/// Every word a screen or the CLI shows attendees, in Swedish and English, in one table.
/// Chosen by the feed's `event.locale`: Swedish for `sv…`, English otherwise.
public struct Phrasebook: Sendable {
    public enum Language: String, Sendable {
        case swedish = "sv"
        case english = "en"
    }

    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    /// The phrasebook for a BCP 47 locale tag such as `sv-SE` or `en-GB`.
    public init(locale: String) {
        self.language = locale.lowercased().hasPrefix("sv") ? .swedish : .english
    }

    func pick(_ swedish: String, _ english: String) -> String {
        language == .swedish ? swedish : english
    }

    // MARK: - Headings

    public var now: String { pick("Pågår nu", "Now") }
    public var next: String { pick("Härnäst", "Next") }
    public var laterToday: String { pick("Senare i dag", "Later today") }
    public var cancelled: String { pick("Inställt", "Cancelled") }
    public var dayOver: String { pick("Dagens program är slut", "That's all for today") }
    public var eventOver: String { pick("Tack för i dag!", "Thank you for today!") }
    public var noSessions: String { pick("Inga programpunkter", "Nothing scheduled") }
    /// Beside the QR code of the session's page.
    public var qrCaption: String { pick("Mer om passet: skanna koden", "More about this talk: scan the code") }
    public var roomFinished: String { pick("Inget mer i den här salen i dag", "Nothing more in this room today") }
    public var waitingForClock: String { pick("Väntar på klockan…", "Waiting for clock…") }
    public var waitingForProgram: String { pick("Väntar på programmet…", "Waiting for the programme…") }
    /// The corner mark when the technician's latest edit was refused (the screen keeps the last good one).
    public var editNotPublished: String { pick("Senaste ändringen är inte publicerad", "Latest edit not published") }
    /// The corner mark when the feed source has not answered for a while.
    public func updatedAt(_ time: String?) -> String {
        time.map { pick("Programmet uppdaterat ", "Programme updated ") + $0 } ?? pick("Programmet från sparad kopia", "Programme from saved copy")
    }
    public var tomorrow: String { pick("I morgon", "Tomorrow") }
    public var room: String { pick("Sal", "Room") }
    public var welcome: String { pick("Välkommen!", "Welcome!") }

    /// "Programmet börjar om 25 min" / "The programme starts in 25 min".
    public func programStartsIn(_ seconds: Int) -> String {
        pick("Programmet börjar om ", "The programme starts in ") + duration(seconds)
    }

    /// "Sida 2 av 3" / "Page 2 of 3" on a lobby board that pages through rooms.
    public func page(_ number: Int, of count: Int) -> String {
        pick("Sida \(number) av \(count)", "Page \(number) of \(count)")
    }

    /// The heading for a session of this kind that is on now (breaks and meals get their own word).
    public func kindLabel(_ kind: Session.Kind) -> String? {
        switch kind {
        case .break: pick("Paus", "Break")
        case .meal: pick("Måltid", "Meal")
        case .talk, .other: nil
        }
    }

    // MARK: - Live operations (the technician's live file)

    /// "Försenad 10 min" / "Running 10 min late", beside a session that runs late.
    public func runningLate(_ seconds: Int) -> String {
        pick("Försenad ", "Running ") + duration(seconds) + pick("", " late")
    }

    /// "10 min sent" / "10 min late": the lobby's short form.
    public func late(_ seconds: Int) -> String {
        duration(seconds) + pick(" sent", " late")
    }

    /// "planerat 10:30" / "planned 10:30": the feed's own time of a late session.
    public func planned(_ time: String) -> String { pick("planerat ", "planned ") + time }

    /// The door sign's band for a full room.
    public var roomFullBand: String { pick("FULLT — INGET INSLÄPP", "FULL — NO ENTRY") }
    /// The door sign's band for a room filling up.
    public var roomFillingBand: String { pick("Nästan fullt — få platser kvar", "Almost full — few seats left") }
    /// The door sign's band for a closed room.
    public var roomClosedBand: String { pick("Salen är stängd", "This room is closed") }

    /// The lobby's short mark for a room's state (nil when open).
    public func roomStateMark(_ state: RoomState) -> String? {
        switch state {
        case .open: nil
        case .filling: pick("Nästan fullt", "Almost full")
        case .full: pick("FULLT", "FULL")
        case .closed: pick("Stängd", "Closed")
        }
    }

    /// "Samtidigt: " / "Also on now: ", before other rooms' talks on a full room's door.
    public var alsoNow: String { pick("Samtidigt: ", "Also on now: ") }

    // MARK: - Countdowns

    /// "slutar om 12 min" / "ends in 12 min".
    public func endsIn(_ seconds: Int) -> String { pick("slutar om ", "ends in ") + duration(seconds) }

    /// "börjar om 34 min" / "starts in 34 min".
    public func startsIn(_ seconds: Int) -> String { pick("börjar om ", "starts in ") + duration(seconds) }

    /// "Programmet fortsätter kl. 12:30" / "The programme resumes at 12:30": after a break.
    public func resumesAt(_ time: String) -> String { pick("Programmet fortsätter kl. ", "The programme resumes at ") + time }

    /// A countdown as shown on screen: seconds in the last minute ("45 s"), then whole minutes
    /// rounded up ("1 min" until the very last minute), hours and minutes past an hour
    /// ("1 tim 5 min" / "1 h 5 min"). Never negative.
    public func duration(_ seconds: Int) -> String {
        let seconds = max(0, seconds)
        if seconds < 60 { return "\(seconds) s" }
        let minutes = (seconds + 59) / 60
        if minutes <= 60 { return "\(minutes) min" }
        let hourWord = pick("tim", "h")
        let (hours, rest) = minutes.quotientAndRemainder(dividingBy: 60)
        if hours >= 24 {
            let days = (minutes + 1439) / 1440
            return pick(days == 1 ? "1 dag" : "\(days) dagar", days == 1 ? "1 day" : "\(days) days")
        }
        return rest == 0 ? "\(hours) \(hourWord)" : "\(hours) \(hourWord) \(rest) min"
    }

    // MARK: - Dates and times

    /// "torsdag 6 februari" / "Thursday 6 February", in the event's zone. From the table
    /// below rather than a date formatter: the names are fixed, and loading the system's locale
    /// data would cost a small board ~10 MB of memory.
    public func dayAndDate(_ date: Date, in zone: TimeZone) -> String {
        let local = zone.localDateTime(for: date)
        let weekday = CivilCalendar.isoWeekday(daysSinceEpoch: local.dayNumber)
        let weekdays = language == .swedish ? Self.swedishWeekdays : Self.englishWeekdays
        let months = language == .swedish ? Self.swedishMonths : Self.englishMonths
        return "\(weekdays[weekday - 1]) \(local.day) \(months[local.month - 1])"
    }

    static let swedishWeekdays = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
    static let englishWeekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let swedishMonths = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]
    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// "09:15" in the event's zone (24-hour clock in both languages, as venues in Europe use).
    public func time(_ date: Date, in zone: TimeZone) -> String {
        zone.localDateTime(for: date).timeText
    }

    /// "10:00–11:00"; across a change of the clocks, each end with its offset ("02:30 GMT+2–02:30
    /// GMT+1" the night summer time ends), since the clock times alone would not say it.
    public func span(_ start: Date, _ end: Date, in zone: TimeZone) -> String {
        guard zone.secondsFromGMT(for: start) != zone.secondsFromGMT(for: end) else { return "\(time(start, in: zone))–\(time(end, in: zone))" }
        func marked(_ date: Date) -> String {
            time(date, in: zone) + (zone.abbreviation(for: date).map { " " + $0 } ?? "")
        }
        return "\(marked(start))–\(marked(end))"
    }
}
