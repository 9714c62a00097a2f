import Foundation
import FuzzSupport

/// frab / Pentabarf schedule.xml. Inputs that do not start like XML are wrapped as a room's
/// events, so mutations explore the event mapping as well as libxml2's parsing and our limits.
/// A zone is passed for schedules that name none, so those reach the reader's later rules too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if bytes.first != UInt8(ascii: "<") {
        bytes = Array(#"<schedule><conference><title>f</title></conference><day date="2020-02-01"><room name="R">"#.utf8) + bytes
            + Array("</room></day></schedule>".utf8)
    }
    checkFeed(bytes, fallbackZone: TimeZone(identifier: "Europe/Brussels"))
    return 0
}
