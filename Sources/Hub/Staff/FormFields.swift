import Foundation

/// A submitted form (`application/x-www-form-urlencoded`), bounded: at most `maxBytes` and
/// `maxFields`; a field is its first value.
struct FormFields: Sendable {
    static let maxBytes = 16 * 1024
    static let maxFields = 16

    private let fields: [String: String]

    /// The fields of `body`, or nil when it is not a form within bounds.
    init?(_ body: [UInt8]) {
        guard body.count <= Self.maxBytes, let text = String(bytes: body, encoding: .utf8) else { return nil }
        var fields: [String: String] = [:]
        let pairs = text.split(separator: "&", omittingEmptySubsequences: true)
        guard pairs.count <= Self.maxFields else { return nil }
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else { return nil }
            if fields[name] == nil { fields[name] = value }
        }
        self.fields = fields
    }

    private static func decode(_ part: Substring) -> String? {
        part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    subscript(_ name: String) -> String? { fields[name] }
}
