import ScheduleCore

// Inputs are wrapped as a frab document when they do not look like one, so mutations explore the frab reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if !bytes.starts(with: Array(#"{"schedule""#.utf8)) { bytes = Array(#"{"schedule": {"conference": {"title": "f", "days": "#.utf8) + bytes + Array("}}}".utf8) }
    let report = FeedReader.read(bytes)
    // Invariant: a program exists exactly when there is no error.
    precondition((report.program == nil) == !report.errors.isEmpty)
    if let program = report.program, let first = program.firstStart {
        _ = Board(program: program, at: first)
        _ = NativeFeedWriter.write(program)
    }
    return 0
}
