import Foundation
import ScheduleCore

/// The board as plain text in the feed's language, for a technician at a terminal.
public enum BoardText {
    /// The board as lines of text.
    public static func render(_ board: Board) -> String {
        let program = board.program
        let zone = program.event.timeZone
        let words = Phrasebook(locale: program.event.locale)
        var lines = ["\(program.event.name) — \(words.dayAndDate(board.at, in: zone)) \(zone.localDateTime(for: board.at).timeText) (\(zone.identifier))"]
        switch board.phase {
        case .eventOver: lines.append(words.eventOver)
        case .dayOver: lines.append(words.dayOver)
        case .empty: lines.append(words.noSessions)
        default: break
        }
        if let alert = board.alert {
            lines.append("!!! \(alert.level == .emergency ? "EMERGENCY" : "ALERT"): \(alert.text)")
        }
        for notice in board.notices {
            lines.append("! \(notice.text)")
        }
        for entry in board.rooms {
            lines.append("")
            lines.append("\(entry.room.name) [\(entry.room.id)]")
            if let mark = words.roomStateMark(entry.state) { lines.append("  ** \(mark)") }
            if let note = entry.note { lines.append("  ** \(note)") }
            if let current = entry.current {
                let session = current.session
                lines.append("  \(words.now): \(session.title) (\(words.span(session.start, session.end, in: zone)), \(words.endsIn(current.remainingSeconds)))")
                if !session.speakers.isEmpty { lines.append("    " + speakers(session)) }
                if session.delay > 0 { lines.append("    " + late(session, words: words, zone: zone)) }
            }
            if let next = entry.next {
                let session = next.session
                let day = zone.localDateTime(for: session.start).dayNumber != zone.localDateTime(for: board.at).dayNumber
                    ? words.dayAndDate(session.start, in: zone) + " " : ""
                lines.append("  \(words.next): \(session.title) (\(day)\(words.time(session.start, in: zone)), \(words.startsIn(next.startsInSeconds)))")
                if !session.speakers.isEmpty { lines.append("    " + speakers(session)) }
                if session.delay > 0 { lines.append("    " + late(session, words: words, zone: zone)) }
            }
            if entry.current == nil && entry.next == nil {
                lines.append("  " + (entry.phase == .empty ? words.noSessions : words.roomFinished))
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func late(_ session: Session, words: Phrasebook, zone: TimeZone) -> String {
        words.runningLate(Int(session.delay)) + " (" + words.planned(words.time(session.plannedStart, in: zone)) + ")"
    }

    private static func speakers(_ session: Session) -> String {
        session.speakers.map { speaker in speaker.affiliation.map { "\(speaker.name), \($0)" } ?? speaker.name }.joined(separator: "; ")
    }
}
