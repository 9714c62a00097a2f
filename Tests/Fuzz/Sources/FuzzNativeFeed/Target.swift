import ScheduleCore


@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let report = FeedReader.read(bytes)
    // Invariant: a program exists exactly when there is no error.
    precondition((report.program == nil) == !report.errors.isEmpty)
    if let program = report.program, let first = program.firstStart {
        _ = Board(program: program, at: first)
        _ = NativeFeedWriter.write(program)
    }
    return 0
}
