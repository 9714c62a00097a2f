import Foundation

/// One change the technician makes to the live state on the day: what `skylt live` and the
/// hub's pages do, as pure functions of the state before, the program and the instant. The
/// rules live here, once: a delay already running today keeps its start, a room opened again
/// loses its door note, clearing a room takes everything of that room.
public enum LiveEdit: Sendable, Equatable {
    /// `room` runs `minutes` late from the session on now to the day's end; 0 clears the delay.
    case delay(room: String, minutes: Int)
    /// How full `room` is, and what happens to its door note.
    case room(String, state: RoomState, note: NoteChange)
    /// One message for every screen.
    case alert(LiveAlert)
    /// Back to normal.
    case clear(Clearing)
    /// Puts a room's entry back as it was (undoing a change; the default entry removes it).
    case restore(room: String, entry: RoomLive)

    /// What a room edit does to the room's note.
    public enum NoteChange: Sendable, Equatable {
        /// Keep the note, except that opening the room again removes it (back to normal).
        case keepUnlessOpened
        /// A new note (blank text removes it).
        case set(String)
    }

    /// What `clear` clears.
    public enum Clearing: Sendable, Equatable {
        /// Every room and the alert.
        case all
        /// The alert only.
        case alert
        /// Everything of one room (by id; also a room the program no longer has).
        case room(String)
    }

    /// The room the edit is about, if any.
    public var room: String? {
        switch self {
        case .delay(let room, _), .room(let room, _, _), .clear(.room(let room)), .restore(let room, _): room
        case .alert, .clear: nil
        }
    }

    /// Whether this edit replaces a live file that is not valid (its entries are lost) rather
    /// than being refused: clearing everything starts afresh, and an emergency must get through
    /// whatever the file held.
    public var replacesInvalidFile: Bool {
        switch self {
        case .clear(.all): true
        case .alert(let alert): alert.level == .emergency
        case .delay, .room, .clear, .restore: false
        }
    }

    /// Why the edit cannot be made (a delay out of range, an alert ending before `now`, a text
    /// that does not fit), or nil. Rooms are checked by `LiveEdit.roomID(_:in:state:)`.
    public func problem(at now: Date) -> String? {
        switch self {
        case .delay(_, let minutes):
            if minutes < 0 { return "a delay cannot be negative; 0 clears it" }
            if minutes > LiveLimits.maxDelayMinutes {
                return "\(minutes) minutes is more than the longest delay, \(LiveLimits.maxDelayMinutes) (6 hours); move the sessions in the program instead"
            }
        case .room(_, _, .set(let note)):
            if !note.isBlank, let problem = DisplayText.problem(note, maxCharacters: LiveLimits.maxNoteCharacters) { return "the note: " + problem }
        case .alert(let alert):
            if alert.text.isBlank { return "the alert has no text" }
            if let problem = DisplayText.problem(alert.text, maxCharacters: LiveLimits.maxAlertCharacters) { return "the alert: " + problem }
            if let until = alert.until, until <= now { return "the alert would end before it begins" }
        case .room, .clear, .restore:
            break
        }
        return nil
    }

    /// The room id meant by `name` (an id, or a room's name in any case, as door staff say it):
    /// a room of the program, or, to clear it, one the live state still has an entry for.
    /// - Returns: the id, or why there is none (with the nearest id and the program's rooms).
    public static func roomID(_ name: String, in program: Program, state: LiveState, clearing: Bool) -> Result<String, RoomNotFound> {
        if program.room(id: name) != nil { return .success(name) }
        if let room = program.rooms.first(where: { $0.name.lowercased() == name.lowercased() }) { return .success(room.id) }
        if clearing, state.rooms[name] != nil { return .success(name) }
        let hint = Spelling.closest(to: name, among: program.rooms.map(\.id)).map { "; did you mean \"\($0)\"?" } ?? ""
        return .failure(RoomNotFound(message: "the program has no room \"\(name)\"\(hint) (its rooms: \(program.rooms.quotedIDs))"))
    }

    /// A room name that is not the program's.
    public struct RoomNotFound: Error, Sendable, Equatable {
        public let message: String
    }
}

extension LiveState {
    /// This state with `edit` made at `now` (a delay's start is `now`, whole seconds) in
    /// `zone` (the event's: "today" for a delay). Check `edit.problem(at:)` first.
    public func applying(_ edit: LiveEdit, at now: Date, zone: TimeZone) -> LiveState {
        var state = self
        switch edit {
        case .delay(let id, let minutes):
            var room = state.room(id)
            if minutes == 0 {
                room.delayMinutes = 0
                room.delaySince = nil
            } else {
                // A delay already running today keeps its start: the session it made late stays late.
                let sameDay = room.delaySince.map { zone.localDateTime(for: $0).dayNumber == zone.localDateTime(for: now).dayNumber } ?? false
                if !(room.delayMinutes > 0 && sameDay) { room.delaySince = now }
                room.delayMinutes = minutes
            }
            state.rooms[id] = room
        case .room(let id, let roomState, let noteChange):
            var room = state.room(id)
            room.state = roomState
            switch noteChange {
            case .set(let note): room.note = note.isBlank ? nil : DisplayText.withoutControls(note)
            case .keepUnlessOpened: if roomState == .open { room.note = nil }  // Back to normal: the door's note goes too.
            }
            state.rooms[id] = room
        case .alert(let alert):
            state.alert = alert
        case .clear(.all):
            state = .none
        case .clear(.alert):
            state.alert = nil
        case .clear(.room(let id)):
            state.rooms[id] = nil
        case .restore(let id, let entry):
            state.rooms[id] = entry.isDefault ? nil : entry
        }
        // A room back to normal is the same as one not listed.
        state.rooms = state.rooms.filter { !$0.value.isDefault }
        return state
    }
}
