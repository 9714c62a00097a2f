import Foundation

extension Program {
    /// This program with the technician's live state laid over it: in every room with a delay,
    /// the session on at the delay's start and every later one that starts on the same local
    /// day move later by the delay (their `delay` says by how much, `plannedStart` keeps the
    /// feed's time); room states and the alert travel with the program to the board. Always
    /// from the feed's own times, so applying a new state replaces the old one. Rooms the
    /// program does not have are ignored (`LiveReader` refuses them).
    public func applying(_ live: LiveState) -> Program {
        var windows: [String: (since: Date, dayEnd: Date, delay: TimeInterval)] = [:]
        for (roomID, room) in live.rooms where room.delayMinutes > 0 && self.room(id: roomID) != nil {
            guard let since = room.delaySince else { continue }
            windows[roomID] = (since, localDayBounds(of: since).end, room.delaySeconds)
        }
        let moved = sessions.contains { $0.delay != 0 } || !windows.isEmpty
        let shifted = !moved ? sessions : sessions.map { session -> Session in
            guard let window = windows[session.roomID], session.plannedEnd > window.since, session.plannedStart < window.dayEnd else {
                return session.delayed(by: 0)
            }
            return session.delayed(by: window.delay)
        }
        return Program(event: event, rooms: rooms, sessions: shifted, notices: notices, live: live)
    }

    /// The feed's program without any live state.
    public var planned: Program { live == .none ? self : applying(.none) }
}
