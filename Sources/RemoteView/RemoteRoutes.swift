/// What the remote view answers with, shared by every connection: the token it requires (nil:
/// none) and the bodies of its three endpoints.
public struct RemoteRoutes: Sendable {
    public let token: String?
    public let status: @Sendable () -> [UInt8]
    public let metrics: @Sendable () -> [UInt8]
    public let screenshot: @Sendable () async -> [UInt8]?

    public init(token: String?, status: @escaping @Sendable () -> [UInt8], metrics: @escaping @Sendable () -> [UInt8],
                screenshot: @escaping @Sendable () async -> [UInt8]?) {
        self.token = token
        self.status = status
        self.metrics = metrics
        self.screenshot = screenshot
    }
}
