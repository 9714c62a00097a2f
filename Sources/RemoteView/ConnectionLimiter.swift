import NIOCore

/// On the listening socket: keeps at most `RemoteLimits.maxConnections` connections open, and
/// `maxConnectionsPerAddress` from one address, by closing the *oldest idle one* (no request
/// received yet) when a new one arrives at the limit — the oldest of all only when every one
/// is being answered. Every connection lives for one request of at most `requestTimeout`, so a
/// client holding thousands of idle connections only churns them, while an honest request,
/// answered in milliseconds, gets in and is never cut off. The descriptors it costs stay
/// bounded, and the listener itself is never closed.
final class ConnectionLimiter: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = any Channel
    typealias InboundOut = any Channel

    private let limits: RemoteLimits
    private let busy: BusyConnections
    private let onEvicted: @Sendable () -> Void
    // Touched on the server channel's event loop only.
    private var queue = CircularBuffer<(channel: any Channel, address: String)>()
    private var open: Set<ObjectIdentifier> = []
    private var byAddress: [String: Int] = [:]

    init(limits: RemoteLimits, busy: BusyConnections, onEvicted: @escaping @Sendable () -> Void) {
        self.limits = limits
        self.busy = busy
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
            busy.ids.remove(id)
            guard open.remove(id) != nil else { return }
            byAddress[address, default: 1] -= 1
            if byAddress[address] == 0 { byAddress[address] = nil }
            if queue.count > 2 * open.count + 16 { queue = CircularBuffer(queue.filter { open.contains(ObjectIdentifier($0.channel)) }) }
        }
        context.fireChannelRead(data)
    }

    /// Closes the oldest idle connection (from `address`, when given), or the oldest of all.
    private func evictOldest(from address: String?) {
        let candidate = { (entry: (channel: any Channel, address: String)) in
            self.open.contains(ObjectIdentifier(entry.channel)) && (address == nil || entry.address == address)
        }
        guard let index = queue.firstIndex(where: { candidate($0) && !busy.ids.contains(ObjectIdentifier($0.channel)) })
            ?? queue.firstIndex(where: candidate) else { return }
        let (channel, from) = queue.remove(at: index)
        open.remove(ObjectIdentifier(channel))
        byAddress[from, default: 1] -= 1
        if byAddress[from] == 0 { byAddress[from] = nil }
        onEvicted()
        channel.close(promise: nil)
    }
}

/// The connections whose request has arrived and is being answered; shared by the limiter and
/// the handlers, touched on the one event loop only.
final class BusyConnections: @unchecked Sendable {
    var ids: Set<ObjectIdentifier> = []
}
