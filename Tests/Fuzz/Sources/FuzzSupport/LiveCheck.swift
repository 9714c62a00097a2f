import Foundation
import ScheduleCore

/// The program every live-file input is judged against: three rooms over a day in Stockholm.
let liveProgram: Program = {
    let feed = """
    {"skylt": 1, "event": {"name": "Fuzz", "timezone": "Europe/Stockholm", "locale": "en-GB"},
     "rooms": [{"id": "hall-a", "name": "Hall A"}, {"id": "hall-b", "name": "Hall B"}, {"id": "workshop", "name": "Workshop"}],
     "sessions": [
      {"id": "a1", "room": "hall-a", "title": "A1", "start": "2021-09-14T09:00", "end": "2021-09-14T10:00"},
      {"id": "a2", "room": "hall-a", "title": "A2", "start": "2021-09-14T10:30", "end": "2021-09-14T23:30"},
      {"id": "b1", "room": "hall-b", "title": "B1", "start": "2021-09-14T09:00", "end": "2021-09-14T11:00", "kind": "break"},
      {"id": "w1", "room": "workshop", "title": "W1", "start": "2021-09-15T09:00", "end": "2021-09-15T12:00"}]}
    """
    return FeedReader.read(Array(feed.utf8)).program!
}()

/// What the live-file fuzz target checks on each input: reading never traps; a state exists
/// exactly when there is no error; a valid state lays over the program without changing any
/// session's length, shows on boards at several instants, and writes back out as the same state.
public func checkLive(_ bytes: [UInt8]) {
    let report = LiveReader.read(bytes, program: liveProgram)
    precondition((report.state == nil) == !report.errors.isEmpty)
    guard let state = report.state else { return }
    let program = liveProgram.applying(state)
    for (session, planned) in zip(program.sessions.sorted { $0.id < $1.id }, liveProgram.sessions.sorted { $0.id < $1.id }) {
        precondition(session.duration == planned.duration && session.plannedStart == planned.start)
    }
    for instant in [program.firstStart!, program.firstStart!.addingTimeInterval(3600 * 14), state.alert?.until ?? program.lastEnd!] {
        _ = Board(program: program, at: instant)
    }
    let written = LiveWriter.write(state, program: liveProgram, updated: liveProgram.firstStart!)
    precondition(LiveReader.read(written, program: liveProgram).state == state)
}
