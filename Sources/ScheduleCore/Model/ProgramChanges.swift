import Foundation

/// What a new program changes against the one in force, session by session (by id) and room by
/// room: what a technician reads before publishing ("3 sessions moved, 1 cancelled, 2 new,
/// room 'Saal 5' gone").
public struct ProgramChanges: Sendable, Equatable {
    /// One session that differs.
    public struct Change: Sendable, Equatable {
        public enum Kind: String, Sendable { case new, removed, moved, cancelled, retitled }
        public let kind: Kind
        /// The session as it is in the new program (the old one for `removed`).
        public let session: Session
        /// Where and when it was, for `moved`.
        public let before: Session?
    }

    /// Every differing session, in the new program's order of time (removed ones last).
    public let sessions: [Change]
    /// Rooms the new program no longer has, and rooms it adds (their names).
    public let roomsGone: [String], roomsNew: [String]

    /// The changes from `old` (nil: none in force) to `new`.
    public init(from old: Program?, to new: Program) {
        let before = Dictionary((old?.sessions ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(new.sessions.map(\.id))
        var changes: [Change] = []
        for session in new.sessions.sorted(by: { ($0.start, $0.id) < ($1.start, $1.id) }) {
            guard let was = before[session.id] else {
                if old != nil { changes.append(Change(kind: .new, session: session, before: nil)) }
                continue
            }
            if session.status == .cancelled && was.status != .cancelled {
                changes.append(Change(kind: .cancelled, session: session, before: was))
            } else if session.plannedStart != was.plannedStart || session.end.addingTimeInterval(-session.delay) != was.end.addingTimeInterval(-was.delay)
                        || session.roomID != was.roomID {
                changes.append(Change(kind: .moved, session: session, before: was))
            } else if session.title != was.title {
                changes.append(Change(kind: .retitled, session: session, before: was))
            }
        }
        for session in (old?.sessions ?? []) where !after.contains(session.id) {
            changes.append(Change(kind: .removed, session: session, before: session))
        }
        sessions = changes
        let oldRooms = old?.rooms ?? [], newIDs = Set(new.rooms.map(\.id)), oldIDs = Set(oldRooms.map(\.id))
        roomsGone = oldRooms.filter { !newIDs.contains($0.id) }.map(\.name)
        roomsNew = old == nil ? [] : new.rooms.filter { !oldIDs.contains($0.id) }.map(\.name)
    }

    /// How many sessions changed in each way.
    public func count(_ kind: Change.Kind) -> Int { sessions.count { $0.kind == kind } }

    /// Nothing differs (the same sessions at the same times in the same rooms, and the same rooms).
    public var isEmpty: Bool { sessions.isEmpty && roomsGone.isEmpty && roomsNew.isEmpty }
}
