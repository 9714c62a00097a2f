import Foundation

/// What the screens show at one instant: per room the session on now and the next one, with
/// countdowns, and where the event as a whole stands. Pure: the instant is passed in.
public struct Board: Sendable {
    /// Where the event (or one room) stands at the instant.
    public enum Phase: String, Sendable, Equatable {
        /// Nothing scheduled at all (an empty feed, or a room without sessions).
        case empty
        /// Before the first session of the event.
        case beforeEvent = "before_event"
        /// A session is on.
        case inSession = "in_session"
        /// Between sessions; the next one is later the same day.
        case gap
        /// After the day's last session; the next one is on a later day.
        case dayOver = "day_over"
        /// Nothing more: after the event's last session (for a room: its last session, when
        /// the event still goes on elsewhere, is `finished`).
        case eventOver = "event_over"
        /// The room has no more sessions, while other rooms still do.
        case finished
    }

    public let at: Date
    public let program: Program
    /// The event as a whole.
    public let phase: Phase
    /// One entry per room, in feed order.
    public let rooms: [RoomBoard]
    /// The notices active at the instant (all of them; see `notices(forRoom:)`).
    public let notices: [Notice]
    /// The next scheduled start in any room after the instant.
    public let nextStart: Date?
    /// The technician's alert in force at the instant (from the program's live state), if any.
    public let alert: LiveAlert?

    /// Computes the board at `instant`. O(rooms × log sessions).
    public init(program: Program, at instant: Date) {
        self.at = instant
        self.program = program
        let t = instant.timeIntervalSinceReferenceDate
        let today = program.event.timeZone.localDateTime(for: instant).dayNumber
        let eventOver = program.lastEnd.map { instant >= $0 } ?? true
        let beforeEvent = program.firstStart.map { instant < $0 } ?? false

        var rooms: [RoomBoard] = []
        rooms.reserveCapacity(program.rooms.count)
        var anyCurrent = false
        for (index, room) in program.rooms.enumerated() {
            let timeline = program.timelines[index]
            let current = Board.current(in: timeline, at: t).map { CurrentSession(program.sessions[$0], at: instant) }
            let upcomingIndex = timeline.starts.firstIndex(above: t)
            let hasNext = upcomingIndex < timeline.starts.count
            let next = hasNext ? UpcomingSession(program.sessions[timeline.indices[upcomingIndex]], at: instant) : nil
            anyCurrent = anyCurrent || current != nil
            let phase: Phase
            if timeline.starts.isEmpty {
                phase = .empty
            } else if current != nil {
                phase = .inSession
            } else if beforeEvent {
                phase = .beforeEvent
            } else if hasNext {
                phase = timeline.startDays[upcomingIndex] > today ? .dayOver : .gap
            } else {
                phase = eventOver ? .eventOver : .finished
            }
            let live = program.live.room(room.id)
            rooms.append(RoomBoard(room: room, phase: phase, current: current, next: next, state: live.state, note: live.note))
        }
        self.rooms = rooms

        let nextIndex = program.scheduledStarts.firstIndex(above: t)
        let nextStart = nextIndex < program.scheduledStarts.count
            ? Date(timeIntervalSinceReferenceDate: program.scheduledStarts[nextIndex]) : nil
        self.nextStart = nextStart
        if program.firstStart == nil {
            phase = .empty
        } else if anyCurrent {
            phase = .inSession
        } else if beforeEvent {
            phase = .beforeEvent
        } else if nextStart != nil {
            phase = program.scheduledStartDays[nextIndex] > today ? .dayOver : .gap
        } else {
            phase = .eventOver
        }
        self.notices = program.notices.filter { $0.isActive(at: instant) }
        self.alert = program.live.alert(at: instant)
    }

    /// Where else to go when a room is full: rooms that are neither full nor closed with a
    /// scheduled talk on now (breaks and meals are no alternative), in feed order.
    public func alternatives(to roomID: String) -> [RoomBoard] {
        rooms.filter { entry in
            entry.room.id != roomID && entry.state != .full && entry.state != .closed
                && entry.current.map { $0.session.kind == .talk || $0.session.kind == .other } == true
        }
    }

    /// The entry for one room.
    public func room(id: String) -> RoomBoard? {
        rooms.first { $0.room.id == id }
    }

    /// The active notices a room's sign shows: those for every screen and those for that room.
    public func notices(forRoom id: String?) -> [Notice] {
        notices.filter { $0.roomID == nil || id == nil || $0.roomID == id }
    }

    /// Seconds from the instant until the next start in any room, rounded up.
    public var secondsUntilNextStart: Int? {
        nextStart.map { Board.ceilSeconds($0.timeIntervalSince(at)) }
    }

    /// The scheduled session of the timeline running at `t`; with overlapping sessions (only
    /// imported feeds may have them), the one that started last.
    static func current(in timeline: RoomTimeline, at t: TimeInterval) -> Int? {
        var position = timeline.starts.firstIndex(above: t) - 1
        while position >= 0, timeline.maxEnds[position] > t {
            if timeline.ends[position] > t { return timeline.indices[position] }
            position -= 1
        }
        return nil
    }

    /// Whole seconds, rounded up, never negative.
    static func ceilSeconds(_ interval: TimeInterval) -> Int {
        max(0, Int(interval.rounded(.up)))
    }
}

/// One room at the board's instant.
public struct RoomBoard: Sendable {
    public let room: Room
    public let phase: Board.Phase
    public let current: CurrentSession?
    public let next: UpcomingSession?
    /// How full the room is (the technician's live state; `open` when nothing was said).
    public let state: RoomState
    /// The technician's note for the room's door, if any.
    public let note: String?

    /// How late the room runs now: the delay of the session on now, else of the next one (0: on time).
    public var delaySeconds: Int {
        Int(current?.session.delay ?? next?.session.delay ?? 0)
    }
}

/// The session on now, with how far along it is.
public struct CurrentSession: Sendable {
    public let session: Session
    /// Seconds until it ends, rounded up (so "1 s" until the very end, never 0 while on).
    public let remainingSeconds: Int
    /// Seconds since it started, rounded down.
    public let elapsedSeconds: Int
    /// 0 at the start, approaching 1 at the end.
    public let progress: Double

    init(_ session: Session, at instant: Date) {
        self.session = session
        remainingSeconds = Board.ceilSeconds(session.end.timeIntervalSince(instant))
        elapsedSeconds = max(0, Int(instant.timeIntervalSince(session.start).rounded(.down)))
        let duration = session.duration
        progress = duration > 0 ? min(1, max(0, instant.timeIntervalSince(session.start) / duration)) : 1
    }
}

/// The next session, with the time until it starts.
public struct UpcomingSession: Sendable {
    public let session: Session
    /// Seconds until it starts, rounded up.
    public let startsInSeconds: Int

    init(_ session: Session, at instant: Date) {
        self.session = session
        startsInSeconds = Board.ceilSeconds(session.start.timeIntervalSince(instant))
    }
}
