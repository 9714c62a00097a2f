/// How a URL source is asked: the request's timeout and extra header lines. A feed URL is asked
/// every poll interval with the defaults; a hub holds each request until something changes (up
/// to 25 s), so its requests wait longer and carry the fleet's token and the screen's name.
public struct RequestOptions: Sendable {
    /// Seconds without a byte before a request fails (the whole request: three times that).
    public var timeout: Double
    /// Header lines sent with every request ("Authorization: Bearer …").
    public var headers: [String]
    /// The longest wait between attempts while the source fails (a hub's screens ask again
    /// within a second, so they catch up as soon as it is back).
    public var maxBackoff: Duration

    public init(timeout: Double = 10, headers: [String] = [], maxBackoff: Duration = .seconds(300)) {
        self.timeout = timeout
        self.headers = headers
        self.maxBackoff = maxBackoff
    }
}
