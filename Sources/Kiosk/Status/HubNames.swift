/// The names screens go by at a hub: what both sides accept.
public enum HubNames {
    /// The request header a screen names itself in.
    public static let screenHeader = "X-Skylt-Screen"

    /// 1–64 ASCII letters, digits, `.`, `_` and `-`: safe in a header, a URL and a page.
    public static func isValidScreenName(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }
}
