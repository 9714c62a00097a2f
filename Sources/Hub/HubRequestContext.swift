import Hummingbird
import NIOCore

/// Each request's context: Hummingbird's, and the address it came from (for the login
/// throttle and the history's "from which device").
public struct HubRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connected client (nginx's address behind a proxy).
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
