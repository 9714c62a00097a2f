import Foundation
import ScheduleCore

/// What every feed fuzz target checks on each input: reading never traps; a program exists
/// exactly when there is no error; a program can be queried and (up to 100 sessions) written back out.
public func checkFeed(_ bytes: [UInt8], fallbackZone: TimeZone? = nil) {
    let report = FeedReader.read(bytes, fallbackZone: fallbackZone)
    precondition((report.program == nil) == !report.errors.isEmpty)
    if let program = report.program, let first = program.firstStart {
        _ = Board(program: program, at: first)
        // Writing is per session: thousands of them (one recurrence expands to up to 1,000) add
        // time, not code paths, so only programs up to 100 sessions are written back.
        if program.sessions.count <= 100 { _ = NativeFeedWriter.write(program) }
    }
}
