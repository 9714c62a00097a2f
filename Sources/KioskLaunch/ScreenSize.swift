import ArgumentParser
import SignLayout

/// `WIDTHxHEIGHT` arguments (64 to 16,384 pixels a side).
public struct ScreenSize: ExpressibleByArgument, CustomStringConvertible {
    /// The size.
    public let size: Size

    /// A size of `width` × `height`.
    public init(width: Int, height: Int) {
        size = Size(width: width, height: height)
    }

    public init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x")
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
              (64...16_384).contains(width), (64...16_384).contains(height) else { return nil }
        self.init(width: width, height: height)
    }

    public var description: String { size.description }
}
