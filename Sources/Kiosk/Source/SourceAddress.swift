import Foundation

/// Where the kiosk gets its feed: a file the technician edits, or a URL it polls.
public enum SourceAddress: Sendable, Equatable, CustomStringConvertible {
    case file(String)
    case url(URL)

    /// `http://` and `https://` are URLs; anything else is a file path.
    public init(_ text: String) {
        if let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil {
            self = .url(url)
        } else {
            self = .file(text)
        }
    }

    /// The path, or the URL without its secrets (`RedactedURL`): what status and logs show.
    public var description: String {
        switch self {
        case .file(let path): path
        case .url(let url): RedactedURL.text(url)
        }
    }
}
