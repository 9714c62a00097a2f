import Foundation

/// A validated conference program: what every screen shows from. Immutable and shared by
/// reference, so a new feed replaces it whole and a screen never sees half an update.
///
/// Sessions are kept sorted by start; each room has an index of its sessions so that the
/// board at any instant is a handful of binary searches, whatever the size of the program.
public final class Program: Sendable {
    public let event: Event
    /// Rooms in feed order (the order screens list them in).
    public let rooms: [Room]
    /// All sessions, cancelled ones too, sorted by start (then end, then room order).
    public let sessions: [Session]
    public let notices: [Notice]
    /// The technician's live state laid over the feed (`applying(_:)`); `.none` for a feed as read.
    public let live: LiveState

    let timelines: [RoomTimeline]
    let roomIndexByID: [String: Int]
    /// Starts of every scheduled session, sorted, for the event-wide "what is next".
    let scheduledStarts: [TimeInterval]
    /// The local day number (days since 1970-01-01 in the event's zone) of each of those starts.
    let scheduledStartDays: [Int]

    /// The start of the first scheduled session, if any.
    public let firstStart: Date?
    /// The end of the last scheduled session, if any.
    public let lastEnd: Date?

    /// Builds the program and its indexes. The input is taken as already validated (see
    /// `FeedReader`); sessions in rooms not listed are kept in `sessions` but on no timeline.
    public init(event: Event, rooms: [Room], sessions: [Session], notices: [Notice] = [], live: LiveState = .none) {
        var roomIndexByID: [String: Int] = [:]
        for (index, room) in rooms.enumerated() where roomIndexByID[room.id] == nil {
            roomIndexByID[room.id] = index
        }
        // Sort keys computed once: start, end, room order, feed order.
        let roomOrder = sessions.map { roomIndexByID[$0.roomID] ?? Int.max }
        let order = sessions.indices.sorted { i, j in
            let (a, b) = (sessions[i], sessions[j])
            if a.start != b.start { return a.start < b.start }
            if a.end != b.end { return a.end < b.end }
            if roomOrder[i] != roomOrder[j] { return roomOrder[i] < roomOrder[j] }
            return i < j
        }
        let sorted = order.map { sessions[$0] }
        let zone = event.timeZone
        var dayCache = LocalDayCache(zone: zone)

        var builders = Array(repeating: RoomTimeline.Builder(), count: rooms.count)
        var scheduledStarts: [TimeInterval] = []
        var scheduledStartDays: [Int] = []
        var lastEnd: Date?
        for (index, session) in sorted.enumerated() {
            guard let roomIndex = roomIndexByID[session.roomID] else { continue }
            let day = dayCache.dayNumber(of: session.start)
            builders[roomIndex].add(session, at: index, day: day)
            if session.isScheduled {
                scheduledStarts.append(session.start.timeIntervalSinceReferenceDate)
                scheduledStartDays.append(day)
                if lastEnd.map({ session.end > $0 }) ?? true { lastEnd = session.end }
            }
        }
        self.event = event
        self.rooms = rooms
        self.sessions = sorted
        self.notices = notices
        self.live = live
        self.timelines = builders.map { $0.build() }
        self.roomIndexByID = roomIndexByID
        self.scheduledStarts = scheduledStarts
        self.scheduledStartDays = scheduledStartDays
        self.firstStart = scheduledStarts.first.map { Date(timeIntervalSinceReferenceDate: $0) }
        self.lastEnd = lastEnd
    }

    /// The room with this id.
    public func room(id: String) -> Room? {
        roomIndexByID[id].map { rooms[$0] }
    }

    /// Every session of a room (cancelled ones too), by start.
    public func sessions(inRoom id: String) -> [Session] {
        guard let index = roomIndexByID[id] else { return [] }
        return timelines[index].all.map { sessions[$0] }
    }

    /// The sessions of a room (cancelled ones too) that start on the local calendar day of
    /// `instant` in the event's zone, by start.
    public func sessions(inRoom id: String, onDayOf instant: Date) -> [Session] {
        guard let index = roomIndexByID[id] else { return [] }
        let (dayStart, dayEnd) = localDayBounds(of: instant)
        let timeline = timelines[index]
        let lower = timeline.allStarts.firstIndex(notBelow: dayStart.timeIntervalSinceReferenceDate)
        let upper = timeline.allStarts.firstIndex(notBelow: dayEnd.timeIntervalSinceReferenceDate)
        return timeline.all[lower..<upper].map { sessions[$0] }
    }

    /// The distinct local calendar days on which sessions start, in order.
    public var days: [LocalDateTime] {
        var seen = Set<Int>()
        var days: [LocalDateTime] = []
        for session in sessions {
            let local = event.timeZone.localDateTime(for: session.start)
            if seen.insert(local.dayNumber).inserted {
                days.append(LocalDateTime(year: local.year, month: local.month, day: local.day))
            }
        }
        return days
    }

    /// The first instant of the local day of `instant` and of the day after, in the event's zone.
    public func localDayBounds(of instant: Date) -> (start: Date, end: Date) {
        let zone = event.timeZone
        let local = zone.localDateTime(for: instant)
        let day = local.dayNumber
        return (startOfLocalDay(day), startOfLocalDay(day + 1))
    }

    private func startOfLocalDay(_ day: Int) -> Date {
        // Midnight may not exist (some zones change at 00:00): use the first instant whose
        // local day is `day`.
        let zone = event.timeZone
        let guess = TimeInterval(day * 86_400)
        var instant = guess - TimeInterval(zone.secondsFromGMT(for: Date(timeIntervalSince1970: guess)))
        let local = zone.localDateTime(for: Date(timeIntervalSince1970: instant))
        let timeOfDay = TimeInterval(local.hour * 3600 + local.minute * 60 + local.second)
        if local.dayNumber < day {
            instant += 86_400 - timeOfDay
        } else {
            instant -= timeOfDay + TimeInterval((local.dayNumber - day) * 86_400)
        }
        return Date(timeIntervalSince1970: instant)
    }
}
