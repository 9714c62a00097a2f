import CSDL2

/// A failure reported by SDL, with SDL's own message captured at the moment it happened.
public struct SDLError: Error, CustomStringConvertible, Sendable {
    public let operation: String
    public let message: String

    /// Captures `SDL_GetError()` now.
    package init(_ operation: String) {
        self.operation = operation
        self.message = String(cString: SDL_GetError())
    }

    package init(_ operation: String, message: String) {
        self.operation = operation
        self.message = message
    }

    public var description: String { "\(operation) failed: \(message)" }
}
