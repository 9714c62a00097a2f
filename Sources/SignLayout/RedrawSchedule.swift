import Foundation
import ScheduleCore

/// When a sign next looks different, so the kiosk can sleep until then instead of polling.
/// Every wording change is covered: the clock's minute, each countdown shown (minutes rounded
/// up, seconds in the last minute), session starts and ends, notices, the live alert's end, lobby pages, and the
/// burn-in shift. Waking early is harmless (an unchanged frame is not redrawn).
public enum RedrawSchedule {
    public static func nextChange(after board: Board, mode: SignMode) -> Date {
        let t = board.at.timeIntervalSince1970
        var next = ((t / 60).rounded(.down) + 1) * 60  // The clock's next minute.
        func consider(_ candidate: TimeInterval) {
            if candidate > t, candidate < next { next = candidate }
        }
        let rooms: [RoomBoard]
        switch mode {
        case .room(let id): rooms = board.room(id: id).map { [$0] } ?? []
        case .lobby, .rooms:
            rooms = board.rooms
            consider(((t / SignLayout.lobbyPagePeriod).rounded(.down) + 1) * SignLayout.lobbyPagePeriod)
        }
        for entry in rooms {
            if let current = entry.current { consider(countdownChange(to: current.session.end, at: t)) }
            if let upcoming = entry.next { consider(countdownChange(to: upcoming.session.start, at: t)) }
        }
        for notice in board.program.notices {
            if let from = notice.from { consider(from.timeIntervalSince1970) }
            if let until = notice.until { consider(until.timeIntervalSince1970) }
        }
        if let until = board.program.live.alert?.until { consider(until.timeIntervalSince1970) }
        consider(BurnInShift.nextChange(after: board.at).timeIntervalSince1970)
        return Date(timeIntervalSince1970: next)
    }

    /// The next instant at which a countdown to `target` shows a different text.
    static func countdownChange(to target: Date, at t: TimeInterval) -> TimeInterval {
        let remaining = target.timeIntervalSince1970 - t
        guard remaining > 0 else { return .infinity }
        let seconds = remaining.rounded(.up)
        if seconds <= 60 {
            return target.timeIntervalSince1970 - seconds + 1  // Every second in the last minute.
        }
        let minutes = (seconds / 60).rounded(.up)
        return target.timeIntervalSince1970 - (minutes - 1) * 60
    }
}
