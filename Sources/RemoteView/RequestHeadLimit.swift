import NIOCore

/// Before the HTTP decoder: counts the bytes of each request head as they arrive (until its
/// blank line) and answers 431 and closes once there are more than the limit, so a client
/// sending an endless header line costs a few kilobytes and linear time, never more.
final class RequestHeadLimit: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let maxBytes: Int
    private var count = 0
    /// The last bytes seen, to find `\r\n\r\n` across reads.
    private var recent: UInt32 = 0
    private var refused = false

    init(maxBytes: Int) {
        self.maxBytes = maxBytes
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        let buffer = unwrapInboundIn(data)
        for byte in buffer.readableBytesView {
            recent = recent << 8 | UInt32(byte)
            count += 1
            if recent == 0x0D0A_0D0A { count = 0 }  // A head ended; the view's requests have no body.
            if count > maxBytes {
                refused = true
                let answer = "HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                let channel = context.channel
                context.writeAndFlush(NIOAny(channel.allocator.buffer(string: answer))).whenComplete { _ in channel.close(promise: nil) }
                return
            }
        }
        context.fireChannelRead(data)
    }
}
