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

    /// "Försenad 10 min · planerat 10:30" (with `span`: "… planerat 10:00–11:00") for a session
    /// that runs late; nil when it is on time.
    func lateLine(_ session: Session, span: Bool = false) -> String? {
        guard session.delay > 0 else { return nil }
        let planned = span ? "\(time(session.plannedStart))–\(time(session.plannedEnd))" : time(session.plannedStart)
        return words.runningLate(Int(session.delay)) + " · " + words.planned(planned)
    }

    /// The day a date falls on, for headings: "I morgon" or "fredag 7 februari".
    func dayName(_ date: Date) -> String {
        let day = zone.localDateTime(for: date).dayNumber
        let today = zone.localDateTime(for: board.at).dayNumber
        if day == today + 1 { return words.tomorrow }
        return words.dayAndDate(date, in: zone).capitalizedFirst
    }
}
