import FlyingFox
import FlyingSocks
import Foundation
import Kiosk
import Logging
import Metrics
import Prometheus

/// A small read-only HTTP server for the technician and the fleet: `GET /status` (the status
/// JSON), `GET /screenshot.png` (the frame on screen) and `GET /metrics` (Prometheus text).
/// Off unless asked for; bound to one address; with a token, every request needs
/// `Authorization: Bearer TOKEN`. It runs on Swift's concurrency threads, never the frame
/// loop's, and asks the loop for a screenshot at most once per `screenshotMaxAge`.
public final class RemoteServer: Sendable {
    private let server: HTTPServer
    private let task: Task<Void, any Error>

    /// Starts listening; returns once the socket is bound.
    /// - Parameters:
    ///   - token: required as a bearer token when set (compared in constant time).
    ///   - screenshot: the PNG of the frame on screen (from the render loop), or nil.
    public init(address: String, port: Int, token: String?, store: FeedStore, registry: PrometheusCollectorRegistry,
                screenshot: ScreenshotMailbox, logger: Logger) async throws {
        let socketAddress: any SocketAddress = address.contains(":")
            ? try .inet6(ip6: address, port: UInt16(port)) as sockaddr_in6
            : try .inet(ip4: address, port: UInt16(port)) as sockaddr_in
        let server = HTTPServer(address: socketAddress, timeout: 5, logger: .disabled)
        let started = ContinuousClock.now
        let wallClock = SystemWallClock()
        let authorised: @Sendable (HTTPRequest) -> Bool = { request in
            guard let token else { return true }
            return ConstantTime.equal(request.headers[.authorization] ?? "", "Bearer " + token)
        }
        let unauthorised = HTTPResponse(statusCode: .unauthorized, headers: [.init("WWW-Authenticate"): "Bearer"], body: Data("unauthorized\n".utf8))
        await server.appendRoute("GET /status") { request in
            guard authorised(request) else { return unauthorised }
            let body = (try? store.snapshot().status.json()) ?? []
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json"], body: Data(body))
        }
        await server.appendRoute("GET /metrics") { request in
            guard authorised(request) else { return unauthorised }
            KioskMetrics.updateGauges(status: store.snapshot().status, now: wallClock.now(), uptime: started.duration(to: .now))
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: Data(registry.emitToBuffer()))
        }
        await server.appendRoute("GET /screenshot.png") { request in
            guard authorised(request) else { return unauthorised }
            guard let png = await screenshot.latest() else {
                return HTTPResponse(statusCode: .serviceUnavailable, body: Data("no frame yet\n".utf8))
            }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "image/png", .cacheControl: "no-store"], body: Data(png))
        }
        self.server = server
        task = Task { try await server.run() }
        try await server.waitUntilListening(timeout: 5)
        logger.notice("remote view listening", metadata: ["address": "\(address)", "port": "\(port)", "token": "\(token == nil ? "none" : "required")"])
    }

    public func stop() async {
        await server.stop(timeout: 1)
        task.cancel()
    }
}

/// Comparing secrets without leaking, through timing, how much of them matched.
public enum ConstantTime {
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(truncatingIfNeeded: x.count ^ y.count)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0
    }
}
