import Kiosk

/// A feed URL's body as a hostile server may send it, `Content-Encoding: gzip`: cut into pieces
/// (the first byte sets their size, as the network would), decompressed under a 1 MiB cap.
/// Whatever the bytes, the decoder must stop or finish within the cap, and never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let pieceSize = Int(data[0]) + 1
    let body = UnsafeRawBufferPointer(start: data + 1, count: size - 1)
    let maxBytes = 1 << 20
    guard let decoder = try? GzipDecoder(maxBytes: maxBytes) else { return 0 }
    var offset = 0
    while offset < body.count {
        let end = min(body.count, offset + pieceSize)
        do { try decoder.append(UnsafeRawBufferPointer(rebasing: body[offset..<end])) } catch { return 0 }
        precondition(decoder.output.count <= maxBytes)
        offset = end
    }
    if let whole = try? decoder.finish() { precondition(whole.count <= maxBytes) }
    return 0
}
