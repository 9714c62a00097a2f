import Kiosk

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let (config, diagnostics) = KioskConfig.read(Array(UnsafeBufferPointer(start: data, count: size)))
    precondition((config == nil) == diagnostics.contains { $0.severity == .error })
    return 0
}
