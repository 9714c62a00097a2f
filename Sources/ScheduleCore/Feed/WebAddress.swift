import Foundation

/// A session's page as feeds give it: an absolute http or https URL with a host, no blank,
/// control or invisible format characters (a right-to-left override can make a link read as
/// another), no user name or password before the host (`https://good.example@evil.example/`
/// reads as one site and opens another), at most `maxLength` characters (so its QR code stays
/// coarse enough to scan from a metre).
public enum WebAddress {
    public static let maxLength = 500

    /// The address, trimmed, or why it is not one.
    public static func check(_ text: String) -> Result<String, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= maxLength else { return .failure(.tooLong(trimmed.count)) }
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"),
              !trimmed.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else {
            return .failure(.notHTTP)
        }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .format }) { return .failure(.invisibleCharacters) }
        let afterScheme = trimmed[trimmed.index(trimmed.firstIndex(of: ":")!, offsetBy: 3)...]
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if authority.contains("@") { return .failure(.userInfo) }
        guard let url = URL(string: ascii(trimmed)), let host = url.host, !host.isEmpty else {
            return .failure(.notHTTP)
        }
        return .success(trimmed)
    }

    /// The address in ASCII, as a QR code should carry it (a code has no reliable way to say its
    /// bytes are UTF-8: readers take them for Shift-JIS): every other character percent-encoded
    /// as UTF-8, which browsers read back, in the host too.
    public static func ascii(_ address: String) -> String {
        guard address.unicodeScalars.contains(where: { !$0.isASCII }) else { return address }
        var result = ""
        for scalar in address.unicodeScalars {
            if scalar.isASCII {
                result.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { result += String(format: "%%%02X", byte) }
            }
        }
        return result
    }

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notHTTP
        case tooLong(Int)
        case invisibleCharacters
        case userInfo

        public var description: String {
            switch self {
            case .notHTTP: "is not an http or https address (https://host/path)"
            case .tooLong(let count): "is \(count) characters long; at most \(WebAddress.maxLength) fit a QR code that scans from a metre"
            case .invisibleCharacters: "holds invisible characters (such as a right-to-left override) that make it read as another address"
            case .userInfo: "has a user name or password before its host (user@host), which makes it read as another address"
            }
        }
    }
}
