/// A width and height in pixels: a panel as mounted, or a layout as the viewer sees it.
public struct Size: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// `1920x1080`.
    public var description: String { "\(width)x\(height)" }
}
