import Foundation

/// The board as one JSON object: the stable contract of `skylt now --json`.
///
/// Contract keys: `at`, `rooms[].room`, `rooms[].current` (`id`, `remaining_seconds`) or null,
/// `rooms[].next` (`id`, `starts_in_seconds`) or null, rooms in feed order, `rooms[].delay_seconds`
/// and `rooms[].state` (the technician's live state; countdowns and `start`/`end` already count
/// the delay, `planned_start`/`planned_end` are the feed's own times), `alert` (or null).
/// Other keys are extra.
public enum BoardJSON {
    /// The JSON text of the board.
    public static func encode(_ board: Board) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(Document(board))
        return String(decoding: data, as: UTF8.self)
    }

    struct Document: Encodable {
        let board: Board
        init(_ board: Board) { self.board = board }

        enum Keys: String, CodingKey {
            case at, event, timezone, phase, nextStartInSeconds = "next_start_in_seconds", rooms, notices, alert
        }
        enum AlertKeys: String, CodingKey { case text, level, until }

        func encode(to encoder: any Encoder) throws {
            let zone = board.program.event.timeZone
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(zone.iso8601(board.at), forKey: .at)
            try container.encode(board.program.event.name, forKey: .event)
            try container.encode(zone.identifier, forKey: .timezone)
            try container.encode(board.phase.rawValue, forKey: .phase)
            try container.encode(board.secondsUntilNextStart, forKey: .nextStartInSeconds)
            try container.encode(board.rooms.map { RoomEntry(entry: $0, zone: zone) }, forKey: .rooms)
            try container.encode(board.notices.map { NoticeEntry(notice: $0, zone: zone) }, forKey: .notices)
            if let alert = board.alert {
                var nested = container.nestedContainer(keyedBy: AlertKeys.self, forKey: .alert)
                try nested.encode(alert.text, forKey: .text)
                try nested.encode(alert.level.rawValue, forKey: .level)
                try nested.encode(alert.until.map(zone.iso8601), forKey: .until)
            } else {
                try container.encodeNil(forKey: .alert)
            }
        }
    }

    struct RoomEntry: Encodable {
        let entry: RoomBoard
        let zone: TimeZone

        enum Keys: String, CodingKey { case room, name, phase, current, next, state, note, delaySeconds = "delay_seconds" }
        enum SessionKeys: String, CodingKey {
            case id, title, kind, start, end, remainingSeconds = "remaining_seconds", elapsedSeconds = "elapsed_seconds"
            case progress, startsInSeconds = "starts_in_seconds", plannedStart = "planned_start", plannedEnd = "planned_end"
            case delaySeconds = "delay_seconds", url, language, languages
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(entry.room.id, forKey: .room)
            try container.encode(entry.room.name, forKey: .name)
            try container.encode(entry.phase.rawValue, forKey: .phase)
            try container.encode(entry.state.rawValue, forKey: .state)
            try container.encode(entry.note, forKey: .note)
            try container.encode(entry.delaySeconds, forKey: .delaySeconds)
            if let current = entry.current {
                var nested = container.nestedContainer(keyedBy: SessionKeys.self, forKey: .current)
                try encodeSession(current.session, into: &nested)
                try nested.encode(current.remainingSeconds, forKey: .remainingSeconds)
                try nested.encode(current.elapsedSeconds, forKey: .elapsedSeconds)
                try nested.encode((current.progress * 1000).rounded() / 1000, forKey: .progress)
            } else {
                try container.encodeNil(forKey: .current)
            }
            if let next = entry.next {
                var nested = container.nestedContainer(keyedBy: SessionKeys.self, forKey: .next)
                try encodeSession(next.session, into: &nested)
                try nested.encode(next.startsInSeconds, forKey: .startsInSeconds)
            } else {
                try container.encodeNil(forKey: .next)
            }
        }

        private func encodeSession(_ session: Session, into container: inout KeyedEncodingContainer<SessionKeys>) throws {
            try container.encode(session.id, forKey: .id)
            try container.encode(session.title, forKey: .title)
            try container.encode(session.kind.rawValue, forKey: .kind)
            try container.encode(zone.iso8601(session.start), forKey: .start)
            try container.encode(zone.iso8601(session.end), forKey: .end)
            try container.encode(zone.iso8601(session.plannedStart), forKey: .plannedStart)
            try container.encode(zone.iso8601(session.plannedEnd), forKey: .plannedEnd)
            try container.encode(Int(session.delay), forKey: .delaySeconds)
            try container.encode(session.url, forKey: .url)
            try container.encode(session.language, forKey: .language)
            if session.languages.count > 1 { try container.encode(session.languages, forKey: .languages) }
        }
    }

    struct NoticeEntry: Encodable {
        let notice: Notice
        let zone: TimeZone

        enum Keys: String, CodingKey { case text, room, until }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(notice.text, forKey: .text)
            try container.encode(notice.roomID, forKey: .room)
            try container.encode(notice.until.map(zone.iso8601), forKey: .until)
        }
    }
}
