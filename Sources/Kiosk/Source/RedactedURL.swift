import Foundation

/// A feed URL as it may be shown in the status, the remote view and the journal: the user
/// name and password, the query and the fragment left out, since feed servers take their keys
/// there (`http://user:pass@host/feed`, `?api_key=…`). `https://host/feed?…` says a query was there.
public enum RedactedURL {
    public static func text(_ url: URL) -> String {
        guard var parts = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return "(a URL)" }
        let hadCredentials = parts.user != nil || parts.password != nil
        parts.user = nil
        parts.password = nil
        let hadQuery = parts.query != nil || parts.fragment != nil
        parts.query = nil
        parts.fragment = nil
        var text = parts.string ?? "(a URL)"
        if hadCredentials, let range = text.range(of: "://") { text.replaceSubrange(range, with: "://…@") }
        return hadQuery ? text + "?…" : text
    }
}
