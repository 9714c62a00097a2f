import NIOCore

/// What one client of the remote view may cost, whoever it is: checked before authentication,
/// so an unauthenticated client on the venue network cannot slow the view down for long, and
/// can never reach the sign (the view runs on its own thread, the sign on the main one).
public struct RemoteLimits: Sendable {
    /// Connections open at once; at the limit, the oldest is closed to let a new one in.
    public var maxConnections = 256
    /// Connections open at once from one address; likewise.
    public var maxConnectionsPerAddress = 16
    /// A request's line and headers, in bytes (the view's requests are a few hundred).
    public var maxRequestHeadBytes = 8 * 1024
    /// How long a client has to send its whole request; then the connection is closed. Every
    /// response closes its connection, so this bounds a connection's whole life (a slowloris
    /// holds a slot for this long at most).
    public var requestTimeout: TimeAmount = .seconds(5)

    public init() {}
}
