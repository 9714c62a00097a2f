import NIOCore

/// On the listening socket: closes a new connection at once when `RemoteLimits.maxConnections`
/// are open, or `maxConnectionsPerAddress` from its address, so a flood of idle connections
/// costs a few descriptors and never the listener itself.
final class ConnectionLimiter: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = any Channel
    typealias InboundOut = any Channel

    private let limits: RemoteLimits
    private let onRefused: @Sendable () -> Void
    // Touched on the server channel's event loop only.
    private var open = 0
    private var byAddress: [String: Int] = [:]

    init(limits: RemoteLimits, onRefused: @escaping @Sendable () -> Void) {
        self.limits = limits
        self.onRefused = onRefused
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let child = unwrapInboundIn(data)
        let address = child.remoteAddress?.ipAddress ?? "?"
        guard open < limits.maxConnections, byAddress[address, default: 0] < limits.maxConnectionsPerAddress else {
            onRefused()
            child.close(promise: nil)
            return
        }
        open += 1
        byAddress[address, default: 0] += 1
        let loop = context.eventLoop
        child.closeFuture.hop(to: loop).whenComplete { [self] _ in
            open -= 1
            byAddress[address, default: 1] -= 1
            if byAddress[address] == 0 { byAddress[address] = nil }
        }
        context.fireChannelRead(data)
    }
}
