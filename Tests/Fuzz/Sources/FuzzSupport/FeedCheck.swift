import ScheduleCore

/// What every feed fuzz target checks on each input: reading never traps; a program exists
/// exactly when there is no error; a program can be queried and written back out.
public func checkFeed(_ bytes: [UInt8]) {
    let report = FeedReader.read(bytes)
    precondition((report.program == nil) == !report.errors.isEmpty)
    if let program = report.program, let first = program.firstStart {
        _ = Board(program: program, at: first)
        _ = NativeFeedWriter.write(program)
    }
}
