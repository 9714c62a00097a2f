import Foundation

/// Comparing secrets without leaking, through timing, how much of them matched.
public enum ConstantTime {
    /// Whether `given` (what a client sent) equals `secret`, byte for byte and in length. The
    /// time taken depends on the length of `given` only, not on where the two differ.
    public static func equal(_ given: String, _ secret: String) -> Bool {
        let x = Array(given.utf8), y = Array(secret.utf8)
        var difference = UInt(bitPattern: x.count ^ y.count)  // Whole lengths: no truncation to a byte.
        for index in 0..<x.count {
            difference |= UInt(x[index] ^ (index < y.count ? y[index] : 0))
        }
        return difference == 0
    }
}

extension ConstantTime {
    /// Whether an `Authorization` header value carries `token` as a bearer token: the scheme in
    /// any case ("bearer", RFC 9110), the token whole, compared in constant time.
    public static func bearerMatches(_ header: String, token: String) -> Bool {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let scheme = parts.first.map { $0.lowercased() } ?? ""
        let credentials = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        return equal(credentials, token) && scheme == "bearer"
    }
}
