import Foundation

/// A screen following a hub (`skylt run --hub URL --screen NAME`): the hub's two long-polled
/// documents, asked with this screen's name and the fleet's token.
public struct HubSubscription: Sendable {
    /// Where the program comes from (`/v1/program`).
    public let program: SourceAddress
    /// Where the live state comes from (`/v1/live`).
    public let live: SourceAddress
    /// How both are asked: the hub holds a request up to 25 s, so a request fails after 35 s
    /// without a byte; a hub that is down is asked again within a second.
    public let request: RequestOptions
    /// The hub's address (reports go to `/v1/report` and `/v1/thumbnail`).
    public let base: URL

    /// The subscription of `screen` to the hub at `hub`, with the token read from `tokenFile`.
    public init(hub: String, screen: String?, tokenFile: String?) throws(SettingProblem) {
        guard let base = URL(string: hub), ["http", "https"].contains(base.scheme?.lowercased() ?? ""), base.host != nil else {
            throw SettingProblem("--hub must be an http(s) URL such as http://hub.local:8080, not \"\(hub)\"")
        }
        guard let screen, HubNames.isValidScreenName(screen) else {
            throw SettingProblem("--screen must be 1–64 letters, digits, '.', '_' or '-'")
        }
        var headers = ["\(HubNames.screenHeader): \(screen)"]
        if let tokenFile {
            guard let token = TokenFile.read(tokenFile) else { throw SettingProblem("--hub-token-file: cannot read a token from \(tokenFile)") }
            headers.append("Authorization: Bearer \(token)")
        }
        self.base = base
        program = .url(base.appendingPathComponent("v1/program"))
        live = .url(base.appendingPathComponent("v1/live"))
        request = RequestOptions(timeout: 35, headers: headers, maxBackoff: .milliseconds(800))
    }
}
