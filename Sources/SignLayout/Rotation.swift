/// How a screen is mounted: the picture is turned by this many degrees clockwise.
public enum Rotation: Int, Sendable, CaseIterable {
    case none = 0, quarter = 90, half = 180, threeQuarters = 270

    /// Whether the panel's width and height swap for the layout.
    public var swapsSides: Bool { self == .quarter || self == .threeQuarters }

    /// The size a layout must have to fill a panel of `panel` size mounted this way (portrait
    /// for a landscape panel on its side).
    public func layoutSize(forPanel panel: Size) -> Size {
        swapsSides ? Size(width: panel.height, height: panel.width) : panel
    }
}
