import Foundation

/// A session's page as feeds give it: an absolute http or https URL with a host, no blank or
/// control characters, at most `maxLength` characters (so its QR code stays coarse enough to
/// scan from a metre).
public enum WebAddress {
    public static let maxLength = 500

    /// The address, trimmed, or why it is not one.
    public static func check(_ text: String) -> Result<String, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= maxLength else { return .failure(.tooLong(trimmed.count)) }
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"),
              !trimmed.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }),
              let url = URL(string: trimmed), let host = url.host, !host.isEmpty else {
            return .failure(.notHTTP)
        }
        return .success(trimmed)
    }

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notHTTP
        case tooLong(Int)

        public var description: String {
            switch self {
            case .notHTTP: "is not an http or https address (https://host/path)"
            case .tooLong(let count): "is \(count) characters long; at most \(WebAddress.maxLength) fit a QR code that scans from a metre"
            }
        }
    }
}
