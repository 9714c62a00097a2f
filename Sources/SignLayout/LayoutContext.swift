import Foundation
import ScheduleCore
import SignText

/// What every part of a layout needs to know.
struct LayoutContext {
    let board: Board
    let words: Phrasebook
    var page = 0

    var zone: TimeZone { board.program.event.timeZone }
    func time(_ date: Date) -> String { words.time(date, in: zone) }
    /// "10:00–11:00" (with the offsets across a change of the clocks).
    func span(_ start: Date, _ end: Date) -> String { words.span(start, end, in: zone) }
    func isToday(_ date: Date) -> Bool {
        zone.localDateTime(for: date).dayNumber == zone.localDateTime(for: board.at).dayNumber
    }

    /// "Adam Edler, Folkhälsosamordnare" or, for many speakers, just the names.
    func speakers(_ session: Session) -> String {
        if session.speakers.count > 2 { return session.speakers.map(\.name).joined(separator: ", ") }
        return session.speakers.map { speaker in
            speaker.affiliation.map { "\(speaker.name), \($0)" } ?? speaker.name
        }.joined(separator: " · ")
    }

    /// A track's colour on `background`: the conference's own where the feed gives it.
    func trackColor(_ track: String, on background: Color) -> Color {
        TrackColor.color(for: track, declared: board.program.event.trackColors[track], on: background)
    }

    /// "Försenad 10 min · planerat 10:30" (with `span`: "… planerat 10:00–11:00"; without
    /// `delay`: "Planerat 10:30", for a block whose label already says how late) for a session
    /// that runs late; nil when it is on time.
    func lateLine(_ session: Session, span: Bool = false, delay: Bool = true) -> String? {
        guard session.delay > 0 else { return nil }
        let planned = words.planned(span ? self.span(session.plannedStart, session.plannedEnd) : time(session.plannedStart))
        return delay ? words.runningLate(Int(session.delay)) + " · " + planned : planned.capitalizedFirst
    }

    /// "FÖRSENAD 10 MIN" beside a block's label, for a session that runs late; nil when on time.
    func lateLabel(_ session: Session) -> String? {
        session.delay > 0 ? words.runningLate(Int(session.delay)).uppercased() : nil
    }

    /// The day a date falls on, for headings: "I morgon" or "fredag 7 februari".
    func dayName(_ date: Date) -> String {
        let day = zone.localDateTime(for: date).dayNumber
        let today = zone.localDateTime(for: board.at).dayNumber
        if day == today + 1 { return words.tomorrow }
        return words.dayAndDate(date, in: zone).capitalizedFirst
    }
}
