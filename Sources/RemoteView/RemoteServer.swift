import Foundation
import Kiosk
import Logging
import Metrics
import NIOCore
import NIOHTTP1
import NIOPosix
import Prometheus

/// A small read-only HTTP server for the technician and the fleet: `GET /status` (the status
/// JSON), `GET /screenshot.png` (the frame on screen) and `GET /metrics` (Prometheus text).
/// Off unless asked for; bound to one address; with a token, every request needs
/// `Authorization: Bearer TOKEN`. Built on SwiftNIO (one event-loop thread, never the frame
/// loop's): its HTTP parser is linear and bounded, and `RemoteLimits` caps what any client,
/// authenticated or not, can cost. When the process runs out of file descriptors the listener
/// pauses accepting for a moment and goes on (NIO's `AcceptBackoffHandler`); it never closes.
public final class RemoteServer: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    /// Where it listens (the port chosen by the system when 0 was asked for).
    public let port: Int

    /// Starts listening; returns once the socket is bound, or throws why it cannot be.
    /// - Parameters:
    ///   - token: required as a bearer token when set (compared in constant time).
    ///   - status: the kiosk's status, served as JSON and as gauges.
    ///   - screenshot: the PNG of the frame on screen (from the render loop), or nil.
    ///   - wallClock: the instant the gauges are judged at (how long since the last success).
    ///   - clock: the uptime gauge's clock.
    public init<C: Clock>(address: String, port: Int, token: String?, status: StatusBoard, registry: PrometheusCollectorRegistry,
                          screenshot: ScreenshotMailbox, logger: Logger, wallClock: any WallClock, clock: C,
                          limits: RemoteLimits = RemoteLimits()) throws where C.Duration == Duration {
        let socketAddress = try Self.socketAddress(address, port: port)
        var limits = limits
        limits.maxConnections = Self.connectionsThatFit(limits.maxConnections)
        let started = clock.now
        let routes = RemoteRoutes(
            token: token,
            status: { (try? status.snapshot().json()) ?? [] },
            metrics: {
                KioskMetrics.updateGauges(status: status.snapshot(), now: wallClock.now(), uptime: started.duration(to: clock.now))
                return registry.emitToBuffer()
            },
            screenshot: { await screenshot.latest() })
        let evicted = Counter(label: "skylt_remote_evicted_connections_total")
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)  // One loop: the limiter and the handlers share `busy` on it.
        let busy = BusyConnections()
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(AcceptBackoffHandler(shouldForwardIOErrorCaught: false))
                    try channel.pipeline.syncOperations.addHandler(ConnectionLimiter(limits: limits, busy: busy, onEvicted: { evicted.increment() }))
                }
            }
            .childChannelOption(.allowRemoteHalfClosure, value: false)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try Self.addHandlers(to: channel.pipeline.syncOperations, routes: routes, limits: limits, busy: busy)
                }
            }
        do {
            channel = try bootstrap.bind(to: socketAddress).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw RemoteViewError.cannotListen(address: address, port: port, reason: Self.describe(error))
        }
        self.group = group
        // The view's one thread yields to the sign's: a flood of requests slows the view, not the frames.
        group.next().execute { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10) }  // Linux: 0 is the calling thread.
        self.port = channel.localAddress?.port ?? port
        logger.notice("remote view listening", metadata: ["address": "\(address)", "port": "\(self.port)", "token": "\(token == nil ? "none" : "required")",
                                                        "max_connections": "\(limits.maxConnections)"])
    }

    /// Stops listening and closes every connection.
    public func stop() {
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    /// Sets up one connection: the request-head limit, NIO's HTTP/1 codec with tight header
    /// limits, and the handler. (The fuzz target feeds bytes through the same pipeline.)
    public static func addHandlers(to operations: ChannelPipeline.SynchronousOperations, routes: RemoteRoutes, limits: RemoteLimits) throws {
        try addHandlers(to: operations, routes: routes, limits: limits, busy: BusyConnections())
    }

    static func addHandlers(to operations: ChannelPipeline.SynchronousOperations, routes: RemoteRoutes, limits: RemoteLimits,
                            busy: BusyConnections) throws {
        var decoderLimits = NIOHTTPDecoderLimitConfiguration()
        decoderLimits.maxHeaderFieldSize = limits.maxRequestHeadBytes
        decoderLimits.maxHeaderListSize = limits.maxRequestHeadBytes
        decoderLimits.maxHeaderFieldCount = 100
        try operations.addHandler(RequestHeadLimit(maxBytes: limits.maxRequestHeadBytes))
        try operations.configureHTTPServerPipeline(withPipeliningAssistance: false, withErrorHandling: true, withOutboundHeaderValidation: true,
                                                   withEncoderConfiguration: .init(), withDecoderLimitConfiguration: decoderLimits)
        try operations.addHandler(RemoteHandler(routes: routes, timeout: limits.requestTimeout, busy: busy))
    }

    /// Why `address` cannot be listened on (not an IP address), or nil when it can.
    public static func problem(withAddress address: String) -> String? {
        do {
            _ = try socketAddress(address, port: 0)
            return nil
        } catch {
            return error.description
        }
    }

    /// The IP address to listen on (`localhost` is 127.0.0.1; host names are not looked up).
    private static func socketAddress(_ address: String, port: Int) throws(RemoteViewError) -> SocketAddress {
        do {
            return try SocketAddress(ipAddress: address == "localhost" ? "127.0.0.1" : address, port: port)
        } catch {
            throw .badAddress(address)
        }
    }

    /// At most `wanted`, and never so many that the view's connections could take the
    /// descriptors the sign itself needs (its files, status, cache, display): what the process
    /// has open now plus 32 stay free under its limit of open files.
    static func connectionsThatFit(_ wanted: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return wanted }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 64
        return max(1, min(wanted, Int(limit.rlim_cur) - open - 32))
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
        return "\(error)"
    }
}

/// Why the remote view cannot start.
public enum RemoteViewError: Error, CustomStringConvertible {
    case badAddress(String)
    case cannotListen(address: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .badAddress(let address): "\"\(address)\" is not an IP address (write 127.0.0.1, 0.0.0.0, ::1 or ::)"
        case .cannotListen(let address, let port, let reason): "cannot listen on \(address):\(port): \(reason)"
        }
    }
}
