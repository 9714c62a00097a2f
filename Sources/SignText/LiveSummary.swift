import Foundation
import ScheduleCore

/// The live state in plain words for the technician (`skylt live show`, the status file): one
/// line per room with something in force and one for the alert, each with what the screens say.
public enum LiveSummary {
    /// The lines; "nothing in force" when every room is open and on time and there is no alert.
    /// - Parameters:
    ///   - program: the program it is laid over; nil when there is none (yet): rooms are named
    ///     by their ids and times given in UTC.
    ///   - instant: what time it is, to say whether a delay or an alert is still in effect; nil
    ///     (the status file, which outlives the day) names the delay's day instead.
    public static func lines(_ state: LiveState, program: Program?, at instant: Date?) -> [String] {
        let zone = program?.event.timeZone ?? TimeZone(secondsFromGMT: 0)!
        let words = Phrasebook(locale: program?.event.locale ?? "sv-SE")
        var lines: [String] = []
        // The program's rooms in its order, then the entries of rooms it does not have.
        let known = program?.rooms ?? []
        let unknown = state.rooms.keys.filter { id in !known.contains { $0.id == id } }.sorted()
        let rooms = known.map { ($0.id, $0.name, true) } + unknown.map { ($0, $0, program == nil) }
        for (id, name, inProgram) in rooms {
            guard let live = state.rooms[id], !live.isDefault else { continue }
            guard inProgram else {
                lines.append("\(id): not in the program, so no screen shows it (`skylt live clear \(id)` removes it)")
                continue
            }
            var parts: [String] = []
            if live.delayMinutes > 0 {
                var delay = "running \(live.delayMinutes) min late"
                if let since = live.delaySince {
                    delay += " since \(words.time(since, in: zone))"
                    if let instant {
                        let sameDay = zone.localDateTime(for: since).dayNumber == zone.localDateTime(for: instant).dayNumber
                        delay += sameDay ? "" : " on \(words.dayAndDate(since, in: zone)) (no longer in effect)"
                    } else {
                        delay += " on \(words.dayAndDate(since, in: zone))"
                    }
                }
                parts.append(delay + " (screens: \"\(words.runningLate(live.delayMinutes * 60))\")")
            }
            if live.state != .open {
                let band = live.state == .full ? words.roomFullBand : live.state == .filling ? words.roomFillingBand : words.roomClosedBand
                parts.append("\(live.state.rawValue) (screens: \"\(band)\")")
            }
            if let note = live.note { parts.append("note \"\(note)\"") }
            lines.append("\(name) [\(id)]: " + parts.joined(separator: "; "))
        }
        if let alert = state.alert {
            let until = alert.until.map { end in
                " until \(words.time(end, in: zone))" + (instant.map { alert.isActive(at: $0) ? "" : " (expired)" } ?? " on \(words.dayAndDate(end, in: zone))")
            } ?? " until cleared"
            let how = alert.level == .emergency ? "emergency on every screen, the whole screen" : "info banner on every screen"
            lines.append("alert: \(how)\(until): \"\(alert.text)\"")
        }
        return lines.isEmpty ? ["nothing in force: every room open and on time, no alert"] : lines
    }

    /// What one room's screens show with the state in force at `instant`: the session on now
    /// and the next (real times, the planned ones beside a delay), and for a full room what the
    /// door sign suggests instead. Empty for a room the program does not have.
    public static func roomLines(_ id: String, state: LiveState, program: Program, at instant: Date) -> [String] {
        let zone = program.event.timeZone
        let words = Phrasebook(locale: program.event.locale)
        let board = Board(program: program.applying(state), at: instant)
        guard let entry = board.room(id: id) else { return [] }
        func span(_ session: Session) -> String {
            let planned = session.delay > 0 ? " (planned \(words.span(session.plannedStart, session.plannedEnd, in: zone)))" : ""
            return words.span(session.start, session.end, in: zone) + planned
        }
        var lines: [String] = []
        if let current = entry.current {
            lines.append("\(entry.room.name) now: \"\(current.session.title)\" \(span(current.session)), \(words.endsIn(current.remainingSeconds))")
        }
        if let next = entry.next {
            lines.append("\(entry.room.name) next: \"\(next.session.title)\" \(span(next.session)), \(words.startsIn(next.startsInSeconds))")
        }
        if entry.state == .full {
            let others = board.alternatives(to: id).map { "\($0.room.name) — \($0.current?.session.title ?? "")" }
            lines.append("door sign suggests: " + (others.isEmpty ? "(no other room has a talk on now)" : others.joined(separator: "; ")))
        }
        return lines
    }
}
