import FuzzSupport

/// Inputs that do not start like a calendar get BEGIN:VCALENDAR put in front, so mutations explore the iCalendar reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if !bytes.starts(with: Array("BEGIN:VCALENDAR".utf8)) { bytes = Array("BEGIN:VCALENDAR\n".utf8) + bytes }
    checkFeed(bytes)
    return 0
}
