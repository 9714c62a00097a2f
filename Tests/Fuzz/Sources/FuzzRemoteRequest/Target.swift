import NIOCore
import NIOEmbedded
import RemoteView

/// What a client of the remote view may send, before authentication: any bytes, in pieces (the
/// first byte sets their size), through the very pipeline a connection gets (the request-head
/// limit, NIO's HTTP/1 decoder, the handler), with a token required. Whatever arrives, nothing
/// crashes, an answer is at most one small response, and the token is never given away.
let routes = RemoteRoutes(token: "fuzz-token-0123456789", status: { Array(#"{"ok":true}"#.utf8) }, metrics: { Array("m 1\n".utf8) },
                          screenshot: { nil })

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 0 else { return 0 }
    let pieceSize = Int(data[0]) + 1
    let channel = EmbeddedChannel()
    defer { _ = try? channel.finish() }
    do {
        try RemoteServer.addHandlers(to: channel.pipeline.syncOperations, routes: routes, limits: RemoteLimits())
    } catch {
        preconditionFailure("the pipeline could not be set up: \(error)")
    }
    var offset = 1
    while offset < size, channel.isActive {
        let end = min(size, offset + pieceSize)
        let buffer = channel.allocator.buffer(bytes: UnsafeBufferPointer(start: data + offset, count: end - offset))
        do { try channel.writeInbound(buffer) } catch { break }
        offset = end
    }
    var answered = 0
    while let part = try? channel.readOutbound(as: ByteBuffer.self) {
        answered += part.readableBytes
        precondition(!String(buffer: part).contains("fuzz-token"), "the token was echoed")
    }
    precondition(answered < 4096, "an answer of \(answered) bytes to an unauthenticated client")
    return 0
}
