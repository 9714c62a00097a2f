import FuzzSupport

/// Inputs that do not look like a frab document are wrapped in one, so mutations explore the frab reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if !bytes.starts(with: Array(#"{"schedule""#.utf8)) {
        bytes = Array(#"{"schedule": {"conference": {"title": "f", "days": "#.utf8) + bytes + Array("}}}".utf8)
    }
    checkFeed(bytes)
    return 0
}
