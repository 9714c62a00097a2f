import Foundation

/// A failure of the kernel's display interface, with errno's words captured when it happened.
public struct KMSError: Error, CustomStringConvertible, Sendable {
    public let operation: String
    public let reason: String

    /// Captures `errno` now.
    init(_ operation: String) {
        self.operation = operation
        reason = String(cString: strerror(errno))
    }

    init(_ operation: String, reason: String) {
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "\(operation): \(reason)" }
}
