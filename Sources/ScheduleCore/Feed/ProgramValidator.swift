import Foundation

/// Where a session came from in the feed, so that rules checked across sessions can point at it.
struct SessionOrigin {
    /// The JSON path of the array the session is in (`sessions`), shared by all its sessions.
    var arrayPath = "sessions"
    /// The position in that array.
    let index: Int
    /// `sessions[3]`.
    var path: String { "\(arrayPath)[\(index)]" }
    /// What joins the path and a key ("/" in an XML document).
    var separator = "."
    /// `sessions[3].start`.
    func keyPath(_ key: String) -> String { path + separator + key }
    let offset: Int
    let idOffset: Int
    let roomOffset: Int
    let startOffset: Int
    let endOffset: Int
}

/// The rules that hold across a whole program (ids unique, rooms known, times in order, no
/// double-booked room), shared by every feed format. How strict each rule is depends on the
/// format: a hand-written feed is held to all of them; an export from elsewhere may only get
/// a warning where a screen can still be right.
struct ProgramValidator {
    struct Strictness {
        /// Two scheduled sessions in one room at once.
        var overlap: Diagnostic.Severity
        /// A session whose end equals its start.
        var zeroLength: Diagnostic.Severity
        /// Two sessions with one id.
        var duplicateSessionID: Diagnostic.Severity

        /// Skylt's own feed: every rule is an error.
        static let native = Strictness(overlap: .error, zeroLength: .error, duplicateSessionID: .error)
        /// Exports from other systems (frab, pretalx, calendars): what a screen can still show
        /// right is only a warning.
        static let imported = Strictness(overlap: .warning, zeroLength: .warning, duplicateSessionID: .warning)
    }

    let zone: TimeZone
    let strictness: Strictness
    let sink: DiagnosticSink

    /// Checks the sessions against each other and against the rooms, reporting to the sink.
    func check(rooms: [Room], sessions: [(Session, SessionOrigin)]) {
        let roomIDs = Set(rooms.map(\.id))
        var firstByID: [String: Int] = [:]
        var byRoom: [String: [(Session, SessionOrigin)]] = [:]
        for (session, origin) in sessions {
            checkTexts(session, origin)
            if let first = firstByID[session.id] {
                sink.add(strictness.duplicateSessionID, "the id \"\(session.id)\" is used twice (also at \(sink.locationText(first))); ids must be unique",
                         path: origin.keyPath("id"), sessionID: session.id, offset: origin.idOffset)
            } else {
                firstByID[session.id] = origin.idOffset
            }
            if !roomIDs.contains(session.roomID) {
                sink.error("unknown room \"\(session.roomID)\"\(roomHint(session.roomID, rooms: rooms, ids: roomIDs))", path: origin.keyPath("room"),
                           sessionID: session.id, offset: origin.roomOffset)
                continue
            }
            if session.end < session.start {
                sink.error("end \(time(session.end)) is before start \(time(session.start))", path: origin.keyPath("end"), sessionID: session.id, offset: origin.endOffset)
                continue
            }
            if session.end == session.start {
                sink.add(strictness.zeroLength, "end equals start (\(time(session.start))); a session must last some time",
                         path: origin.keyPath("end"), sessionID: session.id, offset: origin.endOffset)
                continue
            }
            if session.duration > 24 * 3600 {
                sink.warning("lasts \(Int(session.duration / 3600)) hours; is the end date right?", path: origin.keyPath("end"), sessionID: session.id, offset: origin.endOffset)
            }
            if session.isScheduled { byRoom[session.roomID, default: []].append((session, origin)) }
        }
        for room in rooms {
            guard let list = byRoom[room.id], list.count > 1 else { continue }
            checkOverlaps(list.sorted { $0.0.start < $1.0.start }, room: room)
        }
    }

    private func checkOverlaps(_ list: [(Session, SessionOrigin)], room: Room) {
        var running = list[0]
        for item in list.dropFirst() {
            let (session, origin) = item
            if session.start < running.0.end {
                let other = running.0
                sink.add(strictness.overlap,
                         "overlaps session \"\(other.id)\" (\(time(other.start))–\(time(other.end)), at \(sink.locationText(running.1.offset))) in room \"\(room.id)\"\(strictness.overlap == .error ? "; fix the times or mark one \"status\": \"cancelled\"" : "")",
                         path: origin.keyPath("start"), sessionID: session.id, offset: origin.startOffset)
            }
            if session.end > running.0.end { running = item }
        }
    }

    /// Texts the screens show must be bounded in what they cost to lay out (`DisplayText`).
    private func checkTexts(_ session: Session, _ origin: SessionOrigin) {
        var texts: [(String, String?)] = [("title", session.title), ("subtitle", session.subtitle), ("note", session.note), ("track", session.track)]
        texts += session.speakers.flatMap { [("speakers", $0.name), ("speakers", $0.affiliation)] }
        for case let (key, text?) in texts {
            if let problem = DisplayText.problem(text, maxCharacters: nil) {
                sink.error(problem, path: origin.keyPath(key), sessionID: session.id, offset: origin.offset)
            }
        }
    }

    /// "; did you mean …?", or the known rooms.
    private func roomHint(_ id: String, rooms: [Room], ids: Set<String>) -> String {
        if let near = Spelling.closest(to: id, among: ids) { return "; did you mean \"\(near)\"?" }
        return "; known rooms: " + rooms.quotedIDs
    }

    private func time(_ date: Date) -> String {
        let local = zone.localDateTime(for: date)
        return local.second == 0 ? local.timeText : local.timeText + ":" + pad(local.second, 2)
    }
}
