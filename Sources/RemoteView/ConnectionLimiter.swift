import NIOCore

/// On the listening socket: keeps at most `RemoteLimits.maxConnections` connections open, and
/// `maxConnectionsPerAddress` from one address, by closing the *oldest* when a new one arrives
/// at the limit. Every connection lives for one request of at most `requestTimeout`, so the
/// oldest is the one most likely idle on purpose: a client holding thousands of idle
/// connections only churns them, while an honest request, answered in milliseconds, gets in.
/// The descriptors it costs stay bounded, and the listener itself is never closed.
final class ConnectionLimiter: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = any Channel
    typealias InboundOut = any Channel

    private let limits: RemoteLimits
    private let onEvicted: @Sendable () -> Void
    // Touched on the server channel's event loop only.
    private var queue = CircularBuffer<(channel: any Channel, address: String)>()
    private var open: Set<ObjectIdentifier> = []
    private var byAddress: [String: Int] = [:]

    init(limits: RemoteLimits, onEvicted: @escaping @Sendable () -> Void) {
        self.limits = limits
        self.onEvicted = onEvicted
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let child = unwrapInboundIn(data)
        let address = child.remoteAddress?.ipAddress ?? "?"
        if byAddress[address, default: 0] >= limits.maxConnectionsPerAddress { evictOldest(from: address) }
        if open.count >= limits.maxConnections { evictOldest(from: nil) }
        let id = ObjectIdentifier(child)
        open.insert(id)
        byAddress[address, default: 0] += 1
        queue.append((child, address))
        child.closeFuture.hop(to: context.eventLoop).whenComplete { [self] _ in
            guard open.remove(id) != nil else { return }
            byAddress[address, default: 1] -= 1
            if byAddress[address] == 0 { byAddress[address] = nil }
            if queue.count > 2 * open.count + 16 { queue = CircularBuffer(queue.filter { open.contains(ObjectIdentifier($0.channel)) }) }
        }
        context.fireChannelRead(data)
    }

    /// Closes the oldest open connection (from `address`, when given).
    private func evictOldest(from address: String?) {
        guard let index = queue.firstIndex(where: { open.contains(ObjectIdentifier($0.channel)) && (address == nil || $0.address == address) }) else { return }
        let (channel, from) = queue.remove(at: index)
        open.remove(ObjectIdentifier(channel))
        byAddress[from, default: 1] -= 1
        if byAddress[from] == 0 { byAddress[from] = nil }
        onEvicted()
        channel.close(promise: nil)
    }
}
