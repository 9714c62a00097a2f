import Foundation
import Kiosk
import NIOCore
import NIOHTTP1

/// Answers one request on one connection and closes it: `GET /status`, `GET /metrics`,
/// `GET /screenshot.png` (and `HEAD` of each), everything else 404 or 405, and 401 without the
/// bearer token when one is required. A client that has not sent its whole request within
/// `RemoteLimits.requestTimeout` is disconnected.
final class RemoteHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let routes: RemoteRoutes
    private let timeout: TimeAmount
    private let busy: BusyConnections
    private var deadline: Scheduled<Void>?
    private var request: HTTPRequestHead?
    private var answered = false

    init(routes: RemoteRoutes, timeout: TimeAmount, busy: BusyConnections) {
        self.routes = routes
        self.timeout = timeout
        self.busy = busy
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let channel = context.channel
        deadline = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            request = head
            // The view takes no bodies: one announced is answered at once and the connection
            // closed, so a client cannot hold a slot (safe from eviction) by never sending it.
            if head.headers.contains(name: "Content-Length") && head.headers.first(name: "Content-Length") != "0"
                || head.headers.contains(name: "Transfer-Encoding") {
                answered = true
                deadline?.cancel()
                return send(.payloadTooLarge, body: Array("the remote view takes no request bodies\n".utf8), head: head, context: context)
            }
            busy.ids.insert(ObjectIdentifier(context.channel))
        case .body:
            break  // Never announced (refused above); nothing to read.
        case .end:
            guard let head = request, !answered else { return }
            answered = true
            deadline?.cancel()
            answer(head, context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func answer(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
        guard head.method == .GET || head.method == .HEAD else {
            return send(.methodNotAllowed, body: Array("only GET\n".utf8), extra: [("Allow", "GET, HEAD")], head: head, context: context)
        }
        guard ["/status", "/metrics", "/screenshot.png"].contains(path) else {
            return send(.notFound, body: Array("not found; try /status, /metrics or /screenshot.png\n".utf8), head: head, context: context)
        }
        if let token = routes.token {
            let given = head.headers.first(name: "Authorization") ?? ""
            guard head.headers["Authorization"].count <= 1, ConstantTime.bearerMatches(given, token: token) else {
                return send(.unauthorized, body: Array("unauthorized\n".utf8), extra: [("WWW-Authenticate", "Bearer")], head: head, context: context)
            }
        }
        switch path {
        case "/status":
            send(.ok, body: routes.status(), type: "application/json", head: head, context: context)
        case "/metrics":
            send(.ok, body: routes.metrics(), type: "text/plain; version=0.0.4", head: head, context: context)
        default:
            let loop = context.eventLoop
            let screenshot = routes.screenshot
            let bound = NIOLoopBound(context, eventLoop: loop)
            Task {
                let png = await screenshot()
                loop.execute { [self] in
                    let context = bound.value
                    if let png {
                        send(.ok, body: png, type: "image/png", extra: [("Cache-Control", "no-store")], head: head, context: context)
                    } else {
                        send(.serviceUnavailable, body: Array("no frame yet\n".utf8), head: head, context: context)
                    }
                }
            }
        }
    }

    private func send(_ status: HTTPResponseStatus, body: [UInt8], type: String = "text/plain; charset=utf-8", extra: [(String, String)] = [],
                      head request: HTTPRequestHead, context: ChannelHandlerContext) {
        var headers = HTTPHeaders([("Content-Type", type), ("Content-Length", "\(body.count)"), ("Connection", "close")])
        headers.add(contentsOf: extra)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        if request.method != .HEAD {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        }
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }
}
