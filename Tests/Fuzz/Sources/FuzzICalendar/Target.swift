import ScheduleCore

// Inputs are read as iCalendar when they start with BEGIN:VCALENDAR; others get that line put in front.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if !bytes.starts(with: Array("BEGIN:VCALENDAR".utf8)) { bytes = Array("BEGIN:VCALENDAR\n".utf8) + bytes }
    let report = FeedReader.read(bytes)
    // Invariant: a program exists exactly when there is no error.
    precondition((report.program == nil) == !report.errors.isEmpty)
    if let program = report.program, let first = program.firstStart {
        _ = Board(program: program, at: first)
        _ = NativeFeedWriter.write(program)
    }
    return 0
}
